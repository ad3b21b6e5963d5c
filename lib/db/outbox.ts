import type { Effect } from '@/lib/referral/types';
import type { ClosedBy, OutboxEntry, RefShareDB } from './schema';

/**
 * An outbox entry's states (OutboxEntry.shown). WAITING: to be shown (new, deferred by quiet hours, snoozed, or
 * vanished unseen). HANDED: given to the browser; every run checks it against `notifications.getAll()` until it
 * leaves the notification area. FINISHED: it left (closed, opened, switched off, gone): never shown again.
 */
export const WAITING = 0;
export const HANDED = 1;
export const FINISHED = 2;

/**
 * A notification handed over this long ago and still not held by the browser was lost on the way (measured in real
 * Chromium: a worker stopped while `notifications.create` is in flight leaves no notification and no onClosed).
 * Younger ones are not judged yet: the browser's onClosed for one it closed at once may still be on its way.
 */
export const HANDOVER_GRACE_MS = 5_000;
/** Shown at most this many times when it keeps vanishing unseen; then it is given up (the badge still counts). */
export const MAX_SHOWS = 3;

/**
 * Queues the notify effects in the outbox. Call inside the transaction that made the change, so the
 * notification exists if and only if the change committed. An entry already there (in any state) is
 * left alone: the same fact never notifies twice.
 */
export async function queueNotifications(db: RefShareDB, effects: readonly Effect[], now: number): Promise<number> {
  const entries = new Map<string, OutboxEntry>();
  for (const e of effects) {
    if (e.kind !== 'notify') continue;
    const { kind: _kind, notification, key, title, message, inviteId, couponId } = e;
    entries.set(key, {
      key,
      notification,
      title,
      message,
      ...(inviteId ? { inviteId } : {}),
      ...(couponId ? { couponId } : {}),
      createdAt: now,
      shown: WAITING,
    });
  }
  if (entries.size === 0) return 0;
  const existing = await db.outbox.bulkGet([...entries.keys()]);
  const fresh = [...entries.values()].filter((_, i) => existing[i] === undefined);
  await db.outbox.bulkAdd(fresh);
  return fresh.length;
}

function inState(db: RefShareDB, state: 0 | 1 | 2): Promise<OutboxEntry[]> {
  return db.outbox.where('[shown+createdAt]').between([state, -Infinity], [state, Infinity]).toArray();
}

/** Notifications waiting to be shown, oldest first. */
export function unshownNotifications(db: RefShareDB): Promise<OutboxEntry[]> {
  return inState(db, WAITING);
}

/** Notifications handed to the browser and not known to have left, oldest first: few (what is on screen). */
function handedNotifications(db: RefShareDB): Promise<OutboxEntry[]> {
  return inState(db, HANDED);
}

/**
 * Records that a notification is being handed to the browser, BEFORE `notifications.create` is called: a worker
 * stopped in between leaves an entry the next run finds not held and shows again. Counts the showings.
 */
export async function markHandedOver(db: RefShareDB, key: string, now: number): Promise<void> {
  await db.outbox
    .where('key')
    .equals(key)
    .modify((e) => {
      e.shown = HANDED;
      e.shownAt = now;
      e.shows = (e.shows ?? 0) + 1;
      delete e.heldAt;
    });
}

/**
 * The browser holds it: `notifications.create` answered, or a waiting entry turned out to be on screen already (made
 * just before a worker stopped), which is then not shown again.
 */
export async function markHeld(db: RefShareDB, key: string, now: number): Promise<void> {
  await db.outbox.update(key, { shown: HANDED, heldAt: now });
}

/** Puts an entry back to waiting (the browser refused it, or it vanished unseen). */
export async function markWaiting(db: RefShareDB, key: string): Promise<void> {
  await db.outbox.update(key, { shown: WAITING });
}

/** The notification left the notification area (or never will be shown): finished, never shown again. */
export async function finishNotification(db: RefShareDB, key: string, by: ClosedBy, now: number): Promise<void> {
  await db.outbox.update(key, { shown: FINISHED, closedAt: now, closedBy: by });
}

/**
 * The browser's onClosed: the user closed it (`byUser`), or the browser did (its timeout, or a clear). Only an entry
 * handed to the browser is finished: a snoozed entry is waiting again and its old notification's close is not news.
 * True when the entry was finished here.
 */
export async function recordNotificationClosed(
  db: RefShareDB,
  key: string,
  byUser: boolean,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(key);
    if (entry?.shown !== HANDED) return false;
    await finishNotification(db, key, byUser ? 'user' : 'browser', now);
    return true;
  });
}

/** What to do with a handed entry, given what the browser holds now. */
export type NotificationFate = 'held' | 'confirmed' | 'pending' | 'requeue' | 'gone' | 'gave_up';

/**
 * Decides a handed entry's fate. Held: confirmed the first time (then it is "shown" for sure), else nothing to do.
 * Not held, and held before: the browser let it go without an onClosed (a browser restart clears them all; reshowing
 * would flood the user with old news), so it is finished. Not held and never held: lost on the way; shown again
 * after the grace, at most MAX_SHOWS times in all.
 */
export function notificationFate(entry: OutboxEntry, held: ReadonlySet<string>, now: number): NotificationFate {
  if (held.has(entry.key)) return entry.heldAt === undefined ? 'confirmed' : 'held';
  if (entry.heldAt !== undefined) return 'gone';
  if (now - (entry.shownAt ?? entry.createdAt) < HANDOVER_GRACE_MS) return 'pending';
  return (entry.shows ?? 1) >= MAX_SHOWS ? 'gave_up' : 'requeue';
}

/** What reconciling the outbox with the notification area did. */
export interface ReconcileReport {
  /** Handed entries the browser holds (confirmed now or before). */
  held: number;
  /** First seen held in this pass: from now on they count as shown. */
  confirmed: number;
  /** Lost on the way, back to waiting to be shown again under the same id. */
  requeued: number;
  /** Held before, gone now without an onClosed: finished. */
  gone: number;
  /** Vanished unseen MAX_SHOWS times: finished. */
  gaveUp: number;
}

/**
 * Compares the handed entries with what the browser holds (`notifications.getAll()`'s ids) and records each one's
 * fate, in one transaction. An entry is read again only while it is handed: the cost follows what is on screen.
 */
export async function reconcileNotifications(
  db: RefShareDB,
  held: ReadonlySet<string>,
  now: number,
): Promise<ReconcileReport> {
  const report: ReconcileReport = { held: 0, confirmed: 0, requeued: 0, gone: 0, gaveUp: 0 };
  await db.transaction('rw', db.outbox, async () => {
    for (const entry of await handedNotifications(db)) {
      const fate = notificationFate(entry, held, now);
      if (fate === 'held') report.held++;
      else if (fate === 'confirmed') {
        report.held++;
        report.confirmed++;
        await db.outbox.update(entry.key, { heldAt: now });
      } else if (fate === 'requeue') {
        report.requeued++;
        await markWaiting(db, entry.key);
      } else if (fate === 'gone') {
        report.gone++;
        await finishNotification(db, entry.key, 'gone', now);
      } else if (fate === 'gave_up') {
        report.gaveUp++;
        await finishNotification(db, entry.key, 'gave_up', now);
      }
    }
  });
  return report;
}
