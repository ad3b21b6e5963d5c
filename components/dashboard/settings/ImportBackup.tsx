import { type ChangeEvent, useRef, useState } from 'react';
import { useDb } from '@/components/hooks/useDb';
import { type BackupFile, MAX_BACKUP_BYTES } from '@/lib/backup/format';
import type { BackupValidation } from '@/lib/backup/refusal';
import { parseBackupText } from '@/lib/backup/validate';
import { type ImportSummary, previewImport } from '@/lib/db/backup';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import { saveSettings } from '@/lib/settings';
import { countList } from './counts';
import { ImportPreview } from './ImportPreview';
import { refusalMessage } from './refusalMessage';
import { UnlockBackup } from './UnlockBackup';
import type { SaveState } from './useSave';

interface Pending {
  backup: BackupFile;
  summary: ImportSummary;
  fileName: string;
}

/**
 * "Import backup": picks a file, checks it completely here first (a corrupt or foreign file is refused with
 * its reason and nothing changes; an encrypted one first asks for its passphrase), previews what it adds and replaces, and only on "Import" asks the
 * background (which checks it again) to write it. The backup's settings are applied once the data is in.
 */
export function ImportBackup({ onDone }: { onDone: (state: SaveState) => void }) {
  const db = useDb();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState<{ text: string; fileName: string }>();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    // Clear the input so choosing the same file again (after fixing it) fires a change.
    e.currentTarget.value = '';
    if (!file) return;
    setPending(undefined);
    if (file.size > MAX_BACKUP_BYTES) {
      return onDone({ kind: 'error', message: refusalMessage({ reason: 'too_large', detail: '' }) });
    }
    // A large file takes a moment to read and check: say so, rather than seem to ignore the choice.
    onDone({ kind: 'saved', message: t('settingsImportChecking') });
    setLocked(undefined);
    const text = await file.text();
    const checked = parseBackupText(text);
    if (!checked.ok && checked.reason === 'encrypted') {
      onDone({ kind: 'idle' });
      return setLocked({ text, fileName: file.name });
    }
    await preview(checked, file.name);
  };

  /** The checked backup's preview, or the refusal. */
  const preview = async (checked: BackupValidation, fileName: string) => {
    if (!checked.ok) return onDone({ kind: 'error', message: refusalMessage(checked) });
    onDone({ kind: 'idle' });
    setPending({ backup: checked.backup, summary: await previewImport(db, checked.backup.data), fileName });
  };

  /** Opens an encrypted backup with the passphrase typed; then the same checks and preview as a plain one. */
  const unlock = async (passphrase: string) => {
    if (!locked) return;
    onDone({ kind: 'saved', message: t('backupOpening') });
    const { decryptBackup } = await import('@/lib/backup/backupCrypto.lazy');
    const opened = await decryptBackup(locked.text, passphrase);
    if (!opened.ok) {
      if (opened.reason === 'too_large')
        return onDone({ kind: 'error', message: refusalMessage({ reason: 'too_large', detail: opened.detail }) });
      const message =
        opened.reason === 'wrong_passphrase'
          ? t('backupWrongPassphrase')
          : opened.reason === 'damaged'
            ? t('backupDamaged', opened.detail)
            : t('backupNewerVersion');
      return onDone({ kind: 'error', message });
    }
    setLocked(undefined);
    await preview(parseBackupText(opened.text), locked.fileName);
  };

  /** Closes the preview; focus goes back to "Import backup" rather than being lost with the preview. */
  const close = () => {
    setPending(undefined);
    requestAnimationFrame(() => button.current?.focus());
  };

  const confirm = async () => {
    if (!pending || busy) return;
    setBusy(true);
    // Replaces a previous press's error: a second press after "did not answer" shows that it is under way.
    onDone({ kind: 'saved', message: t('settingsImporting') });
    const reply = await sendCommand('importBackup', { backup: pending.backup });
    if (reply.ok) {
      try {
        await saveSettings(pending.backup.settings);
        const { added, replaced } = reply.value;
        const parts = [countList(added) && t('settingsImportedAdded', countList(added))];
        if (countList(replaced)) parts.push(t('settingsImportedReplaced', countList(replaced)));
        onDone({ kind: 'saved', message: [t('settingsImported'), ...parts.filter(Boolean)].join(' ') });
      } catch (e) {
        onDone({ kind: 'error', message: t('settingsImportSettingsFailed', String(e)) });
      }
      close();
    } else {
      onDone({ kind: 'error', message: t('settingsImportFailed', reply.error.message) });
    }
    setBusy(false);
  };

  return (
    <>
      <button type="button" ref={button} onClick={() => input.current?.click()} aria-describedby="settings-import-hint">
        {t('settingsImportBackup')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-label={t('settingsImportFile')}
        onChange={onFile}
      />
      {locked && (
        <div className="settings-import-row">
          <UnlockBackup
            fileName={locked.fileName}
            onUnlock={unlock}
            onCancel={() => {
              setLocked(undefined);
              requestAnimationFrame(() => button.current?.focus());
              onDone({ kind: 'saved', message: t('settingsImportCancelled') });
            }}
          />
        </div>
      )}
      {pending && (
        // The preview sits in the row of backup buttons: this wrapper puts it on a line of its own.
        <div className="settings-import-row">
          <ImportPreview
            {...pending}
            busy={busy}
            onConfirm={confirm}
            onCancel={() => {
              close();
              onDone({ kind: 'saved', message: t('settingsImportCancelled') });
            }}
          />
        </div>
      )}
    </>
  );
}
