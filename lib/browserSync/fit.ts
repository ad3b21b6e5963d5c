import type { SyncRecord } from './records';

/** storage.sync's limits (Chrome's, measured here: an item's size is its key's length plus its JSON's). */
const QUOTA_BYTES = 102_400;
const QUOTA_BYTES_PER_ITEM = 8_192;
const MAX_ITEMS = 512;

const itemSize = (key: string, value: unknown) => key.length + JSON.stringify(value).length;

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
  // Smallest first: as much as possible of the user's data goes, rather than one big note blocking the rest.
  for (const [key, value] of Object.entries(writes).sort(([a, x], [b, y]) => itemSize(a, x) - itemSize(b, y))) {
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
