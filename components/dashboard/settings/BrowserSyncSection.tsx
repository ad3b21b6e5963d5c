import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SYNC_MEMORY, SYNC_SWITCH } from '@/lib/browserSync/keys';
import type { SyncStatus } from '@/lib/browserSync/run';
import { activeLocale, t } from '@/lib/i18n/t';

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
  const waiting = (status?.notFitting.length ?? 0) + (status?.waiting ?? 0);
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
        <p role="status" className="muted">
          {status.error
            ? t('browserSyncRefused', status.error)
            : waiting
              ? t('browserSyncWaiting', when ?? '', String(waiting))
              : t('browserSyncDone', when ?? '', String(Math.round(status.bytes / 1024)))}
        </p>
      )}
    </section>
  );
}
