import { useState } from 'react';
import { downloadText } from '@/components/downloadText';
import { useDb } from '@/components/hooks/useDb';
import { backupFileName, buildBackup } from '@/lib/backup/format';
import { readBackupData } from '@/lib/db/backup';
import { t } from '@/lib/i18n/t';
import { loadSettings } from '@/lib/settings';
import { countList } from './counts';
import type { SaveState } from './useSave';

/**
 * "Export backup": reads every table in one snapshot (reading is the page's right; only writes go through
 * the background) plus the settings, and downloads them as refshare-backup-YYYY-MM-DD.json.
 */
export function ExportBackup({ onDone }: { onDone: (state: SaveState) => void }) {
  const db = useDb();
  const [busy, setBusy] = useState(false);

  const exportNow = async () => {
    // Not disabled while busy: a disabled button would drop keyboard focus. A second click is simply ignored.
    if (busy) return;
    setBusy(true);
    try {
      const now = new Date();
      const backup = buildBackup(await readBackupData(db), await loadSettings(), now.getTime());
      downloadText(JSON.stringify(backup), backupFileName(now));
      const list = countList(backup.counts);
      onDone({ kind: 'saved', message: list ? t('settingsExported', list) : t('settingsExportedEmpty') });
    } catch (e) {
      onDone({ kind: 'error', message: t('settingsExportFailed', String(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="primary"
      onClick={exportNow}
      aria-busy={busy}
      aria-describedby="settings-export-hint"
    >
      {t('settingsExportBackup')}
    </button>
  );
}
