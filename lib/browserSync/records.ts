import type { Stamp } from './clock';

/**
 * One synced record (a link, a custom program, one program's share templates, the settings): each field's value
 * with the stamp of the edit that set it, or, once deleted, only the stamp of the delete (a tombstone).
 */
export interface SyncRecord {
  /** Field name → [value, stamp]. Empty in a tombstone. */
  f: Record<string, [unknown, Stamp]>;
  /** The delete's stamp: the record is gone on every device. */
  x?: Stamp;
}

/**
 * Merges two versions of one record: per field, the later stamp wins (ties cannot happen between devices, whose
 * ids differ; within one device the clock never repeats). A delete wins over every edit: record ids are random
 * (links) or chosen once (a custom program's slug), so nothing edits a deleted record on purpose. Commutative,
 * associative and idempotent, so devices meeting in any order and any number of times agree.
 */
export function mergeRecords(a: SyncRecord | undefined, b: SyncRecord | undefined): SyncRecord | undefined {
  if (!a || !b) return a ?? b;
  if (a.x || b.x) return { f: {}, x: (a.x ?? '') > (b.x ?? '') ? a.x : b.x };
  const f = { ...a.f };
  for (const [name, entry] of Object.entries(b.f)) {
    const mine = f[name];
    if (!mine || entry[1] > mine[1]) f[name] = entry;
  }
  return sortRecord({ f });
}

/** Two records hold the same fields, values and stamps. */
export const sameRecord = (a: SyncRecord | undefined, b: SyncRecord | undefined) =>
  JSON.stringify(a && sortRecord(a)) === JSON.stringify(b && sortRecord(b));

/** Fields in name order, so that equal records have equal JSON. */
function sortRecord(r: SyncRecord): SyncRecord {
  const f = Object.fromEntries(Object.entries(r.f).sort(([x], [y]) => (x < y ? -1 : 1)));
  return r.x ? { f, x: r.x } : { f };
}
