import { useState } from 'react';
import { downloadText } from '@/components/downloadText';
import { useDb } from '@/components/hooks/useDb';
import { encryptedFileName, MIN_PASSPHRASE_LENGTH } from '@/lib/backup/encryptedFormat';
import { backupFileName, buildBackup } from '@/lib/backup/format';
import { readBackupData } from '@/lib/db/backup';
import { t } from '@/lib/i18n/t';
import { loadSettings } from '@/lib/settings';
import { countList } from './counts';
import type { SaveState } from './useSave';

/** What is wrong with the passphrase pair, or undefined. Empty = a plain (unencrypted) export, which is allowed. */
function passphraseProblem(passphrase: string, again: string): string | undefined {
  if (!passphrase && !again) return undefined;
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    return t('backupPassphraseTooShort', String(MIN_PASSPHRASE_LENGTH));
  return passphrase === again ? undefined : t('backupPassphraseMismatch');
}

/**
 * "Export backup": reads every table in one snapshot (reading is the page's right; only writes go through
 * the background) plus the settings, and downloads them as refshare-backup-YYYY-MM-DD.json. With a "Backup
 * passphrase" (typed twice: a typo would lock the user out for good) the file is encrypted here first, by a module
 * loaded only then; without one, a line under the fields says the file will be readable by anyone who gets it.
 */
export function ExportBackup({ onDone }: { onDone: (state: SaveState) => void }) {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string>();

  const exportNow = async () => {
    // Not disabled while busy: a disabled button would drop keyboard focus. A second click is simply ignored.
    if (busy) return;
    const wrong = passphraseProblem(passphrase, again);
    setProblem(wrong);
    if (wrong) return onDone({ kind: 'idle' });
    setBusy(true);
    try {
      const now = new Date();
      const backup = buildBackup(await readBackupData(db), await loadSettings(), now.getTime());
      const list = countList(backup.counts);
      if (passphrase) {
        onDone({ kind: 'saved', message: t('backupEncrypting') });
        const { encryptBackup } = await import('@/lib/backup/backupCrypto.lazy');
        downloadText(await encryptBackup(JSON.stringify(backup), passphrase), encryptedFileName(backupFileName(now)));
        onDone({ kind: 'saved', message: t('backupExportedEncrypted', list || t('backupSettingsOnly')) });
      } else {
        downloadText(JSON.stringify(backup), backupFileName(now));
        onDone({ kind: 'saved', message: list ? t('settingsExported', list) : t('settingsExportedEmpty') });
      }
    } catch (e) {
      onDone({ kind: 'error', message: t('settingsExportFailed', String(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="settings-export">
      <div className="settings-row">
        <div className="settings-field">
          <label htmlFor="settings-backup-passphrase">{t('backupPassphrase')}</label>
          <input
            id="settings-backup-passphrase"
            type="password"
            autoComplete="new-password"
            value={passphrase}
            aria-invalid={problem !== undefined}
            aria-describedby={`settings-passphrase-hint${problem ? ' settings-passphrase-error' : ''}`}
            onChange={(e) => {
              setPassphrase(e.currentTarget.value);
              setProblem(undefined);
            }}
          />
        </div>
        <div className="settings-field">
          <label htmlFor="settings-backup-passphrase-again">{t('backupPassphraseAgain')}</label>
          <input
            id="settings-backup-passphrase-again"
            type="password"
            autoComplete="new-password"
            value={again}
            aria-invalid={problem !== undefined}
            onChange={(e) => {
              setAgain(e.currentTarget.value);
              setProblem(undefined);
            }}
          />
        </div>
      </div>
      <p className="muted settings-hint" id="settings-passphrase-hint">
        {passphrase ? t('backupPassphraseHint') : t('backupPlainWarning')}
      </p>
      {problem && (
        <p role="alert" id="settings-passphrase-error">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="primary"
        onClick={exportNow}
        aria-busy={busy}
        aria-describedby="settings-export-hint settings-passphrase-hint"
      >
        {t('settingsExportBackup')}
      </button>
    </div>
  );
}
