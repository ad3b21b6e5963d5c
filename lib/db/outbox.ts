import type { Effect } from '@/lib/referral/types';
import type { OutboxEntry, RefShareDB } from './schema';

/**
 * Queues the notify effects in the outbox. Call inside the transaction that made the change, so the
 * notification exists if and only if the change committed. An entry already there (shown or not) is
 * left alone: the same fact never notifies twice.
 */
export async function queueNotifications(db: RefShareDB, effects: readonly Effect[], now: number): Promise<number> {
  const entries = new Map<string, OutboxEntry>();
  for (const e of effects) {
    if (e.kind !== 'notify') continue;
    const { kind: _kind, notification, key, title, message, inviteId, couponId, supportMessage } = e;
    entries.set(key, {
      key,
      notification,
      title,
      message,
      ...(inviteId ? { inviteId } : {}),
      ...(couponId ? { couponId } : {}),
      ...(supportMessage ? { supportMessage } : {}),
      createdAt: now,
      shown: 0,
    });
  }
  if (entries.size === 0) return 0;
  const existing = await db.outbox.bulkGet([...entries.keys()]);
  const fresh = [...entries.values()].filter((_, i) => existing[i] === undefined);
  await db.outbox.bulkAdd(fresh);
  return fresh.length;
}

/** Notifications written but not yet shown, oldest first. */
export function unshownNotifications(db: RefShareDB): Promise<OutboxEntry[]> {
  return db.outbox.where('[shown+createdAt]').between([0, -Infinity], [0, Infinity]).toArray();
}

/** Marks a notification shown; after a crash before this, it is shown again under the same id (replacing). */
export async function markNotificationShown(db: RefShareDB, key: string, now: number): Promise<void> {
  await db.outbox.update(key, { shown: 1, shownAt: now });
}
