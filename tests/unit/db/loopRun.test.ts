import { describe, expect, it, vi } from 'vitest';
import { ingestEvents } from '@/lib/db/events';
import { recordShare } from '@/lib/db/invites';
import { saveLink } from '@/lib/db/links';
import { createLoopRunner, type LoopReport, runLoop } from '@/lib/db/loop';
import type { Ctx } from '@/lib/db/result';
import type { RefShareDB } from '@/lib/db/schema';
import { newCoupon } from '@/lib/referral/coupons';
import { DAY, HOUR } from '@/lib/referral/time';
import type { Settings } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';
import { appSettings, countRows, ScreenNotifier, seedInvites, snapshot } from './loopFixtures';
import { ALI_SHORT, freshDb, testCtx } from './testDb';

/**
 * A small world: Ana's invite gets its coupon through the feed, Bruno's (shared four days ago) is due for the
 * follow-up reminder, and a wallet coupon expires in two days. One run should show exactly three notifications.
 */
async function world(settings: AppSettings = appSettings) {
  const db = freshDb();
  const ctx = testCtx();
  const link = await saveLink(db, { input: ALI_SHORT }, ctx);
  if (!link.ok) throw new Error(link.message);
  const share = async (nickname: string) => {
    const r = await recordShare(db, { linkId: link.value.id, channel: 'whatsapp', nickname }, settings, ctx);
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  };
  const bruno = await share('Bruno');
  ctx.advance(4 * DAY - 2 * HOUR);
  const ana = await share('Ana');
  ctx.advance(2 * HOUR);
  const wallet = newCoupon(
    { title: 'US $2 off', value: 2, currency: 'USD', expiresAt: ctx.now + 2 * DAY },
    { id: 'wallet-coupon', programId: 'aliexpress', now: ctx.now - DAY },
  );
  await db.coupons.add({ ...wallet, seenAt: ctx.now - DAY });

  const feedEvent = {
    key: 'feed:ev-1',
    inviteId: ana,
    status: 'coupon_received' as const,
    at: ctx.now - HOUR,
    source: 'feed' as const,
    coupon: { title: 'US $3 off', value: 3, currency: 'USD', minSpend: 20 },
  };
  const feed = { fail: null as 'before' | 'after' | null, pulls: 0 };
  const notifier = new ScreenNotifier();
  const badges: number[] = [];
  const deps = {
    settings: async () => settings,
    ctx: () => ctx,
    notifier,
    setBadge: async (count: number) => {
      badges.push(count);
    },
    // The feed serves the same page every time, as a real one does until something new happens.
    pullFeeds: async (s: Settings, c: Ctx) => {
      feed.pulls++;
      if (feed.fail === 'before') {
        feed.fail = null;
        throw new Error('HTTP 503');
      }
      const reports = await ingestEvents(db, [feedEvent], s, c);
      if (feed.fail === 'after') {
        feed.fail = null;
        throw new Error('Worker stopped');
      }
      return reports.length;
    },
  };
  const expected = [`coupon_arrived:${ana}`, `follow_up:${bruno}`, 'coupon_expiring:wallet-coupon'].sort();
  return { db, ctx, ana, bruno, feed, notifier, badges, deps, expected };
}

type World = Awaited<ReturnType<typeof world>>;

/** Nothing lost, nothing twice: the state every run must end in, however the runs before it ended. */
async function expectSettled(w: World) {
  expect([...w.notifier.screen.keys()].sort()).toEqual(w.expected);
  const outbox = await w.db.outbox.toArray();
  expect(outbox.map((o) => o.key).sort()).toEqual(w.expected);
  expect(outbox.every((o) => o.shown === 1)).toBe(true);
  expect((await w.db.events.toArray()).map((e) => e.key)).toEqual(['feed:ev-1']);
  const coupons = await w.db.coupons.toArray();
  expect(coupons).toHaveLength(2);
  expect(new Set(coupons.map((c) => c.dedupeKey)).size).toBe(2);
  expect(await w.db.invites.get(w.ana)).toMatchObject({ status: 'coupon_received' });
  expect(await w.db.invites.get(w.bruno)).toMatchObject({ followUpSentAt: expect.any(Number) });
  expect(w.badges.at(-1)).toBe(1);
}

describe('runLoop', () => {
  it('feeds, rules, outbox, badge: one run shows each notification once; the same run again changes nothing', async () => {
    const w = await world();
    const report = await runLoop(w.db, w.deps);
    expect(report).toEqual<LoopReport>({
      feeds: 1,
      rules: { invites: 1, events: 0, notifications: 2, batches: 1 },
      outbox: { shown: 3, deferred: 0, dropped: 0, failed: 0, adopted: 0 },
      notifications: { held: 3, confirmed: 0, requeued: 0, gone: 0, gaveUp: 0 },
      badge: 1,
      errors: [],
    });
    await expectSettled(w);

    const before = await snapshot(w.db);
    const again = await runLoop(w.db, w.deps);
    expect(again).toMatchObject({ rules: { invites: 0, notifications: 0 }, outbox: { shown: 0 }, badge: 1 });
    expect(await snapshot(w.db)).toEqual(before);
    expect(w.notifier.shows).toBe(3);
  });

  it('in quiet hours nothing is shown, everything waits; after them it all shows', async () => {
    const w = await world({ ...appSettings, quietHours: { start: '11:00', end: '13:00' } });
    const report = await runLoop(w.db, w.deps);
    expect(report.quietUntil).toBe(w.ctx.now + HOUR);
    expect(report.outbox).toMatchObject({ shown: 0, deferred: 3 });
    expect(w.notifier.shows).toBe(0);
    expect(w.badges).toEqual([1]);
    w.ctx.advance(HOUR);
    expect((await runLoop(w.db, w.deps)).outbox).toMatchObject({ shown: 3, deferred: 0 });
    await expectSettled(w);
  });

  it('a failing feed is reported, and the reminders and badge still happen', async () => {
    const w = await world();
    w.feed.fail = 'before';
    const report = await runLoop(w.db, w.deps);
    expect(report.errors).toEqual([{ step: 'feeds', message: 'HTTP 503' }]);
    expect(report.feeds).toBeUndefined();
    expect(report.outbox.shown).toBe(2);
    expect(w.badges).toEqual([0]);
  });

  it('drains a backlog of due invites in batches of 500', async () => {
    const w = await world();
    await w.db.invites.bulkAdd(seedInvites('followUpDue', 1_000, w.ctx.now));
    const report = await runLoop(w.db, w.deps);
    expect(report.rules).toEqual({ invites: 1_001, events: 0, notifications: 1_002, batches: 3 });
    expect(await w.db.invites.where('dueAt').belowOrEqual(w.ctx.now).count()).toBe(0);
  }, 60_000);

  it('touches as many rows with 10,000 invites as with 100, when 3 are due', async () => {
    const touched = async (total: number) => {
      const db = freshDb();
      const ctx = testCtx();
      await db.invites.bulkAdd([
        ...seedInvites('followUpDue', 2, ctx.now),
        ...seedInvites('overdue', 1, ctx.now),
        ...seedInvites('notDue', total - 3, ctx.now),
      ]);
      const rows = await countRows(db);
      const report = await runLoop(db, {
        settings: async () => appSettings,
        ctx: () => ctx,
        notifier: new ScreenNotifier(),
        setBadge: async () => undefined,
      });
      return { rules: report.rules, shown: report.outbox.shown, read: rows.read, written: rows.written };
    };
    const small = await touched(100);
    const large = await touched(10_000);
    expect(small).toMatchObject({ rules: { invites: 3, notifications: 3 }, shown: 3 });
    // 3 invites, the outbox read back, handed over and confirmed held: a few dozen rows, whatever the number of
    // invites.
    expect(small.read + small.written).toBeGreaterThan(3);
    expect(small.read + small.written).toBeLessThan(40);
    expect(large).toEqual(small);
  }, 120_000);
});

describe('crash safety: each step fails once, then the next run settles with nothing lost and nothing twice', () => {
  it.each<[string, (w: World) => () => void | Promise<void>]>([
    [
      'the feed stored its events, then the worker stopped',
      (w) => {
        w.feed.fail = 'after';
        return () => undefined;
      },
    ],
    [
      'the outbox write inside the rules transaction failed (the whole transaction rolls back)',
      (w) => {
        let armed = true;
        const hook = (key: string) => {
          if (armed && key.startsWith('follow_up:')) {
            armed = false;
            throw new Error('Disk full');
          }
        };
        w.db.outbox.hook('creating', hook);
        return async () => {
          w.db.outbox.hook('creating').unsubscribe(hook);
          // Rolled back whole: Bruno is still due, and no reminder (nor coupon warning) was half-written.
          expect((await w.db.invites.get(w.bruno))?.followUpSentAt).toBeUndefined();
          expect((await w.db.outbox.toArray()).map((o) => o.key)).toEqual([`coupon_arrived:${w.ana}`]);
        };
      },
    ],
    [
      'the notifier failed before showing',
      (w) => {
        w.notifier.fail = 'before';
        return () => undefined;
      },
    ],
    [
      'the notification was shown, then the worker stopped',
      (w) => {
        w.notifier.fail = 'after';
        return () => undefined;
      },
    ],
    [
      'marking a notification shown failed after it was shown',
      (w) => {
        const spy = vi.spyOn(w.db.outbox, 'update').mockRejectedValueOnce(new Error('Worker stopped'));
        return () => spy.mockRestore();
      },
    ],
    [
      'the badge could not be set',
      (w) => {
        const setBadge = w.deps.setBadge;
        w.deps.setBadge = async () => {
          w.deps.setBadge = setBadge;
          throw new Error('No action API');
        };
        return () => undefined;
      },
    ],
  ])('%s', async (_label, breakOnce) => {
    const w = await world();
    const restore = breakOnce(w);
    const first = await runLoop(w.db, w.deps);
    await restore();
    const failures = first.errors.length + first.outbox.failed;
    expect(failures).toBe(1);

    await runLoop(w.db, w.deps);
    await expectSettled(w);
    // And a third run is a no-op.
    const before = await snapshot(w.db);
    const shows = w.notifier.shows;
    await runLoop(w.db, w.deps);
    expect(await snapshot(w.db)).toEqual(before);
    expect(w.notifier.shows).toBe(shows);
  });
});

describe('createLoopRunner', () => {
  it('never runs two syncs at once; asks made during a run are served by one more run after it', async () => {
    const db: RefShareDB = freshDb();
    let active = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const runner = createLoopRunner(db, {
      settings: async () => appSettings,
      ctx: () => testCtx(),
      notifier: new ScreenNotifier(),
      setBadge: async () => undefined,
      pullFeeds: async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        active--;
      },
    });
    const first = runner.run();
    await vi.waitFor(() => expect(runs).toBe(1));
    const second = runner.run();
    const third = runner.run();
    expect(second).toBe(third);
    release();
    await first;
    await vi.waitFor(() => expect(runs).toBe(2));
    release();
    await Promise.all([second, third]);
    expect(runs).toBe(2);
    expect(most).toBe(1);

    // Idle again: the next ask starts a run at once.
    const fourth = runner.run();
    await vi.waitFor(() => expect(runs).toBe(3));
    release();
    expect((await fourth).errors).toEqual([]);
  });

  it('a run that throws does not stop the next one', async () => {
    let calls = 0;
    const runner = createLoopRunner(freshDb(), {
      settings: async () => {
        calls++;
        if (calls === 1) throw new Error('Storage unavailable');
        return appSettings;
      },
      ctx: () => testCtx(),
      notifier: new ScreenNotifier(),
      setBadge: async () => undefined,
    });
    const first = runner.run();
    const second = runner.run();
    await expect(first).rejects.toThrow('Storage unavailable');
    expect((await second).errors).toEqual([]);
  });
});
