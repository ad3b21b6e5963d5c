import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useDb } from '@/components/hooks/useDb';
import { SYNC_MEMORY, SYNC_PROMPTS_PUT_OFF } from '@/lib/browserSync/keys';
import { arrivedPrograms } from '@/lib/browserSync/run';
import { t } from '@/lib/i18n/t';
import type { CustomProgramData } from '@/lib/referral/types';
import { hasHostAccess, originsFor, requestHostAccess } from './links/hostAccess';

/**
 * A custom program that arrived from another browser (lib/browserSync) has no site access on this one: access is
 * the user's to give, per browser, so the dashboard asks — above the tabs, whatever tab is open — and never
 * grants it silently. "Not now" puts the prompt off; the Links tab still offers the access under the program.
 */
export function ArrivedPrograms() {
  const db = useDb();
  const [arrived, setArrived] = useState<string[]>([]);
  const [putOff, setPutOff] = useState<string[]>([]);
  const [lacking, setLacking] = useState<CustomProgramData[]>([]);
  const customs = useLiveQuery(() => db.programs.toArray(), [db]);

  useEffect(() => {
    const read = async () => {
      const stored = await browser.storage.local.get([SYNC_MEMORY, SYNC_PROMPTS_PUT_OFF]);
      setArrived(arrivedPrograms(stored[SYNC_MEMORY]));
      const off = stored[SYNC_PROMPTS_PUT_OFF];
      setPutOff(Array.isArray(off) ? off.filter((id): id is string => typeof id === 'string') : []);
    };
    void read();
    const listener = (_: unknown, area: string) => area === 'local' && void read();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  useEffect(() => {
    let live = true;
    const candidates = (customs ?? []).filter((p) => arrived.includes(p.id) && !putOff.includes(p.id));
    void Promise.all(candidates.map(async (p) => ((await hasHostAccess(originsFor(p.shoppingHosts))) ? [] : [p]))).then(
      (lists) => live && setLacking(lists.flat()),
    );
    return () => {
      live = false;
    };
  }, [customs, arrived, putOff]);

  if (lacking.length === 0) return null;
  return (
    <div className="arrived-programs">
      {lacking.map((program) => (
        <section key={program.id} aria-labelledby={`arrived-${program.id}`} className="arrived-program">
          <h2 id={`arrived-${program.id}`}>{t('browserSyncArrivedHeading', program.name)}</h2>
          <p>{t('browserSyncArrivedText', program.shoppingHosts.join(', '))}</p>
          <button
            type="button"
            // Called straight from the click: the browser only shows its prompt during a user gesture.
            onClick={() =>
              requestHostAccess(originsFor(program.shoppingHosts)).then(
                (granted) => granted && setLacking((all) => all.filter((p) => p.id !== program.id)),
              )
            }
          >
            {t('browserSyncArrivedAllow', program.name)}
          </button>{' '}
          <button
            type="button"
            onClick={() => void browser.storage.local.set({ [SYNC_PROMPTS_PUT_OFF]: [...putOff, program.id] })}
          >
            {t('browserSyncArrivedLater')}
          </button>
        </section>
      ))}
    </div>
  );
}
