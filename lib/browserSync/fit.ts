import type { SyncRecord } from './records';
import { isMutedKey } from './state';

/**
 * storage.sync's limits. Chrome counts an item as its key's length plus its value's JSON, in UTF-8 bytes
 * (extensions/browser/api/storage/settings_storage_quota_enforcer.cc: key.size() + JSON string size).
 */
const QUOTA_BYTES = 102_400;
const QUOTA_BYTES_PER_ITEM = 8_192;
const MAX_ITEMS = 512;

const utf8 = new TextEncoder();
export const itemSize = (key: string, value: unknown) => utf8.encode(key + JSON.stringify(value)).length;

/**
 * What goes first when not everything fits: deletes, the settings, the custom programs (links wait for them), each
 * program's primary link (what the popup shows), the share texts, then the other links; within a rank, smallest
 * first, so that one long note does not hold back many short links.
 */
function rank(key: string, value: SyncRecord): number {
  if (value.x) return 0;
  if (key === 's' || isMutedKey(key)) return 1;
  if (key.startsWith('p:')) return 2;
  if (key.startsWith('l:') && value.f.primary?.[0] === 1) return 3;
  if (key.startsWith('t:')) return 4;
  return 5;
}

export interface NotFitting {
  key: string;
  reason: 'item_too_large' | 'quota_bytes' | 'max_items';
}

/**
 * The writes storage.sync will take, in one batch: each item within 8,192 bytes, all items within 102,400 bytes and
 * 512 items. What does not fit is named (and stays on this device, written again once room is made), never cut.
 */
export function fitWrites(writes: Record<string, SyncRecord>, remote: Record<string, unknown>) {
  const sizes = new Map(Object.entries(remote).map(([k, v]) => [k, itemSize(k, v)]));
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const set: Record<string, SyncRecord> = {};
  const notFitting: NotFitting[] = [];
  const order = Object.entries(writes).sort(
    ([a, x], [b, y]) => rank(a, x) - rank(b, y) || itemSize(a, x) - itemSize(b, y),
  );
  for (const [key, value] of order) {
    const size = itemSize(key, value);
    const grown = total - (sizes.get(key) ?? 0) + size;
    if (size > QUOTA_BYTES_PER_ITEM) notFitting.push({ key, reason: 'item_too_large' });
    else if (grown > QUOTA_BYTES) notFitting.push({ key, reason: 'quota_bytes' });
    else if (!sizes.has(key) && sizes.size >= MAX_ITEMS) notFitting.push({ key, reason: 'max_items' });
    else {
      set[key] = value;
      sizes.set(key, size);
      total = grown;
    }
  }
  return { set, notFitting, total };
}
