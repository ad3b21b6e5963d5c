import { useEffect, useRef } from 'react';
import type { BackupFile } from '@/lib/backup/format';
import type { ImportSummary } from '@/lib/db/backup';
import { activeLocale, t } from '@/lib/i18n/t';
import { countList } from './counts';

interface Props {
  backup: BackupFile;
  summary: ImportSummary;
  fileName: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What an import will do, in words, before anything is written; focus moves here so the user hears it. */
export function ImportPreview({ backup, summary, fileName, busy, onConfirm, onCancel }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const added = countList(summary.added);
  const replaced = countList(summary.replaced);
  const skipped = countList(summary.skipped);
  const exportedAt = new Intl.DateTimeFormat(activeLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(backup.exportedAt),
  );
  return (
    <fieldset className="settings-import-preview" aria-labelledby="settings-import-preview-heading">
      <h3 id="settings-import-preview-heading" ref={heading} tabIndex={-1}>
        {t('settingsImportPreviewHeading')}
      </h3>
      <p>
        {t('settingsImportPreviewFile', exportedAt)} <span className="user-text muted">({fileName})</span>
      </p>
      <ul>
        <li>{added ? t('settingsImportAdds', added) : t('settingsImportAddsNothing')}</li>
        {replaced && <li>{t('settingsImportReplaces', replaced)}</li>}
        {skipped && <li>{t('settingsImportSkips', skipped)}</li>}
        <li>{t('settingsImportSettings')}</li>
      </ul>
      <p className="muted">{t('settingsImportRule')}</p>
      <div className="settings-actions">
        <button type="button" className="primary" onClick={onConfirm} aria-busy={busy}>
          {t('settingsImportConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('settingsCancel')}
        </button>
      </div>
    </fieldset>
  );
}
