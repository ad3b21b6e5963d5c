import { type Clock, decodeStamp, encodeStamp, receive, type Stamp, tick } from './clock';
import { mergeRecords, type SyncRecord, sameRecord } from './records';

/** A record's fields as plain values (absent optional fields are null). */
export type Fields = Record<string, unknown>;

/** Deletes are remembered this long, then forgotten (a device offline longer may bring the record back). */
const TOMBSTONE_MS = 30 * 86_400_000;

export interface ReconcileInput {
  /** The records as last agreed (this device's memory of the synced state). */
  shadow: Record<string, SyncRecord>;
  /** This device's current values, per key. */
  local: Record<string, Fields>;
  /** What the browser's storage.sync holds now: untrusted (another device, or anything). */
  remote: Record<string, unknown>;
  clock: Clock;
  device: string;
  now: number;
  /** Why these fields cannot be applied here (invalid), or undefined. */
  refuse: (key: string, fields: Fields) => string | undefined;
  /**
   * This device's first meeting (it has no shadow yet): where storage.sync already holds a record of the same key,
   * the synced values win over this device's older ones (the settings already synced replace a new browser's
   * defaults), as if this device's values were the oldest edits; its fields the record lacks are kept. True for
   * the keys this applies to.
   */
  joining?: (key: string) => boolean;
  /** False while a record must wait (a link whose program has not arrived yet). */
  ready: (key: string, fields: Fields, put: Record<string, Fields>) => boolean;
}

export interface ReconcileOutput {
  shadow: Record<string, SyncRecord>;
  clock: Clock;
  /** Records to write or overwrite on this device. */
  put: Record<string, Fields>;
  /** Records to delete on this device. */
  drop: string[];
  /** Items to write to storage.sync (one `set`), and keys to remove (one `remove`). */
  set: Record<string, SyncRecord>;
  remove: string[];
  /** Remote items refused, with the reason; and keys waiting for something. */
  refused: { key: string; reason: string }[];
  waiting: string[];
}

const norm = (v: unknown) => JSON.stringify(v ?? null);

/** A remote item that has the shape of a record with valid stamps, or undefined. */
export function readRecord(value: unknown): SyncRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { f, x, ...rest } = value as { f?: unknown; x?: unknown };
  if (Object.keys(rest).length || typeof f !== 'object' || f === null || Array.isArray(f)) return undefined;
  if (x !== undefined && !decodeStamp(x)) return undefined;
  for (const [name, entry] of Object.entries(f)) {
    if (name === '__proto__' || !Array.isArray(entry) || entry.length !== 2 || !decodeStamp(entry[1])) return undefined;
  }
  return value as SyncRecord;
}

/** The plain values of a live record. */
const fieldsOf = (r: SyncRecord): Fields => Object.fromEntries(Object.entries(r.f).map(([k, [v]]) => [k, v]));

/**
 * One meeting of this device with storage.sync. Local edits are found by comparing the current values with the
 * shadow (so nothing else in the app needs to stamp its writes): a changed field gets a new stamp, a record gone
 * locally becomes a tombstone. Each record then merges with its remote version field by field; the result is what
 * this device applies, what it writes back where storage.sync differs, and its new shadow. A remote record that is
 * malformed or whose values this device refuses is left alone and reported, never applied; one that must wait
 * (a link for a program not here yet) stays out of the shadow, so it is tried again next time and never dropped.
 */
export function reconcile(input: ReconcileInput): ReconcileOutput {
  const { shadow, local, remote, device, now } = input;
  const out: ReconcileOutput = {
    shadow: {},
    clock: input.clock,
    put: {},
    drop: [],
    set: {},
    remove: [],
    refused: [],
    waiting: [],
  };
  const remoteRecords: Record<string, SyncRecord | undefined> = {};
  for (const [key, value] of Object.entries(remote)) {
    const record = readRecord(value);
    if (!record) out.refused.push({ key, reason: 'not a RefShare record' });
    remoteRecords[key] = record;
    for (const s of record ? [record.x, ...Object.values(record.f).map((e) => e[1])] : []) {
      const c = s && decodeStamp(s);
      if (c) out.clock = receive(out.clock, c, now);
    }
  }
  out.clock = tick(out.clock, now);
  const stamp: Stamp = encodeStamp(out.clock, device);
  const oldest: Stamp = encodeStamp({ t: 0, c: 0 }, device);

  // Programs first: a link waiting for its program sees the programs this meeting brings.
  const rank = (key: string) => `${key.startsWith('p:') ? 0 : 1}${key}`;
  const keys = [...new Set([...Object.keys(shadow), ...Object.keys(local), ...Object.keys(remote)])].sort((a, b) =>
    rank(a) < rank(b) ? -1 : 1,
  );
  for (const key of keys) {
    const before = shadow[key];
    const current = local[key];
    let mine = before;
    const theirs = remoteRecords[key];
    if (current && !before?.x) {
      const f: SyncRecord['f'] = { ...before?.f };
      const edit = !before && theirs && input.joining?.(key) ? oldest : stamp;
      for (const name of new Set([...Object.keys(current), ...Object.keys(f)])) {
        if (norm(current[name]) !== norm(f[name]?.[0])) f[name] = [current[name] ?? null, edit];
      }
      mine = { f };
    } else if (!current && before && !before.x) {
      mine = { f: {}, x: stamp };
    }
    const merged = mergeRecords(mine, theirs);
    if (!merged) continue;
    if (merged.x) {
      if (current) out.drop.push(key);
      const expired = (decodeStamp(merged.x)?.t ?? 0) + TOMBSTONE_MS < now;
      if (expired) {
        if (key in remote) out.remove.push(key);
        continue;
      }
    } else {
      const fields = fieldsOf(merged);
      const changesHere = !current || Object.keys(fields).some((n) => norm(fields[n]) !== norm(current[n]));
      if (changesHere) {
        const reason = input.refuse(key, fields);
        if (reason) {
          out.refused.push({ key, reason });
          if (before) out.shadow[key] = before;
          continue;
        }
        if (!input.ready(key, fields, out.put)) {
          out.waiting.push(key);
          continue;
        }
        out.put[key] = fields;
      }
    }
    if (!sameRecord(merged, theirs)) out.set[key] = merged;
    out.shadow[key] = merged;
  }
  return out;
}
