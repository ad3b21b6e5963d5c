/**
 * Scenario (a): a status feed brings, over a few seconds, each friend's registration, first purchase and coupon,
 * while the worker is stopped every 40–400 ms and "sync now" is sent again and again (a message also wakes the
 * worker). Afterwards each friend's coupon is in the wallet once, each feed event stored once, one "coupon arrived"
 * notification per coupon, none shown twice, and the badge counts the wallet.
 */
import type { FeedRecord, OutboxEntry, StoredEvent } from '@/lib/db/schema';
import type { Coupon, Invite } from '@/lib/referral/types';
import { startFeedServer } from '../feedServer';
import { readTable } from '../harness';
import { CODE, LINK } from './backups';
import type { ScenarioFigures } from './chaosReport';
import { attempt, type ChaosRun, command, finishRun, startRun } from './chaosRun';
import { scenarioRng, stopSchedule } from './random';
import { sleep } from './workerStopper';

const FRIENDS = 12;
const STEPS = ['registered', 'first_purchase', 'coupon_issued'] as const;

export async function feedScenario(seed: number): Promise<{ run: ChaosRun; figures: ScenarioFigures }> {
  const rng = scenarioRng(seed, 'feed');
  const drive = scenarioRng(seed, 'feed:drive');
  const feed = await startFeedServer();
  feed.serve({ cursor: 'p0', events: [] }, '"p0"');
  const run = await startRun('(a) feed', seed, { allowNetwork: [feed.url], path: 'options.html#settings' });
  try {
    const { page } = run;
    const link = await command<{ id: string }>(page, 'saveLink', { input: LINK });
    const friends: { id: string; nickname: string }[] = [];
    for (let i = 1; i <= FRIENDS; i++) {
      const nickname = `Friend ${String(i).padStart(2, '0')}`;
      const invite = await command<{ id: string }>(page, 'recordShare', {
        linkId: link.id,
        channel: 'whatsapp',
        nickname,
      });
      friends.push({ id: invite.id, nickname });
    }
    // Added the way a person does: Settings → "Feed URL" → "Add feed"; its first (empty) page read.
    await page.getByLabel('Feed URL').fill(feed.url);
    await page.getByRole('button', { name: 'Add feed' }).click();
    await page.getByText('Last read').waitFor();

    // Each friend's three events in order, friends interleaved at random, released in batches of 3–9.
    const left = friends.map((f) => ({ ...f, step: 0 }));
    const order: { event: object; id: string }[] = [];
    while (left.length > 0) {
      const i = drive.between(0, left.length - 1);
      const f = left[i];
      if (!f) break;
      const type = STEPS[f.step] ?? 'coupon_issued';
      const id = `${f.nickname.replace(' ', '-')}-${type}`;
      order.push({
        id,
        event: {
          id,
          program: 'aliexpress',
          invite: { code: CODE, nickname: f.nickname },
          type,
          ...(type === 'coupon_issued' && { coupon: { title: `Reward for ${f.nickname}`, value: 3, currency: 'USD' } }),
        },
      });
      f.step++;
      if (f.step === STEPS.length) left.splice(i, 1);
    }
    const batches: number[] = [];
    for (let n = 0; n < order.length; n += drive.between(3, 9)) batches.push(n);
    let t = 0;
    const releaseAt = batches.map(() => {
      t += drive.between(300, 700);
      return t;
    });
    const windowMs = (releaseAt.at(-1) ?? 0) + 1_500;
    const schedule = stopSchedule(rng, windowMs, 40, 400);

    const chaos = run.stopper.runSchedule(schedule);
    const start = Date.now();
    let released = 0;
    let syncs = 0;
    // The feed's page grows: everything released so far, each event dated when it was released.
    const dated = new Map<string, string>();
    const serveBatch = () => {
      const upTo = batches[released + 1] ?? order.length;
      for (const o of order.slice(0, upTo)) if (!dated.has(o.id)) dated.set(o.id, new Date().toISOString());
      const events = order.slice(0, upTo).map((o) => ({ ...o.event, at: dated.get(o.id) }));
      feed.serve({ cursor: `p${released + 1}`, events }, `"p${released + 1}"`);
      released++;
    };
    while (Date.now() - start < windowMs) {
      while (released < batches.length && Date.now() - start >= (releaseAt[released] ?? 0)) serveBatch();
      await attempt(page, 'syncNow', {});
      syncs++;
      await sleep(drive.between(50, 300));
    }
    while (released < batches.length) serveBatch();
    await chaos.end();
    run.notes.syncsDuringChaos = syncs;
    run.notes.feedPages = batches.length;
    run.check(run.stopper.stops.length >= 3, `only ${run.stopper.stops.length} stops: the chaos did not happen`);

    const figures = await finishRun(run, schedule);
    const [feeds, invites, coupons, events, outbox] = await Promise.all([
      readTable<FeedRecord>(page, 'feeds'),
      readTable<Invite>(page, 'invites'),
      readTable<Coupon>(page, 'coupons'),
      readTable<StoredEvent>(page, 'events'),
      readTable<OutboxEntry>(page, 'outbox'),
    ]);
    const feedId = feeds[0]?.id ?? '?';
    const keyOf = (id: string) => `feed:${feedId}:${id}`;
    run.sameSet(
      'invites',
      invites.map((i) => i.id),
      friends.map((f) => f.id),
    );
    for (const f of friends) {
      const invite = invites.find((i) => i.id === f.id);
      const mine = order.filter((o) => o.id.startsWith(`${f.nickname.replace(' ', '-')}-`)).map((o) => keyOf(o.id));
      run.check(invite?.status === 'coupon_received', `${f.nickname}: status ${invite?.status}, not coupon_received`);
      run.sameSet(`${f.nickname}'s evidence`, invite?.evidence.map((e) => e.key) ?? [], mine);
    }
    run.sameSet(
      'coupons (by invite)',
      coupons.map((c) => c.inviteId ?? `no invite: ${c.title}`),
      friends.map((f) => f.id),
    );
    run.sameSet(
      'stored events',
      events.map((e) => e.key),
      order.map((o) => keyOf(o.id)),
    );
    for (const e of events) run.check(e.outcome === 'applied', `event ${e.key} stored as ${e.outcome}`);
    run.sameSet(
      'outbox',
      outbox.map((o) => o.key),
      friends.map((f) => `coupon_arrived:${f.id}`),
    );
    run.check(figures.notes.badge === String(FRIENDS), `badge "${figures.notes.badge}", ${FRIENDS} coupons unseen`);
    figures.rowsChecked += invites.length + coupons.length + events.length + feeds.length;
    return { run, figures };
  } finally {
    await run.ext.close();
    await feed.close();
  }
}
