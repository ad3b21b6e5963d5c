import { afterEach, describe, expect, it, vi } from 'vitest';
import { deliverNotifications, flushOutbox, runDueRules, snoozeNotification, unseenCouponCount } from '@/lib/db/loop';
import {
  FINISHED,
  HANDED,
  HANDOVER_GRACE_MS,
  MAX_SHOWS,
  markHandedOver,
  notificationFate,
  queueNotifications,
  reconcileNotifications,
  recordNotificationClosed,
  unshownNotifications,
  WAITING,
} from '@/lib/db/outbox';
import type { OutboxEntry } from '@/lib/db/schema';
import { newCoupon } from '@/lib/referral/coupons';
import { newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { DAY, HOUR } from '@/lib/referral/time';
import type { Effect, NotificationKind, Program } from '@/lib/referral/types';
import { countRows, ScreenNotifier, seedInvite, seedInvites, snapshot } from './loopFixtures';
import { freshDb, settings, testCtx } from './testDb';

const allOn: Record<NotificationKind, boolean> = {
  coupon_arrived: true,
  reward_overdue: true,
  coupon_expiring: true,
  follow_up: true,
};

const notice = (key: string, notification: NotificationKind = 'coupon_arrived'): Effect => ({
  kind: 'notify',
  notification,
  key,
  title: `Title of ${key}`,
  message: 'Message',
});

describe('runDueRules', () => {
  it('sends the follow-up of a due invite once, moves it on, and leaves the others alone', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const due = seedInvite('followUpDue', ctx.now);
    const waiting = seedInvites('notDue', 2, ctx.now);
    await db.invites.bulkAdd([due, ...waiting]);

    expect(await runDueRules(db, settings, ctx)).toEqual({ invites: 1, events: 0, notifications: 1 });
    const moved = await db.invites.get(due.id);
    expect(moved).toMatchObject({ followUpSentAt: ctx.now, updatedAt: ctx.now });
    expect(moved?.dueAt).toBeUndefined();
    expect(await db.invites.bulkGet(waiting.map((i) => i.id))).toEqual(waiting);
    expect((await unshownNotifications(db)).map((n) => n.key)).toEqual([`follow_up:${due.id}`]);

    // The same run again: nothing is due any more, nothing changes.
    const before = await snapshot(db);
    expect(await runDueRules(db, settings, ctx)).toEqual({ invites: 0, events: 0, notifications: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('queues one "reward overdue" notice (the message for support is the dashboard\'s to compose)', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const late = seedInvite('overdue', ctx.now);
    await db.invites.add(late);
    await runDueRules(db, settings, ctx);
    const [entry] = await unshownNotifications(db);
    expect(entry).toMatchObject({
      key: `reward_overdue:${late.id}:${late.rewardDueAt}`,
      notification: 'reward_overdue',
      inviteId: late.id,
    });
    expect(entry).not.toHaveProperty('supportMessage');
    expect((await db.invites.get(late.id))?.overdueNotifiedAt).toBe(ctx.now);
  });

  describe('with a program whose links expire', () => {
    const expiring: Program = {
      ...aliexpress,
      id: 'test-expiring',
      rules: { ...aliexpress.rules, linkValidityMs: 7 * DAY },
    };
    afterEach(() => {
      BUILT_IN_PROGRAMS.splice(BUILT_IN_PROGRAMS.indexOf(expiring), 1);
    });

    it('stores the expiry as a rule event and applies it in the same transaction, once', async () => {
      BUILT_IN_PROGRAMS.push(expiring);
      const db = freshDb();
      const ctx = testCtx();
      const invite = newInvite(
        { id: 'inv', programId: expiring.id, linkId: 'l', channel: 'sms', now: ctx.now - 8 * DAY },
        expiring,
        settings,
      );
      await db.invites.add(invite);
      expect(await runDueRules(db, settings, ctx)).toEqual({ invites: 1, events: 1, notifications: 0 });
      const stored = await db.invites.get('inv');
      expect(stored).toMatchObject({ status: 'expired', followUpSentAt: ctx.now });
      expect(stored?.dueAt).toBeUndefined();
      expect(await db.events.toArray()).toEqual([
        expect.objectContaining({ key: 'rule:expired:inv', source: 'rule', outcome: 'applied', receivedAt: ctx.now }),
      ]);
      // No reminder to nudge a friend whose link just expired.
      expect(await db.outbox.count()).toBe(0);

      ctx.advance(DAY);
      expect(await runDueRules(db, settings, ctx)).toEqual({ invites: 0, events: 0, notifications: 0 });
      expect(await db.events.count()).toBe(1);
    });
  });

  it('drops the due time of an invite whose custom program is gone (no rules, and it would be read every run)', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const orphan = seedInvite('followUpDue', ctx.now);
    await db.invites.add({ ...orphan, programId: 'custom:gone' });
    expect(await runDueRules(db, settings, ctx)).toEqual({ invites: 1, events: 0, notifications: 0 });
    expect((await db.invites.get(orphan.id))?.dueAt).toBeUndefined();
    expect((await runDueRules(db, settings, ctx)).invites).toBe(0);
  });

  it('reads at most `limit` due invites, oldest due first', async () => {
    const db = freshDb();
    const ctx = testCtx();
    await db.invites.bulkAdd(seedInvites('followUpDue', 5, ctx.now));
    expect((await runDueRules(db, settings, ctx, 2)).invites).toBe(2);
    expect(await db.invites.where('dueAt').belowOrEqual(ctx.now).count()).toBe(3);
    expect((await runDueRules(db, settings, ctx, 2)).invites).toBe(2);
    expect((await runDueRules(db, settings, ctx, 2)).invites).toBe(1);
    expect(await db.outbox.count()).toBe(5);
  });

  it('warns once about each available coupon expiring within couponExpiringDays, and about nothing else', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const coupon = (id: string, expiresAt: number, state: 'available' | 'used' = 'available') => ({
      ...newCoupon(
        { title: `Coupon ${id}`, value: 3, currency: 'USD', expiresAt },
        { id, programId: 'aliexpress', now: ctx.now - DAY },
      ),
      state,
    });
    await db.coupons.bulkAdd([
      coupon('soon', ctx.now + 2 * DAY),
      coupon('edge', ctx.now + 3 * DAY),
      coupon('later', ctx.now + 4 * DAY),
      coupon('used', ctx.now + DAY, 'used'),
      coupon('expired', ctx.now),
      { ...newCoupon({ title: 'No expiry', value: 1, currency: 'USD' }, { id: 'open', programId: 'temu', now: 0 }) },
    ]);
    expect((await runDueRules(db, settings, ctx)).notifications).toBe(2);
    expect((await unshownNotifications(db)).map((n) => n.key).sort()).toEqual([
      'coupon_expiring:edge',
      'coupon_expiring:soon',
    ]);
    // Shown, then the next runs: still one warning per coupon.
    await markHandedOver(db, 'coupon_expiring:soon', ctx.now);
    ctx.advance(HOUR);
    expect((await runDueRules(db, settings, ctx)).notifications).toBe(0);
    expect(await db.outbox.count()).toBe(2);
    // Switched off: the coupons are not even read.
    const rows = await countRows(db);
    await runDueRules(db, { ...settings, notify: { ...settings.notify, coupon_expiring: false } }, ctx);
    expect(rows.read).toBe(0);
  });

  it('costs the same with 5,000 invites that are not due as with 5', async () => {
    const cost = async (notDue: number) => {
      const db = freshDb();
      const ctx = testCtx();
      await db.invites.bulkAdd([...seedInvites('followUpDue', 5, ctx.now), ...seedInvites('notDue', notDue, ctx.now)]);
      const rows = await countRows(db);
      const result = await runDueRules(db, settings, ctx);
      return { result, read: rows.read, written: rows.written };
    };
    const small = await cost(5);
    const large = await cost(5_000);
    expect(small.result).toEqual({ invites: 5, events: 0, notifications: 5 });
    expect(large).toEqual(small);
    // 5 due invites + 5 outbox look-ups (none there yet); 5 invites + 5 outbox rows written.
    expect(small).toMatchObject({ read: 5, written: 10 });
  }, 60_000);

  it('is all or nothing: a failed outbox write rolls the invites back, and the next run does it all once', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const due = seedInvites('followUpDue', 3, ctx.now);
    await db.invites.bulkAdd(due);
    const before = await snapshot(db);
    const spy = vi.spyOn(db.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('Disk full'));
    await expect(runDueRules(db, settings, ctx)).rejects.toThrow('Disk full');
    spy.mockRestore();
    expect(await snapshot(db)).toEqual(before);

    expect(await runDueRules(db, settings, ctx)).toEqual({ invites: 3, events: 0, notifications: 3 });
    expect((await db.outbox.toArray()).map((o) => o.key).sort()).toEqual(due.map((i) => `follow_up:${i.id}`).sort());
  });
});

/** A fresh database with these notifications queued, and a notification area of its own. */
async function queued(...keys: string[]) {
  const db = freshDb();
  const ctx = testCtx();
  await queueNotifications(
    db,
    keys.map((k) => notice(k)),
    ctx.now,
  );
  return { db, ctx, notifier: new ScreenNotifier() };
}

describe('flushOutbox', () => {
  const nothingHeld = new Set<string>();

  it('hands each waiting notification to the browser under its outbox key, counted, before showing it', async () => {
    const { db, ctx, notifier } = await queued('a', 'b');
    expect(await flushOutbox(db, notifier, { now: ctx.now, notify: allOn, held: nothingHeld })).toEqual({
      shown: 2,
      deferred: 0,
      dropped: 0,
      failed: 0,
      adopted: 0,
    });
    expect([...notifier.screen.keys()]).toEqual(['a', 'b']);
    expect(await db.outbox.get('a')).toMatchObject({ shown: HANDED, shownAt: ctx.now, shows: 1 });
    expect((await flushOutbox(db, notifier, { now: ctx.now, notify: allOn, held: nothingHeld })).shown).toBe(0);
    expect(notifier.shows).toBe(2);
  });

  it('quiet hours defer everything, and drop nothing', async () => {
    const { db, ctx, notifier } = await queued('a', 'b');
    const quiet = { now: ctx.now, quietUntil: ctx.now + 8 * HOUR, notify: allOn, held: nothingHeld };
    expect(await flushOutbox(db, notifier, quiet)).toMatchObject({ shown: 0, deferred: 2 });
    expect(notifier.shows).toBe(0);
    expect(await unshownNotifications(db)).toHaveLength(2);
    const after = { now: ctx.now + 8 * HOUR, notify: allOn, held: nothingHeld };
    expect((await flushOutbox(db, notifier, after)).shown).toBe(2);
  });

  it('a kind the user switched off is never shown, and is finished so it is not read again', async () => {
    const db = freshDb();
    const ctx = testCtx();
    await queueNotifications(db, [notice('f', 'follow_up'), notice('c', 'coupon_arrived')], ctx.now);
    const notifier = new ScreenNotifier();
    const notify = { ...allOn, follow_up: false };
    expect(await flushOutbox(db, notifier, { now: ctx.now, notify, held: nothingHeld })).toMatchObject({
      shown: 1,
      dropped: 1,
    });
    expect([...notifier.screen.keys()]).toEqual(['c']);
    expect(await unshownNotifications(db)).toEqual([]);
    expect(await db.outbox.get('f')).toMatchObject({ shown: FINISHED, closedBy: 'switched_off' });
  });

  it('a notification the browser refuses stays waiting, and does not hold back the others', async () => {
    const { db, ctx, notifier } = await queued('a', 'b', 'c');
    notifier.refuse = 'b';
    expect(await flushOutbox(db, notifier, { now: ctx.now, notify: allOn, held: nothingHeld })).toMatchObject({
      shown: 2,
      failed: 1,
    });
    expect((await unshownNotifications(db)).map((n) => n.key)).toEqual(['b']);
    notifier.refuse = null;
    expect((await flushOutbox(db, notifier, { now: ctx.now, notify: allOn, held: nothingHeld })).shown).toBe(1);
    expect([...notifier.screen.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('one the browser already holds (shown just before a worker stopped) is adopted, not shown again', async () => {
    const { db, ctx, notifier } = await queued('a', 'b');
    const report = await flushOutbox(db, notifier, { now: ctx.now, notify: allOn, held: new Set(['a']) });
    expect(report).toMatchObject({ shown: 1, adopted: 1 });
    expect([...notifier.screen.keys()]).toEqual(['b']);
    expect(await db.outbox.get('a')).toMatchObject({ shown: HANDED, heldAt: ctx.now });
  });

  it('"Snooze 1 day" puts a shown notification back, not before the time asked, with its count reset', async () => {
    const { db, ctx, notifier } = await queued('a');
    await flushOutbox(db, notifier, { now: ctx.now, notify: allOn, held: nothingHeld });
    await reconcileNotifications(db, await notifier.held(), ctx.now);
    expect(await snoozeNotification(db, 'a', ctx.now + DAY)).toBe(true);
    expect(await snoozeNotification(db, 'gone', ctx.now + DAY)).toBe(false);
    const snoozed = await db.outbox.get('a');
    expect(snoozed).toMatchObject({ shown: WAITING, notBefore: ctx.now + DAY, shows: 0 });
    expect(snoozed?.heldAt).toBeUndefined();
    notifier.screen.clear(); // the button's clear
    expect(await flushOutbox(db, notifier, { now: ctx.now + HOUR, notify: allOn, held: nothingHeld })).toMatchObject({
      shown: 0,
      deferred: 1,
    });
    expect(await flushOutbox(db, notifier, { now: ctx.now + DAY, notify: allOn, held: nothingHeld })).toMatchObject({
      shown: 1,
    });
    expect(notifier.shows).toBe(2);
    // A snoozed entry is not queued a second time by the rule that made it.
    expect(await queueNotifications(db, [notice('a')], ctx.now)).toBe(0);
  });
});

describe('the outbox and the notification area (deliverNotifications)', () => {
  const deliver = (db: ReturnType<typeof freshDb>, notifier: ScreenNotifier, now: number) =>
    deliverNotifications(db, notifier, { now: () => now, notify: allOn });

  it('shows what waits and records it held once the browser answers: then it counts as shown', async () => {
    const { db, ctx, notifier } = await queued('a', 'b');
    const r = await deliver(db, notifier, ctx.now);
    expect(r.flush.shown).toBe(2);
    // Recorded held when create answered: nothing left for getAll to confirm.
    expect(r.reconcile).toEqual({ held: 2, confirmed: 0, requeued: 0, gone: 0, gaveUp: 0 });
    expect(await db.outbox.get('a')).toMatchObject({ shown: HANDED, heldAt: ctx.now, shows: 1 });
    // The next run: still held, nothing shown, nothing written.
    const again = await deliver(db, notifier, ctx.now + 60_000);
    expect(again.flush.shown).toBe(0);
    expect(again.reconcile).toMatchObject({ held: 2, confirmed: 0 });
    expect(notifier.shows).toBe(2);
  });

  it('handed over, then the worker stopped before the browser made it: shown again after the grace, same id', async () => {
    const { db, ctx, notifier } = await queued('a');
    // The write before create committed; create never reached the browser (measured in Chromium for a stop at 0 ms).
    await markHandedOver(db, 'a', ctx.now);
    const early = await deliver(db, notifier, ctx.now + HANDOVER_GRACE_MS - 1);
    expect(early.reconcile.requeued).toBe(0);
    expect(notifier.shows).toBe(0);
    const later = await deliver(db, notifier, ctx.now + HANDOVER_GRACE_MS);
    expect(later.reconcile).toMatchObject({ requeued: 1, held: 1 });
    expect([...notifier.screen.keys()]).toEqual(['a']);
    expect(await db.outbox.get('a')).toMatchObject({ shown: HANDED, shows: 2 });
  });

  it('made by the browser, then the worker stopped before create answered: the next run confirms it with getAll, shows nothing', async () => {
    const { db, ctx, notifier } = await queued('a');
    await markHandedOver(db, 'a', ctx.now);
    notifier.screen.set('a', 'Title of a');
    const r = await deliver(db, notifier, ctx.now + 60_000);
    expect(r.reconcile).toMatchObject({ confirmed: 1, requeued: 0, held: 1 });
    expect(notifier.shows).toBe(0);
    expect(await db.outbox.get('a')).toMatchObject({ shown: HANDED, heldAt: ctx.now + 60_000 });
  });

  it('create threw though the browser made it: waiting again, and the next run adopts it rather than showing it twice', async () => {
    const { db, ctx, notifier } = await queued('a');
    notifier.fail = 'after';
    const first = await deliver(db, notifier, ctx.now);
    expect(first.flush).toMatchObject({ shown: 0, failed: 1 });
    const next = await deliver(db, notifier, ctx.now + 60_000);
    expect(next.flush).toMatchObject({ shown: 0, adopted: 1 });
    expect(notifier.shows).toBe(1);
    expect(await db.outbox.get('a')).toMatchObject({ shown: HANDED, heldAt: ctx.now + 60_000 });
  });

  it('closed by the user or by the browser (onClosed): finished, never shown again', async () => {
    const { db, ctx, notifier } = await queued('a', 'b');
    await deliver(db, notifier, ctx.now);
    for (const [key, byUser] of [
      ['a', true],
      ['b', false],
    ] as const) {
      notifier.screen.delete(key);
      expect(await recordNotificationClosed(db, key, byUser, ctx.now + 1)).toBe(true);
    }
    expect(await db.outbox.get('a')).toMatchObject({ shown: FINISHED, closedBy: 'user', closedAt: ctx.now + 1 });
    expect(await db.outbox.get('b')).toMatchObject({ shown: FINISHED, closedBy: 'browser' });
    const r = await deliver(db, notifier, ctx.now + DAY);
    expect(r.flush.shown).toBe(0);
    expect(notifier.shows).toBe(2);
    // A second onClosed (or one for an unknown id) changes nothing.
    expect(await recordNotificationClosed(db, 'a', false, ctx.now + 2)).toBe(false);
    expect(await recordNotificationClosed(db, 'nope', true, ctx.now + 2)).toBe(false);
    expect(await db.outbox.get('a')).toMatchObject({ closedBy: 'user' });
  });

  it('the close of a snoozed notification does not finish it: it comes back when the snooze ends', async () => {
    const { db, ctx, notifier } = await queued('a');
    await deliver(db, notifier, ctx.now);
    await snoozeNotification(db, 'a', ctx.now + DAY);
    notifier.screen.delete('a');
    expect(await recordNotificationClosed(db, 'a', false, ctx.now + 1)).toBe(false);
    expect((await deliver(db, notifier, ctx.now + DAY)).flush.shown).toBe(1);
  });

  it('held once, then gone without an onClosed (a browser restart clears them): finished, not shown again', async () => {
    const { db, ctx, notifier } = await queued('a');
    await deliver(db, notifier, ctx.now);
    notifier.screen.clear();
    const r = await deliver(db, notifier, ctx.now + DAY);
    expect(r.reconcile.gone).toBe(1);
    expect(await db.outbox.get('a')).toMatchObject({ shown: FINISHED, closedBy: 'gone' });
    expect(notifier.shows).toBe(1);
  });

  it('one whose create never answers (a worker stopped mid-create, again and again) is tried MAX_SHOWS times, then given up', async () => {
    const { db, ctx } = await queued('a');
    let now = ctx.now;
    const fates: string[] = [];
    for (let run = 0; run < MAX_SHOWS + 2; run++) {
      const entry = await db.outbox.get('a');
      if (entry?.shown === WAITING) await markHandedOver(db, 'a', now); // then the worker stops
      now += HANDOVER_GRACE_MS;
      const r = await reconcileNotifications(db, new Set(), now);
      fates.push(r.requeued ? 'requeued' : r.gaveUp ? 'gave up' : '-');
    }
    expect(fates).toEqual(['requeued', 'requeued', 'gave up', '-', '-']);
    expect(await db.outbox.get('a')).toMatchObject({ shown: FINISHED, closedBy: 'gave_up', shows: MAX_SHOWS });
  });

  it('one the browser said it made and that then vanished unseen is "gone", not shown again', async () => {
    const { db, ctx, notifier } = await queued('a');
    notifier.vanish = true;
    expect((await deliver(db, notifier, ctx.now)).reconcile.gone).toBe(1);
    expect((await deliver(db, notifier, ctx.now + HANDOVER_GRACE_MS)).flush.shown).toBe(0);
    expect(notifier.shows).toBe(1);
    expect(await db.outbox.get('a')).toMatchObject({ shown: FINISHED, closedBy: 'gone' });
  });

  it('reads only what is handed: finished notifications cost nothing per run', async () => {
    const db = freshDb();
    const ctx = testCtx();
    await db.outbox.bulkAdd(
      Array.from({ length: 2000 }, (_, i) => ({
        key: `old-${i}`,
        notification: 'coupon_arrived' as const,
        title: 't',
        message: 'm',
        createdAt: i,
        shown: FINISHED,
      })),
    );
    const rows = await countRows(db);
    await deliver(db, new ScreenNotifier(), ctx.now);
    expect(rows.read).toBe(0);
  });
});

describe('notificationFate', () => {
  const entry = (over: Partial<OutboxEntry>): OutboxEntry => ({
    key: 'k',
    notification: 'coupon_arrived',
    title: 't',
    message: 'm',
    createdAt: 0,
    shown: HANDED,
    shownAt: 1000,
    shows: 1,
    ...over,
  });
  it.each([
    ['held, first time', entry({}), true, 2000, 'confirmed'],
    ['held again', entry({ heldAt: 1500 }), true, 9000, 'held'],
    ['held before, gone now', entry({ heldAt: 1500 }), false, 9000, 'gone'],
    ['never held, within the grace', entry({}), false, 1000 + HANDOVER_GRACE_MS - 1, 'pending'],
    ['never held, after the grace', entry({}), false, 1000 + HANDOVER_GRACE_MS, 'requeue'],
    ['never held, shown MAX_SHOWS times', entry({ shows: MAX_SHOWS }), false, 99_000, 'gave_up'],
  ] as const)('%s → %s', (_name, e, isHeld, now, fate) => {
    expect(notificationFate(e, new Set(isHeld ? ['k'] : []), now)).toBe(fate);
  });
});

describe('unseenCouponCount', () => {
  it('counts the coupons not seen yet that can still be used', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const coupon = (id: string, extra: object = {}) => ({
      ...newCoupon({ title: id, value: 1, currency: 'USD' }, { id, programId: 'aliexpress', now: ctx.now }),
      ...extra,
    });
    await db.coupons.bulkAdd([
      coupon('new'),
      coupon('also new', { expiresAt: ctx.now + DAY }),
      coupon('seen', { seenAt: ctx.now }),
      coupon('used', { state: 'used' }),
      coupon('expired', { expiresAt: ctx.now - 1 }),
    ]);
    expect(await unseenCouponCount(db, ctx.now)).toBe(2);
    // The unseen coupon expiring tomorrow stops counting once it has expired.
    expect(await unseenCouponCount(db, ctx.now + DAY)).toBe(1);
  });
});
