import { type BackupFile, MAX_BACKUP_ROWS } from './format';

/** Why a file is not a backup this build can import. The UI words each reason; `detail` says where. */
export type BackupRefusal =
  | 'too_large'
  | 'not_json'
  | 'not_object'
  | 'foreign'
  | 'unsupported_version'
  | 'forbidden_key'
  | 'too_deep'
  | 'too_many_rows'
  | 'invalid_field'
  | 'counts_mismatch'
  | 'duplicate'
  | 'invalid_link'
  | 'encrypted';

export type BackupValidation =
  | { ok: true; backup: BackupFile }
  | { ok: false; reason: BackupRefusal; detail: string; message: string };

const SUMMARY: Record<BackupRefusal, string> = {
  too_large: 'The file is too large to be a RefShare backup',
  not_json: 'The file is not JSON',
  not_object: 'The file does not contain a backup object',
  foreign: 'The file is not a RefShare backup',
  unsupported_version: 'The backup was made by a version of RefShare this one cannot read',
  forbidden_key: 'The backup contains a forbidden key',
  too_deep: 'The backup is nested too deeply',
  too_many_rows: `The backup holds more than ${MAX_BACKUP_ROWS.toLocaleString('en')} rows`,
  invalid_field: 'The backup has an invalid entry',
  counts_mismatch: 'The backup’s counts do not match its contents (cut short or edited)',
  duplicate: 'The backup lists the same entry twice',
  invalid_link: 'The backup has a link that does not belong to its program',
  encrypted: 'The backup is encrypted: open it with its passphrase first',
};

/** A refusal with its English message (the background's reply; the UI words it from `reason`). */
export function refuse(reason: BackupRefusal, detail = ''): BackupValidation {
  return { ok: false, reason, detail, message: detail ? `${SUMMARY[reason]}: ${detail}` : `${SUMMARY[reason]}.` };
}
