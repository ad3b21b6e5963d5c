import { badgeCount, expiringCouponEffects } from '@/lib/referral/coupons';
import { findProgram } from '@/lib/referral/programs/index';
import { quietUntil } from '@/lib/referral/quietHours';
import { evaluateDue } from '@/lib/referral/rules';
import { DAY } from '@/lib/referral/time';
import type { Effect, Invite, NotificationKind, Settings, StatusEvent } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';
import { applyEventsInTx } from './events';
import {
  finishNotification,
  markHandedOver,
  markHeld,
  markWaiting,
  queueNotifications,
  type ReconcileReport,
  reconcileNotifications,
  unshownNotifications,
  WAITING,
} from './outbox';
import type { Ctx } from './result';
import type { OutboxEntry, RefShareDB } from './schema';

/** Due invites per transaction: small enough to commit quickly, large enough that a normal day is one batch. */
const BATCH_SIZE = 500;
/** At most this many batches per run; a larger backlog is picked up by the next run. */
const MAX_BATCHES = 20;

/**
 * Runs the time rules for the invites that are due, in ONE read-write transaction: the rule events are stored and
 * applied like any observation, the invites move on to their next due time, and the notifications they cause are
 * queued, all or nothing (a worker killed half-way leaves the invites due, and the next run does it all again).
 * Only invites with `dueAt <= now` are read (the dueAt index), at most `limit` of them, so the cost follows what
 * is due, never how many invites there are. Coupons about to expire are warned about here too (once each: the
 * outbox keeps the first warning and ignores repeats).
 */
export async function runDueRules(
  db: RefShareDB,
  settings: Settings,
  ctx: Ctx,
  limit = BATCH_SIZE,
): Promise<{ invites: number; events: number; notifications: number }> {
  const now = ctx.now;
  return db.transaction('rw', [db.invites, db.events, db.coupons, db.outbox, db.programs], async () => {
    const due = await db.invites.where('dueAt').belowOrEqual(now).limit(limit).toArray();
    const customs = due.length > 0 ? await db.programs.toArray() : [];
    const pending = new Map<string, Invite>();
    const events: StatusEvent[] = [];
    const effects: Effect[] = [];
    for (const invite of due) {
      const program = findProgram(invite.programId, customs);
      if (!program) {
        // Its custom program was deleted: without rules nothing is ever due, and a dueAt left in the past would
        // keep this invite at the head of the index, read on every run.
        const { dueAt: _gone, ...rest } = invite;
        pending.set(invite.id, { ...rest, updatedAt: now });
        continue;
      }
      const r = evaluateDue(invite, program, settings, now);
      if (r.invite !== invite || r.events.length > 0) pending.set(invite.id, r.invite);
      events.push(...r.events);
      effects.push(...r.effects);
    }
    const applied = await applyEventsInTx(db, events, settings, ctx, { customs, pending });
    effects.push(...expiringCouponEffects(await expiringSoon(db, settings, now), settings, now));
    const queued = await queueNotifications(db, effects, now);
    return {
      invites: due.length,
      events: applied.reports.filter((r) => r.outcome.result !== 'duplicate').length,
      notifications: applied.notifications + queued,
    };
  });
}

/** Available coupons expiring within the warning window, read through the [state+expiresAt] index. */
function expiringSoon(db: RefShareDB, settings: Settings, now: number) {
  if (!settings.notify.coupon_expiring || settings.couponExpiringDays <= 0) return Promise.resolve([]);
  // Lower bound open: a coupon expiring at `now` is expired already (couponState).
  return db.coupons
    .where('[state+expiresAt]')
    .between(['available', now], ['available', now + settings.couponExpiringDays * DAY], false, true)
    .toArray();
}

/** The browser's notification area, as the loop needs it. Ids are outbox keys. */
export interface Notifier {
  /** Shows one notification under the entry's key (showing the same key again replaces it). */
  show(entry: OutboxEntry): Promise<void>;
  /** The ids of this extension's notifications the browser holds now (`notifications.getAll()`). */
  held(): Promise<Set<string>>;
}

/**
 * What a flush did. `adopted`: waiting entries the browser already held (shown just before a worker stopped), now
 * recorded as handed without showing them again. `failed`: the notifier threw; those stay waiting for the next run.
 */
interface FlushReport {
  shown: number;
  deferred: number;
  dropped: number;
  failed: number;
  adopted: number;
}

/**
 * Shows the notifications waiting in the outbox, after the transaction that queued them committed. Each is recorded
 * as handed over, shown under its outbox key, then recorded as held once the browser has answered; `held` (the browser's notification ids, read just before) keeps
 * one the browser already has from being shown twice. A worker stopped at any point leaves entries that the next
 * run's reconcileNotifications sorts out: held → on screen; not held and never held → shown again, same id.
 * Quiet hours and snoozes defer (the entries stay waiting); a failure on one entry does not hold back the others.
 */
export async function flushOutbox(
  db: RefShareDB,
  notifier: Notifier,
  opts: { now: number; quietUntil?: number; notify: Record<NotificationKind, boolean>; held: ReadonlySet<string> },
): Promise<FlushReport> {
  const report: FlushReport = { shown: 0, deferred: 0, dropped: 0, failed: 0, adopted: 0 };
  for (const entry of await unshownNotifications(db)) {
    if (opts.quietUntil !== undefined || (entry.notBefore !== undefined && entry.notBefore > opts.now)) {
      report.deferred++;
      continue;
    }
    if (!opts.notify[entry.notification]) {
      // The user switched this kind off after it was queued: they asked not to see it, so it is never shown, and
      // finishing it keeps it from being read on every run.
      await finishNotification(db, entry.key, 'switched_off', opts.now);
      report.dropped++;
      continue;
    }
    if (opts.held.has(entry.key)) {
      await markHeld(db, entry.key, opts.now);
      report.adopted++;
      continue;
    }
    try {
      await markHandedOver(db, entry.key, opts.now);
      await notifier.show(entry);
      // The browser answered: it holds the notification. Recorded now, not at the next getAll, so that an onClosed
      // lost with a stopped worker can only make it "gone", never "lost on the way" and shown a second time.
      await markHeld(db, entry.key, opts.now);
      report.shown++;
    } catch {
      // The browser refused it (or the write failed): waiting again, tried next run under the same id.
      await markWaiting(db, entry.key).catch(() => undefined);
      report.failed++;
    }
  }
  return report;
}

/**
 * The outbox step of a run: reconcile what was handed with what the browser holds (requeuing what was lost on the
 * way), show what waits, then reconcile again so that what was just shown is confirmed held.
 */
export async function deliverNotifications(
  db: RefShareDB,
  notifier: Notifier,
  opts: { now: () => number; quietUntil?: number; notify: Record<NotificationKind, boolean> },
): Promise<{ flush: FlushReport; reconcile: ReconcileReport }> {
  const before = await notifier.held();
  const first = await reconcileNotifications(db, before, opts.now());
  const flush = await flushOutbox(db, notifier, { ...opts, now: opts.now(), held: before });
  const after = await reconcileNotifications(db, await notifier.held(), opts.now());
  return {
    flush,
    reconcile: {
      // What the browser holds at the end; the rest add up over both passes.
      held: after.held,
      confirmed: first.confirmed + after.confirmed,
      requeued: first.requeued + after.requeued,
      gone: first.gone + after.gone,
      gaveUp: first.gaveUp + after.gaveUp,
    },
  };
}

/** "Snooze 1 day": the notification goes back to the outbox, not to be shown before `until`. False when gone. */
export async function snoozeNotification(db: RefShareDB, key: string, until: number): Promise<boolean> {
  const changed = await db.outbox
    .where('key')
    .equals(key)
    .modify((e) => {
      e.shown = WAITING;
      e.notBefore = until;
      e.shows = 0;
      delete e.heldAt;
      delete e.closedAt;
      delete e.closedBy;
    });
  return changed > 0;
}

/**
 * The badge's number: coupons not seen yet that can still be used at `now`. There is no index on seenAt (one would
 * take a schema version); the wallet is small, and only the unseen coupons are kept in memory.
 */
export async function unseenCouponCount(db: RefShareDB, now: number): Promise<number> {
  return badgeCount(await db.coupons.filter((c) => c.seenAt === undefined).toArray(), now);
}

type LoopStep = 'feeds' | 'rules' | 'outbox' | 'badge';

/** What one run did, step by step; a step that failed is in `errors` and the steps after it still ran. */
export interface LoopReport {
  /** What pullFeeds returned (absent when there is no puller or it failed). */
  feeds?: unknown;
  rules: { invites: number; events: number; notifications: number; batches: number };
  outbox: FlushReport;
  /** What the outbox and the browser's notification area agreed on (absent when the outbox step failed early). */
  notifications?: ReconcileReport;
  /** When the quiet hours in force end, if they are. */
  quietUntil?: number;
  /** The number put on the badge (absent when counting failed). */
  badge?: number;
  errors: { step: LoopStep; message: string }[];
}

interface LoopDeps {
  settings: () => Promise<AppSettings>;
  /** A fresh clock reading per step: a slow feed must not leave the rules running on a stale now. */
  ctx: () => Ctx;
  notifier: Notifier;
  setBadge: (count: number) => Promise<void>;
  /** Reads the status feeds and stores + applies what they report as events (in its own transactions). */
  pullFeeds?: (settings: Settings, ctx: Ctx) => Promise<unknown>;
}

/**
 * The whole loop, in order: (1) feeds, (2) time rules, drained in batches, (3) the outbox, quiet hours permitting,
 * (4) the badge. Every step leaves the database consistent on its own (each write is one transaction, notifications
 * go out after commit), so a worker killed anywhere just means the next run picks up where this one stopped.
 * A failing step is reported and the later steps still run: a feed that is down must not hold back reminders.
 */
export async function runLoop(db: RefShareDB, deps: LoopDeps): Promise<LoopReport> {
  const settings = await deps.settings();
  const report: LoopReport = {
    rules: { invites: 0, events: 0, notifications: 0, batches: 0 },
    outbox: { shown: 0, deferred: 0, dropped: 0, failed: 0, adopted: 0 },
    errors: [],
  };
  const attempt = async (step: LoopStep, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      report.errors.push({ step, message: e instanceof Error ? e.message : String(e) });
    }
  };

  const { pullFeeds } = deps;
  if (pullFeeds) {
    await attempt('feeds', async () => {
      report.feeds = await pullFeeds(settings, deps.ctx());
    });
  }
  await attempt('rules', async () => {
    let read = BATCH_SIZE;
    // A full batch means more may be due: go on until one comes back short.
    while (read === BATCH_SIZE && report.rules.batches < MAX_BATCHES) {
      const r = await runDueRules(db, settings, deps.ctx(), BATCH_SIZE);
      read = r.invites;
      report.rules.batches++;
      report.rules.invites += r.invites;
      report.rules.events += r.events;
      report.rules.notifications += r.notifications;
    }
  });
  await attempt('outbox', async () => {
    const now = deps.ctx().now;
    const until = quietUntil(now, settings.quietHours, settings.timeZone);
    if (until !== undefined) report.quietUntil = until;
    const delivered = await deliverNotifications(db, deps.notifier, {
      now: () => deps.ctx().now,
      quietUntil: until,
      notify: settings.notify,
    });
    report.outbox = delivered.flush;
    report.notifications = delivered.reconcile;
  });
  await attempt('badge', async () => {
    const count = await unseenCouponCount(db, deps.ctx().now);
    report.badge = count;
    await deps.setBadge(count);
  });
  return report;
}

/**
 * One sync at a time in this worker: a run asked for while one is going runs once more right after it (however
 * many times it was asked), so a command's change is never missed and two runs never race on the same rows.
 * The state is only this coordination, kept in the closure the background creates at start-up.
 */
export function createLoopRunner(db: RefShareDB, deps: LoopDeps): { run(): Promise<LoopReport> } {
  let running: Promise<LoopReport> | undefined;
  let queued: Promise<LoopReport> | undefined;
  const start = (): Promise<LoopReport> => {
    const current = runLoop(db, deps).finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return {
    run() {
      if (queued) return queued;
      if (!running) return start();
      const next = running
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return start();
        });
      queued = next;
      return next;
    },
  };
}
