import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SYNC_MEMORY, SYNC_SWITCH } from '@/lib/browserSync/keys';
import type { SyncStatus, WaitingItem } from '@/lib/browserSync/run';
import { activeLocale, t } from '@/lib/i18n/t';

/** What a waiting item is, in words: never text from a refused item (it may be anyone's). */
function itemName(item: WaitingItem): string {
  if (item.reason === 'refused') return t('browserSyncItemFromElsewhere');
  if (item.key.startsWith('l:')) return t('browserSyncItemLink', item.name);
  if (item.key.startsWith('p:')) return t('browserSyncItemProgram', item.name);
  if (item.key.startsWith('t:')) return t('browserSyncItemTemplates', item.name);
  return t(item.key.startsWith('m') ? 'browserSyncItemMuted' : 'browserSyncItemSettings');
}

/**
 * "Sync links and settings across your browsers" (off by default). On, the background meets the browser's own
 * storage.sync after every change; this section says where the data goes and what the last meeting left waiting.
 */
export function BrowserSyncSection() {
  const [on, setOn] = useState(false);
  const [status, setStatus] = useState<SyncStatus>();
  useEffect(() => {
    const read = async () => {
      const stored = await browser.storage.local.get([SYNC_SWITCH, SYNC_MEMORY]);
      setOn(stored[SYNC_SWITCH] === true);
      setStatus((stored[SYNC_MEMORY] as { status?: SyncStatus } | undefined)?.status);
    };
    void read();
    const listener = (_: unknown, area: string) => area === 'local' && void read();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  const when = status && new Intl.DateTimeFormat(activeLocale(), { timeStyle: 'short' }).format(new Date(status.at));
  const items = status?.items ?? [];
  return (
    <section className="settings-section" aria-labelledby="settings-sync-heading">
      <h2 id="settings-sync-heading">{t('browserSyncHeading')}</h2>
      <div className="settings-check">
        <input
          type="checkbox"
          id="settings-browser-sync"
          checked={on}
          aria-describedby="settings-browser-sync-hint"
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setOn(checked);
            void browser.storage.local.set({ [SYNC_SWITCH]: checked });
          }}
        />
        <label htmlFor="settings-browser-sync">{t('browserSyncSwitch')}</label>
        <p className="muted settings-hint" id="settings-browser-sync-hint">
          {t('browserSyncHint')}
        </p>
      </div>
      {on && status && (
        <div role="status" className="muted">
          {status.error ? (
            <p>{t('browserSyncRefused', status.error)}</p>
          ) : status.held ? (
            <p>{t('browserSyncHeld')}</p>
          ) : items.length ? (
            <>
              <p>{t('browserSyncWaiting', when ?? '')}</p>
              <ul aria-label={t('browserSyncWaiting', when ?? '')}>
                {items.map((item) => (
                  <li key={`${item.key} ${item.reason}`}>{t(`browserSyncWhy_${item.reason}`, itemName(item))}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('browserSyncDone', when ?? '', String(Math.round(status.bytes / 1024)))}</p>
          )}
        </div>
      )}
    </section>
  );
}
