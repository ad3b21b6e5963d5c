import { useState } from 'react';
import { t } from '@/lib/i18n/t';
import { DeleteAllData } from './DeleteAllData';
import { ExportBackup } from './ExportBackup';
import { ImportBackup } from './ImportBackup';
import { SaveStatus } from './SaveStatus';
import type { SaveState } from './useSave';

/** Backup (export, import with preview) and "Delete all data", each reporting under its own buttons. */
export function BackupSection() {
  const [backupState, setBackupState] = useState<SaveState>({ kind: 'idle' });
  const [deleteState, setDeleteState] = useState<SaveState>({ kind: 'idle' });
  return (
    <section className="settings-section" aria-labelledby="settings-backup-heading">
      <h2 id="settings-backup-heading">{t('settingsBackupHeading')}</h2>
      <p className="muted" id="settings-export-hint">
        {t('settingsBackupIntro')}
      </p>
      <ExportBackup onDone={setBackupState} />
      <p className="muted" id="settings-import-hint">
        {t('settingsImportIntro')}
      </p>
      <div className="settings-actions">
        <ImportBackup onDone={setBackupState} />
      </div>
      <SaveStatus state={backupState} />
      <h3 id="settings-delete-heading">{t('settingsDeleteHeading')}</h3>
      <p className="muted">{t('settingsDeleteIntro')}</p>
      <DeleteAllData onDone={setDeleteState} />
      <SaveStatus state={deleteState} />
    </section>
  );
}
