import { type FormEvent, useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';

interface Props {
  fileName: string;
  /** Resolves once tried; a refusal is reported by the caller, and the field stays for another try. */
  onUnlock: (passphrase: string) => Promise<void>;
  onCancel: () => void;
}

/** "This backup is encrypted": the "Passphrase" field and "Open backup". Focus moves here so the user hears it. */
export function UnlockBackup({ fileName, onUnlock, onCancel }: Props) {
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await onUnlock(passphrase);
    } finally {
      setBusy(false);
      // Still here (wrong passphrase): back to the field, selected, for another try.
      field.current?.select();
    }
  };

  return (
    <form className="settings-import-preview" aria-labelledby="settings-unlock-heading" onSubmit={submit}>
      <h3 id="settings-unlock-heading" ref={heading} tabIndex={-1}>
        {t('backupEncryptedHeading')}
      </h3>
      <p>
        {t('backupEncryptedIntro')} <span className="user-text muted">({fileName})</span>
      </p>
      <div className="settings-field">
        <label htmlFor="settings-import-passphrase">{t('backupPassphraseImport')}</label>
        <input
          id="settings-import-passphrase"
          ref={field}
          type="password"
          autoComplete="current-password"
          required
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
        />
      </div>
      <div className="settings-actions">
        <button type="submit" className="primary" aria-busy={busy}>
          {t('backupOpen')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('settingsCancel')}
        </button>
      </div>
    </form>
  );
}
