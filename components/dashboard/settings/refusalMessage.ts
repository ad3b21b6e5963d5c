import type { BackupRefusal } from '@/lib/backup/refusal';
import { t } from '@/lib/i18n/t';

const KEYS: Record<BackupRefusal, string> = {
  too_large: 'settingsRefusedTooLarge',
  not_json: 'settingsRefusedNotJson',
  not_object: 'settingsRefusedNotObject',
  foreign: 'settingsRefusedForeign',
  unsupported_version: 'settingsRefusedVersion',
  forbidden_key: 'settingsRefusedForbiddenKey',
  too_deep: 'settingsRefusedTooDeep',
  too_many_rows: 'settingsRefusedTooManyRows',
  invalid_field: 'settingsRefusedInvalidField',
  counts_mismatch: 'settingsRefusedCounts',
  duplicate: 'settingsRefusedDuplicate',
  invalid_link: 'settingsRefusedInvalidLink',
  encrypted: 'settingsRefusedEncrypted',
};

/**
 * "This file cannot be imported: <why>. Nothing was changed." The reason is translated; the technical detail
 * (which entry, which field) comes from the validator in English and is added for the curious or for support.
 */
export function refusalMessage({ reason, detail }: { reason: BackupRefusal; detail: string }): string {
  const why = t(KEYS[reason]);
  return detail ? t('settingsImportRefusedDetail', why, detail) : t('settingsImportRefused', why);
}
