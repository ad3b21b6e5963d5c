import { describe, expect, it, vi } from 'vitest';
import { addFeed, FEED_INTERVAL, feedBackoff, feedsDue, pullDueFeeds, pullFeed, removeFeed } from '@/lib/db/feeds';
import { recordShare } from '@/lib/db/invites';
import { saveLink } from '@/lib/db/links';
import type { FeedRecord, RefShareDB } from '@/lib/db/schema';
import { HOUR, MINUTE } from '@/lib/referral/time';
import { ALI_STAR, freshDb, settings, testCtx } from './testDb';

/** The invitation code inside ALI_STAR. */
const CODE = 'INABCD12';
const FEED_URL = 'https://feeds.example.com/refshare.json';

/**
 * A feed service faked as a fetch function (no network): serves whatever page the test set, honours
 * If-None-Match, can fail, and records each request.
 */
function fakeFeed() {
  let body: string = JSON.stringify({ events: [] });
  let etag: string | undefined;
  let status = 200;
  const requests: { url: URL; ifNoneMatch?: string }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const ifNoneMatch = (init?.headers as Record<string, string> | undefined)?.['if-none-match'];
    requests.push({ url, ...(ifNoneMatch !== undefined && { ifNoneMatch }) });
    if (status !== 200) return new Response('down', { status, statusText: 'Service Unavailable' });
    if (etag !== undefined && ifNoneMatch === etag) return new Response(null, { status: 304 });
    return new Response(body, { status: 200, headers: etag ? { etag } : {} });
  }) as typeof fetch;
  return {
    fetchImpl,
    requests,
    serve(page: unknown, tag?: string) {
      body = typeof page === 'string' ? page : JSON.stringify(page);
      etag = tag;
      status = 200;
    },
    fail(code: number) {
      status = code;
    },
  };
}

const event = (id: string, type: string, over: Record<string, unknown> = {}) => ({
  id,
  program: 'aliexpress',
  invite: { code: CODE, nickname: 'Ana' },
  type,
  at: new Date(Date.UTC(2026, 10, 24, 13)).toISOString(),
  ...(type === 'coupon_issued' && { coupon: { title: 'Referral reward', value: 3, currency: 'USD', minSpend: 20 } }),
  ...over,
});

/** A database with an AliExpress link (code INABCD12), an invite for Ana, and a feed. */
async function setup() {
  const db = freshDb();
  const ctx = testCtx();
  const link = await saveLink(db, { input: ALI_STAR }, ctx);
  if (!link.ok) throw new Error(link.message);
  expect(link.value.code).toBe(CODE);
  const invite = await recordShare(db, { linkId: link.value.id, channel: 'whatsapp', nickname: 'Ana' }, settings, ctx);
  if (!invite.ok) throw new Error(invite.message);
  const feed = await addFeed(db, FEED_URL, ctx);
  if (!feed.ok) throw new Error(feed.message);
  ctx.advance(2 * HOUR);
  return { db, ctx, linkId: link.value.id, inviteId: invite.value.id, feedId: feed.value.id, server: fakeFeed() };
}

/** A failing table write, typed as Dexie's promise (the code under test only awaits it). */
const crash = (message: string) => Promise.reject(new Error(message)) as ReturnType<RefShareDB['feeds']['update']>;

const feedOf = async (db: RefShareDB, id: string) => (await db.feeds.get(id)) as FeedRecord;

async function pull(s: Awaited<ReturnType<typeof setup>>) {
  return pullFeed(s.db, await feedOf(s.db, s.feedId), s.server.fetchImpl, settings, s.ctx);
}

async function counts(db: RefShareDB) {
  return {
    coupons: await db.coupons.count(),
    outbox: (await db.outbox.toArray()).map((o) => o.key),
    events: await db.events.count(),
  };
}

describe('addFeed / removeFeed / feedsDue', () => {
  it('adds a feed, normalised and due at once; refuses the same address twice and bad addresses', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const r = await addFeed(db, '  HTTPS://Feeds.Example.com/refshare.json#top ', ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        id: expect.stringMatching(/^feed-[0-9a-z]+$/),
        url: FEED_URL,
        addedAt: ctx.now,
        failures: 0,
        nextAttemptAt: ctx.now,
      },
    });
    expect(await addFeed(db, FEED_URL, ctx)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'This feed is already in the list.',
    });
    expect(await addFeed(db, 'http://feeds.example.com/x', ctx)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: expect.stringMatching(/https/),
    });
    expect(await addFeed(db, 'javascript:alert(1)', ctx)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await db.feeds.count()).toBe(1);
  });

  it('accepts a service on this computer over http', async () => {
    const r = await addFeed(freshDb(), 'http://127.0.0.1:8080/feed.json', testCtx());
    expect(r).toMatchObject({ ok: true, value: { url: 'http://127.0.0.1:8080/feed.json' } });
  });

  it('holds at most 20 feeds', async () => {
    const db = freshDb();
    const ctx = testCtx();
    for (let i = 0; i < 20; i++) expect((await addFeed(db, `https://f${i}.example.com/`, ctx)).ok).toBe(true);
    expect(await addFeed(db, 'https://f20.example.com/', ctx)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('removes a feed, and says so when it is already gone', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const r = await addFeed(db, FEED_URL, ctx);
    if (!r.ok) throw new Error(r.message);
    expect(await removeFeed(db, r.value.id)).toEqual({ ok: true, value: { id: r.value.id } });
    expect(await removeFeed(db, r.value.id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db.feeds.count()).toBe(0);
  });

  it('feedsDue lists the feeds whose next attempt has come, oldest first', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const a = await addFeed(db, 'https://a.example.com/', ctx);
    ctx.advance(MINUTE);
    await addFeed(db, 'https://b.example.com/', ctx);
    await db.feeds.update(a.ok ? a.value.id : '', { nextAttemptAt: ctx.now + HOUR });
    expect((await feedsDue(db, ctx.now)).map((f) => f.url)).toEqual(['https://b.example.com/']);
    expect((await feedsDue(db, ctx.now + HOUR)).map((f) => f.url)).toEqual([
      'https://a.example.com/',
      'https://b.example.com/',
    ]);
  });
});

describe('pullFeed', () => {
  it('registered → first purchase → coupon issued: moves the invite, adds ONE coupon and ONE notification', async () => {
    const s = await setup();
    s.server.serve({ cursor: 'c1', events: [event('e1', 'registered')] }, '"v1"');
    expect(await pull(s)).toEqual({ applied: 1, duplicates: 0, rejected: 0 });
    expect((await s.db.invites.get(s.inviteId))?.status).toBe('registered');
    expect(await feedOf(s.db, s.feedId)).toMatchObject({
      cursor: 'c1',
      etag: '"v1"',
      lastSuccessAt: s.ctx.now,
      failures: 0,
      nextAttemptAt: s.ctx.now + FEED_INTERVAL,
      lastEventCount: 1,
      rejected: [],
    });

    s.server.serve({ cursor: 'c2', events: [event('e2', 'first_purchase')] }, '"v2"');
    expect(await pull(s)).toMatchObject({ applied: 1 });
    expect(s.server.requests.at(-1)).toMatchObject({ ifNoneMatch: '"v1"' });
    expect(s.server.requests.at(-1)?.url.searchParams.get('cursor')).toBe('c1');
    expect((await s.db.invites.get(s.inviteId))?.status).toBe('first_purchase');

    s.server.serve({ cursor: 'c3', events: [event('e3', 'coupon_issued')] }, '"v3"');
    expect(await pull(s)).toMatchObject({ applied: 1 });
    expect((await s.db.invites.get(s.inviteId))?.status).toBe('coupon_received');
    const coupons = await s.db.coupons.toArray();
    expect(coupons).toMatchObject([
      { title: 'Referral reward', value: 3, inviteId: s.inviteId, programId: 'aliexpress' },
    ]);
    expect(await s.db.outbox.toArray()).toMatchObject([
      { key: `coupon_arrived:${s.inviteId}`, notification: 'coupon_arrived', shown: 0 },
    ]);
    expect((await s.db.events.toArray()).map((e) => [e.key, e.source, e.outcome])).toEqual([
      [`feed:${s.feedId}:e1`, 'feed', 'applied'],
      [`feed:${s.feedId}:e2`, 'feed', 'applied'],
      [`feed:${s.feedId}:e3`, 'feed', 'applied'],
    ]);
  });

  it('the same feed served again adds nothing (and a 304 is a success with no events)', async () => {
    const s = await setup();
    const page = {
      cursor: 'c1',
      events: [event('e1', 'registered'), event('e2', 'first_purchase'), event('e3', 'coupon_issued')],
    };
    s.server.serve(page);
    expect(await pull(s)).toEqual({ applied: 3, duplicates: 0, rejected: 0 });
    const before = { ...(await counts(s.db)), invite: await s.db.invites.get(s.inviteId) };
    expect(before).toMatchObject({ coupons: 1, outbox: [`coupon_arrived:${s.inviteId}`], events: 3 });

    s.ctx.advance(HOUR);
    expect(await pull(s)).toEqual({ applied: 0, duplicates: 3, rejected: 0 });
    s.server.serve(page, '"same"');
    expect(await pull(s)).toMatchObject({ applied: 0, duplicates: 3 });
    s.ctx.advance(HOUR);
    expect(await pull(s)).toEqual({ applied: 0, duplicates: 0, rejected: 0 });
    expect(s.server.requests.at(-1)?.ifNoneMatch).toBe('"same"');
    expect(await feedOf(s.db, s.feedId)).toMatchObject({ lastSuccessAt: s.ctx.now, lastEventCount: 0, rejected: [] });
    expect({ ...(await counts(s.db)), invite: await s.db.invites.get(s.inviteId) }).toEqual(before);
  });

  it('a replay goes to the invite it went to first, not to another that now fits', async () => {
    const s = await setup();
    const second = await recordShare(s.db, { linkId: s.linkId, channel: 'sms', nickname: 'Ana' }, settings, s.ctx);
    if (!second.ok) throw new Error(second.message);
    s.server.serve({ events: [event('e1', 'registered', { at: new Date(s.ctx.now).toISOString() })] });
    expect(await pull(s)).toMatchObject({ applied: 1 });
    expect(await pull(s)).toEqual({ applied: 0, duplicates: 1, rejected: 0 });
    expect((await s.db.invites.get(s.inviteId))?.status).toBe('registered');
    expect((await s.db.invites.get(second.value.id))?.status).toBe('shared');
  });

  it('a feed removed and added again keeps its id, so its old events served again add nothing', async () => {
    const s = await setup();
    const page = { cursor: 'c1', events: [event('e1', 'first_purchase'), event('e2', 'coupon_issued')] };
    s.server.serve(page);
    expect(await pull(s)).toMatchObject({ applied: 2 });
    // A second invite for Ana that the old events would fit, were they matched afresh.
    const second = await recordShare(s.db, { linkId: s.linkId, channel: 'sms', nickname: 'Ana' }, settings, s.ctx);
    if (!second.ok) throw new Error(second.message);
    await s.db.invites.update(second.value.id, { sharedAt: s.ctx.now - 2 * HOUR });
    expect((await removeFeed(s.db, s.feedId)).ok).toBe(true);
    const again = await addFeed(s.db, FEED_URL, s.ctx);
    expect(again).toMatchObject({ ok: true, value: { id: s.feedId } });
    expect((await feedOf(s.db, s.feedId)).cursor).toBeUndefined();
    expect(await pull(s)).toEqual({ applied: 0, duplicates: 2, rejected: 0 });
    expect((await s.db.invites.get(second.value.id))?.status).toBe('shared');
    expect(await counts(s.db)).toMatchObject({ coupons: 1, outbox: [`coupon_arrived:${s.inviteId}`], events: 2 });
  });

  it('a crash between applying and saving the cursor: the re-run adds nothing twice', async () => {
    const s = await setup();
    s.server.serve({ cursor: 'c9', events: [event('e1', 'first_purchase'), event('e2', 'coupon_issued')] }, '"v9"');
    const update = s.db.feeds.update.bind(s.db.feeds);
    const spy = vi.spyOn(s.db.feeds, 'update').mockImplementationOnce(() => crash('worker stopped'));
    await expect(pull(s)).rejects.toThrow('worker stopped');
    // The events were applied; the cursor, ETag and health were not saved.
    expect(await counts(s.db)).toMatchObject({ coupons: 1, outbox: [`coupon_arrived:${s.inviteId}`], events: 2 });
    const feed = await feedOf(s.db, s.feedId);
    expect(feed.cursor).toBeUndefined();
    expect(feed.etag).toBeUndefined();
    expect(feed.lastSuccessAt).toBeUndefined();

    spy.mockImplementation(update);
    s.ctx.advance(MINUTE);
    expect(await pull(s)).toEqual({ applied: 0, duplicates: 2, rejected: 0 });
    expect(s.server.requests.at(-1)?.url.searchParams.has('cursor')).toBe(false);
    expect(await counts(s.db)).toMatchObject({ coupons: 1, outbox: [`coupon_arrived:${s.inviteId}`], events: 2 });
    expect(await feedOf(s.db, s.feedId)).toMatchObject({ cursor: 'c9', etag: '"v9"', lastSuccessAt: s.ctx.now });
  });

  it('one bad event and one that matches no invite are refused and reported; the rest applies', async () => {
    const s = await setup();
    s.server.serve({
      cursor: 'c1',
      events: [
        event('e1', 'first_purchase'),
        event('bad', 'paid'),
        event('stranger', 'registered', { invite: { code: CODE, nickname: 'Zoe' } }),
        event('e2', 'coupon_issued'),
      ],
    });
    expect(await pull(s)).toEqual({ applied: 2, duplicates: 0, rejected: 2 });
    expect((await s.db.invites.get(s.inviteId))?.status).toBe('coupon_received');
    expect(await feedOf(s.db, s.feedId)).toMatchObject({
      cursor: 'c1',
      failures: 0,
      lastEventCount: 4,
      rejected: [
        { id: 'bad', reason: expect.stringMatching(/"type" must be one of/) },
        { id: 'stranger', reason: expect.stringMatching(/^No invite matches: .*"Zoe"/) },
      ],
    });
    // Refused events are not stored as observations: the feed can send them again once they make sense.
    expect(await s.db.events.count()).toBe(2);
  });

  it('a refund after the first purchase makes the invite ineligible: no coupon, no notification', async () => {
    const s = await setup();
    s.server.serve({
      events: [
        event('e1', 'first_purchase', { invite: { nickname: ' ANA ' } }),
        event('e2', 'refunded', { invite: { code: CODE } }),
      ],
    });
    expect(await pull(s)).toEqual({ applied: 2, duplicates: 0, rejected: 0 });
    expect((await s.db.invites.get(s.inviteId))?.status).toBe('ineligible');
    expect(await counts(s.db)).toEqual({ coupons: 0, outbox: [], events: 2 });
  });

  it('keeps at most 20 refusals on the feed', async () => {
    const s = await setup();
    s.server.serve({ events: Array.from({ length: 30 }, (_, i) => event(`bad-${i}`, 'paid')) });
    expect(await pull(s)).toMatchObject({ rejected: 30 });
    expect((await feedOf(s.db, s.feedId)).rejected).toHaveLength(20);
  });

  it.each<[string, (server: ReturnType<typeof fakeFeed>) => void, RegExp]>([
    ['HTTP 503', (server) => server.fail(503), /HTTP 503 Service Unavailable/],
    ['invalid JSON', (server) => server.serve('{"events": [1,'), /not valid JSON/],
    ['a page without events', (server) => server.serve({ items: [] }), /no "events" list/],
    [
      'a page of 10,001 events',
      (server) => server.serve({ events: Array.from({ length: 10_001 }, () => ({})) }),
      /10001 events/,
    ],
  ])('%s: records the error, changes no data, retries later', async (_name, breakIt, message) => {
    const s = await setup();
    breakIt(s.server);
    const r = await pull(s);
    expect(r).toEqual({ applied: 0, duplicates: 0, rejected: 0, error: expect.stringMatching(message) });
    expect(await feedOf(s.db, s.feedId)).toMatchObject({
      failures: 1,
      lastError: expect.stringMatching(message),
      lastErrorAt: s.ctx.now,
      nextAttemptAt: s.ctx.now + MINUTE,
    });
    expect(await counts(s.db)).toEqual({ coupons: 0, outbox: [], events: 0 });
  });

  it('backs off 1, 2, 4 … minutes after each failure, up to 6 hours; a success resets it', async () => {
    const s = await setup();
    s.server.fail(500);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await pull(s);
      waits.push((await feedOf(s.db, s.feedId)).nextAttemptAt - s.ctx.now);
      s.ctx.advance(MINUTE);
    }
    expect(waits.map((w) => w / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
    expect((await feedOf(s.db, s.feedId)).failures).toBe(12);
    s.server.serve({ events: [] });
    await pull(s);
    expect(await feedOf(s.db, s.feedId)).toMatchObject({
      failures: 0,
      lastSuccessAt: s.ctx.now,
      nextAttemptAt: s.ctx.now + FEED_INTERVAL,
      // The last error stays visible, dated, so Settings can tell it came before the last success.
      lastError: expect.stringMatching(/HTTP 500/),
    });
  });

  it('feedBackoff: 1 min × 2^(failures − 1), capped at 6 h, never overflowing', () => {
    expect([0, 1, 2, 3, 9, 10, 1000].map((n) => feedBackoff(n) / MINUTE)).toEqual([1, 1, 2, 4, 256, 360, 360]);
  });

  it('an answer without an ETag clears the one stored', async () => {
    const s = await setup();
    s.server.serve({ events: [] }, '"v1"');
    await pull(s);
    expect((await feedOf(s.db, s.feedId)).etag).toBe('"v1"');
    s.server.serve({ events: [] });
    await pull(s);
    expect(await feedOf(s.db, s.feedId)).not.toHaveProperty('etag');
  });
});

describe('pullDueFeeds', () => {
  it('pulls every due feed in turn; one failing does not stop the others; feeds not due wait', async () => {
    const s = await setup();
    const other = await addFeed(s.db, 'https://down.example.com/feed', s.ctx);
    const later = await addFeed(s.db, 'https://later.example.com/feed', s.ctx);
    if (!other.ok || !later.ok) throw new Error('not added');
    await s.db.feeds.update(later.value.id, { nextAttemptAt: s.ctx.now + HOUR });
    s.server.serve({ events: [event('e1', 'registered')] });
    const fetchImpl = ((input: string | URL | Request, init?: RequestInit) =>
      String(input).startsWith('https://down.')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : s.server.fetchImpl(input, init)) as typeof fetch;

    const summary = await pullDueFeeds(s.db, fetchImpl, settings, s.ctx);
    expect(summary).toMatchObject({ applied: 1, duplicates: 0, rejected: 0, failed: 1 });
    expect(summary.feeds.map((f) => [f.url, f.result.error === undefined])).toEqual([
      [FEED_URL, true],
      ['https://down.example.com/feed', false],
    ]);
    expect((await s.db.invites.get(s.inviteId))?.status).toBe('registered');
    expect((await feedOf(s.db, later.value.id)).lastSuccessAt).toBeUndefined();

    // "Sync now" reads every feed, due or not.
    const all = await pullDueFeeds(s.db, fetchImpl, settings, s.ctx, { all: true });
    expect(all.feeds).toHaveLength(3);
  });

  it('a database failure on one feed is reported and the next feed still runs', async () => {
    const s = await setup();
    await addFeed(s.db, 'https://second.example.com/feed', s.ctx);
    s.server.serve({ events: [] });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(s.db.feeds, 'update').mockImplementationOnce(() => crash('disk full'));
    const summary = await pullDueFeeds(s.db, s.server.fetchImpl, settings, s.ctx);
    expect(summary.failed).toBe(1);
    expect(summary.feeds).toHaveLength(2);
    expect(summary.feeds[1]?.result.error).toBeUndefined();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
