import { useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { SaveState } from './useSave';

/**
 * "Delete all data", confirmed inline with a second button. The background empties every table in one
 * transaction and resets the settings. Focus goes to "Cancel" first, so a stray Enter deletes nothing.
 */
export function DeleteAllData({ onDone }: { onDone: (state: SaveState) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  const close = () => {
    setAsking(false);
    // Back to the button that opened the question, so keyboard users keep their place.
    requestAnimationFrame(() => start.current?.focus());
  };

  const deleteAll = async () => {
    if (busy) return;
    setBusy(true);
    const reply = await sendCommand('deleteAllData', { confirm: 'DELETE' });
    setBusy(false);
    if (reply.ok) {
      onDone({ kind: 'saved', message: t('settingsDeleted') });
      close();
    } else {
      onDone({ kind: 'error', message: t('settingsDeleteFailed', reply.error.message) });
    }
  };

  return (
    <div className="settings-delete">
      {!asking ? (
        <button
          type="button"
          ref={start}
          className="danger"
          onClick={() => {
            onDone({ kind: 'idle' });
            setAsking(true);
          }}
        >
          {t('settingsDeleteAll')}
        </button>
      ) : (
        <fieldset
          className="settings-confirm"
          aria-labelledby="settings-delete-question"
          aria-describedby="settings-delete-warning"
        >
          <p>
            <strong id="settings-delete-question">{t('settingsDeleteQuestion')}</strong>{' '}
            <span id="settings-delete-warning">{t('settingsDeleteWarning')}</span>
          </p>
          <div className="settings-actions">
            <button type="button" className="danger" onClick={deleteAll} aria-busy={busy}>
              {t('settingsDeleteConfirm')}
            </button>
            <button type="button" ref={cancel} onClick={close}>
              {t('settingsCancel')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
