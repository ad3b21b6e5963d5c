import { type Check, obj } from '@/lib/messaging/shape';
import { int } from './checks';
import { checkCoupons, checkLinks } from './crossChecks';
import { ENCRYPTED_BACKUP_FORMAT } from './encryptedFormat';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupFile,
  type BackupTable,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_ROWS,
} from './format';
import { type BackupValidation, refuse } from './refusal';
import { couponRow, eventRow, inviteRow, linkRow, programRow } from './rows';
import { scanBackup } from './scan';
import { settingsCheck } from './settingsCheck';

const ROWS: { [T in BackupTable]: Check<BackupFile['data'][T][number]> } = {
  links: linkRow,
  programs: programRow,
  invites: inviteRow,
  events: eventRow,
  coupons: couponRow,
};

/** Primary key of each table (events are keyed by their idempotency key). */
const KEY: Record<BackupTable, string> = { links: 'id', programs: 'id', invites: 'id', events: 'key', coupons: 'id' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a backup file's text: size, JSON, then validateBackup. Pure; never throws. */
export function parseBackupText(text: string): BackupValidation {
  // A UTF-8 file has at least as many bytes as characters: a cheap bound before JSON.parse allocates anything.
  if (text.length > MAX_BACKUP_BYTES) return refuse('too_large', `${text.length} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return refuse('not_json', e instanceof Error ? e.message.slice(0, 200) : '');
  }
  return validateBackup(value);
}

/**
 * Checks a parsed backup completely before anything is written: the envelope (format, version, counts), every
 * row of every table field by field, unique keys, links that re-parse to the same program and code, and the
 * settings. The UI runs it to preview; the background runs it again, because it trusts no page. Returns the input
 * itself, typed: every key in it has been checked (unknown and prototype keys are refused at every level), and
 * keeping it as is keeps a round trip byte-identical (a rebuilt copy would reorder keys).
 */
export function validateBackup(value: unknown): BackupValidation {
  if (!isObject(value)) return refuse('not_object');
  // Encrypted: its own refusal, so the import asks for the passphrase (and the background never takes one as is).
  if (value.format === ENCRYPTED_BACKUP_FORMAT) return refuse('encrypted');
  if (value.format !== BACKUP_FORMAT) return refuse('foreign', `format is ${describe(value.format)}`);
  if (value.version !== BACKUP_VERSION) {
    return refuse(
      'unsupported_version',
      `version ${describe(value.version)}; this RefShare reads version ${BACKUP_VERSION}`,
    );
  }
  const data = value.data;
  if (!isObject(data)) return refuse('invalid_field', 'data: expected an object');
  let rows = 0;
  for (const table of BACKUP_TABLES) {
    const list = data[table];
    if (!Array.isArray(list)) return refuse('invalid_field', `data.${table}: expected a list`);
    rows += list.length;
  }
  if (rows > MAX_BACKUP_ROWS) return refuse('too_many_rows', `${rows} rows`);
  const problem = scanBackup(value);
  if (problem?.reason === 'forbidden_key') return refuse('forbidden_key', `"${problem.key}"`);
  if (problem?.reason === 'too_deep') return refuse('too_deep');
  if (problem) return refuse('not_object', 'it contains values that are not plain data');
  return checkFile(value);
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : v === undefined ? 'missing' : String(v).slice(0, 40);
}

const counts = obj(
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, int(0, MAX_BACKUP_ROWS)])) as Record<BackupTable, Check<number>>,
);
const TOP_LEVEL = new Set(['format', 'version', 'exportedAt', 'counts', 'data', 'settings']);

const exportedAt: Check<string> = (v, path) =>
  typeof v === 'string' && v.length <= 40 && Number.isFinite(Date.parse(v))
    ? { ok: true, value: v }
    : { ok: false, message: `${path}: expected the time of the export` };

function checkFile(value: Record<string, unknown>): BackupValidation {
  const extra = Object.keys(value).find((k) => !TOP_LEVEL.has(k));
  if (extra !== undefined) return refuse('invalid_field', `${extra.slice(0, 40)}: unexpected field`);
  const at = exportedAt(value.exportedAt, 'exportedAt');
  if (!at.ok) return refuse('invalid_field', at.message);
  const declared = counts(value.counts, 'counts');
  if (!declared.ok) return refuse('invalid_field', declared.message);
  const data = value.data as Record<string, unknown[]>;
  const extraTable = Object.keys(data).find((k) => !(BACKUP_TABLES as readonly string[]).includes(k));
  if (extraTable !== undefined) return refuse('invalid_field', `data.${extraTable.slice(0, 40)}: unexpected field`);
  for (const table of BACKUP_TABLES) {
    const actual = data[table]?.length ?? 0;
    if (actual !== declared.value[table]) {
      return refuse('counts_mismatch', `counts.${table} is ${declared.value[table]} but the file has ${actual}`);
    }
  }
  for (const table of BACKUP_TABLES) {
    const problem = checkTable(table, data[table] ?? []);
    if (problem) return problem;
  }
  // Every row has passed its checker, so the rows have exactly the declared fields.
  const backup = value as unknown as BackupFile;
  const problem = checkLinks(backup) ?? checkCoupons(backup);
  if (problem) return problem;
  const settings = settingsCheck(value.settings, 'settings');
  if (!settings.ok) return refuse('invalid_field', settings.message);
  return { ok: true, backup };
}

/** Each row against its table's checker, and primary keys unique. */
function checkTable(table: BackupTable, rows: unknown[]): BackupValidation | undefined {
  const check = ROWS[table];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const path = `data.${table}[${i}]`;
    const r = check(row, path);
    if (!r.ok) return refuse('invalid_field', r.message);
    const key = (r.value as unknown as Record<string, string>)[KEY[table]] ?? '';
    if (seen.has(key)) return refuse('duplicate', `${path}.${KEY[table]} "${key}" appears twice`);
    seen.add(key);
  }
  return undefined;
}
