/**
 * Store benchmark, run inside a real Chromium page (IndexedDB as users have it) by tests/tools/bench.mjs.
 * Figures are ratios measured in the same run, never pass/fail.
 */
import { Dexie } from 'dexie';
import QRCode from 'qrcode';
import { ingestEvents } from '@/lib/db/events';
import { pullFeed } from '@/lib/db/feeds';
import { runLoop } from '@/lib/db/loop';
import { type FeedRecord, RefShareDB, type StoredEvent } from '@/lib/db/schema';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { HOUR, MINUTE } from '@/lib/referral/time';
import type { Channel, Invite, InviteStatus, StatusEvent } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';
import { printQrOptions, printQrSize, screenQrOptions, screenQrSize } from '@/lib/share/qrOptions';

const T0 = Date.UTC(2026, 0, 1);
const CHANNELS: Channel[] = ['whatsapp', 'telegram', 'email', 'sms', 'x', 'facebook', 'copy'];
const PROGRAMS = ['aliexpress', 'temu'];

function makeInvites(n: number): Invite[] {
  const out: Invite[] = [];
  for (let i = 0; i < n; i++) {
    const inv = newInvite(
      {
        id: `inv-${i}`,
        programId: PROGRAMS[i % 2] as string,
        linkId: `link-${i % 2}`,
        channel: CHANNELS[i % CHANNELS.length] as Channel,
        now: T0 + i * MINUTE,
      },
      aliexpress,
    );
    out.push(inv);
  }
  return out;
}

function makeEvents(invites: Invite[]): StatusEvent[] {
  return invites.map((inv, i) => ({
    key: `feed:${inv.id}:first_purchase`,
    inviteId: inv.id,
    status: i % 3 === 0 ? 'registered' : 'first_purchase',
    at: inv.sharedAt + HOUR,
    source: 'feed',
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function fresh(name: string, invites: Invite[]): Promise<RefShareDB> {
  await Dexie.delete(name);
  const db = new RefShareDB(name);
  await db.invites.bulkAdd(invites);
  return db;
}

/** Ingesting N events through the engine vs a raw bulkPut of the rows that ingestion writes. */
async function ingestVsBulkPut(n: number, rounds: number) {
  const invites = makeInvites(n);
  const events = makeEvents(invites);
  const now = T0 + 30 * 24 * HOUR;
  // The exact rows ingestion writes, computed ahead so the baseline does only the writes.
  const outRows: StoredEvent[] = events.map((e) => ({ ...e, receivedAt: now, outcome: 'applied' }));
  const outInvites = events.map(
    (e, i) => applyEvent(invites[i] as Invite, e, aliexpress, DEFAULT_SETTINGS, now).invite,
  );
  const engine: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let db = await fresh('bench-engine', invites);
    let t = performance.now();
    await ingestEvents(db, events, DEFAULT_SETTINGS, { now, newId: () => crypto.randomUUID() });
    engine.push(performance.now() - t);
    db.close();

    db = await fresh('bench-raw', invites);
    t = performance.now();
    await db.transaction('rw', db.events, db.invites, async () => {
      await db.events.bulkPut(outRows);
      await db.invites.bulkPut(outInvites);
    });
    raw.push(performance.now() - t);
    db.close();
  }
  return { engineMs: median(engine), rawMs: median(raw), ratio: median(engine) / median(raw) };
}

/** An indexed page query on N invites: newest 50 of one program and status, and the due-time scan. */
async function indexedQuery(n: number, rounds: number) {
  const statuses: InviteStatus[] = ['shared', 'registered', 'first_purchase', 'coupon_received'];
  const invites = makeInvites(n).map((inv, i) => ({ ...inv, status: statuses[i % statuses.length] as InviteStatus }));
  const db = await fresh('bench-query', []);
  for (let i = 0; i < invites.length; i += 10_000) await db.invites.bulkAdd(invites.slice(i, i + 10_000));
  const page: number[] = [];
  const due: number[] = [];
  let rows = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const result = await db.invites
      .where('[programId+status+sharedAt]')
      .between(['temu', 'registered', Dexie.minKey], ['temu', 'registered', Dexie.maxKey])
      .reverse()
      .limit(50)
      .toArray();
    page.push(performance.now() - t);
    rows = result.length;
    t = performance.now();
    await db.invites
      .where('dueAt')
      .below(T0 + 60 * MINUTE)
      .toArray();
    due.push(performance.now() - t);
  }
  const count = await db.invites.count();
  db.close();
  await Dexie.delete('bench-query');
  return { rows: count, pageRows: rows, pageQueryMs: median(page), dueQueryMs: median(due) };
}

const APP_SETTINGS: AppSettings = {
  ...DEFAULT_SETTINGS,
  language: 'en',
  quietHours: null,
  mutedSites: [],
  templates: {},
};

/**
 * One loop run (no feed; time rules, outbox, badge) with N invites in the store of which 3 are due: the run reads
 * only what is due (the dueAt index), so its time should not grow with N.
 */
async function loopRunCost(n: number, rounds: number) {
  const now = T0 + 365 * 24 * HOUR;
  const invites = makeInvites(n).map((inv, i) => {
    // Not due for a long time (a follow-up far ahead), except three that are due now.
    const due = i < 3 ? now - MINUTE : now + 30 * 24 * HOUR;
    return { ...inv, dueAt: due };
  });
  const times: number[] = [];
  // Filled once (100,000 rows take most of a minute here); before each run the three due invites are put back as
  // they were and the outbox is emptied, so every run finds the same work.
  const db = await fresh('bench-loop', []);
  for (let i = 0; i < invites.length; i += 10_000) await db.invites.bulkAdd(invites.slice(i, i + 10_000));
  const due = invites.slice(0, 3);
  for (let r = 0; r < rounds; r++) {
    await db.invites.bulkPut(due);
    await db.outbox.clear();
    const t = performance.now();
    await runLoop(db, {
      settings: async () => APP_SETTINGS,
      ctx: () => ({ now, newId: () => crypto.randomUUID() }),
      notifier: { show: async () => undefined, held: async () => new Set<string>() },
      setBadge: async () => undefined,
    });
    times.push(performance.now() - t);
  }
  db.close();
  await Dexie.delete('bench-loop');
  return median(times);
}

/** A feed page of N "registered" updates, each matched to its own invite by nickname, read and applied. */
async function feedIngest(n: number, rounds: number) {
  const now = T0 + 60 * 24 * HOUR;
  // Feeds find invites through the user's links: one AliExpress link holds them all.
  const invites = makeInvites(n).map((inv, i) => ({
    ...inv,
    programId: 'aliexpress',
    linkId: 'link-0',
    nickname: `friend ${i}`,
  }));
  const page = {
    cursor: 'next',
    events: invites.map((inv, i) => ({
      id: `ev-${i}`,
      program: 'aliexpress',
      invite: { nickname: inv.nickname },
      type: 'registered',
      at: new Date(inv.sharedAt + HOUR).toISOString(),
    })),
  };
  const body = JSON.stringify(page);
  const fetchImpl = (async () =>
    new Response(body, { headers: { 'content-type': 'application/json' } })) as typeof fetch;
  const times: number[] = [];
  let applied = 0;
  for (let r = 0; r < rounds; r++) {
    const db = await fresh('bench-feed', invites);
    const feed: FeedRecord = {
      id: 'feed-1',
      url: 'https://feed.example/f.json',
      addedAt: T0,
      failures: 0,
      nextAttemptAt: T0,
    };
    await db.feeds.add(feed);
    await db.links.add({
      id: 'link-0',
      programId: 'aliexpress',
      url: 'https://a.aliexpress.com/_mKXyZab',
      label: 'Main',
      primary: 1,
      createdAt: T0,
      updatedAt: T0,
    });
    const t = performance.now();
    const result = await pullFeed(db, feed, fetchImpl, DEFAULT_SETTINGS, { now, newId: () => crypto.randomUUID() });
    times.push(performance.now() - t);
    applied = result.applied;
    db.close();
  }
  await Dexie.delete('bench-feed');
  return { events: n, applied, ms: median(times) };
}

/**
 * QR generation with the options the extension uses: the popup's on-screen SVG (what every popup open pays) and the
 * print PNG a user downloads (canvas, at least 1024 px and 8 px a module), each at the size and level chosen for the
 * text. The first call pays for warm-up; the median is what follows.
 */
async function qrGeneration(rounds: number) {
  const text = 'https://s.click.aliexpress.com/e/_oBnKq7X?bz=120*90&share=IN7XK2P9';
  const time = async (make: () => Promise<string>) => {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      size = (await make()).length;
      times.push(performance.now() - t);
    }
    return { first: times[0] ?? 0, median: median(times.slice(1)), size };
  };
  // Timed as the app makes them: choosing the size and level (which encodes the text once more) included.
  const screen = screenQrSize(text);
  const print = printQrSize(text);
  return {
    screenSvg: await time(() => {
      const size = screenQrSize(text);
      if (!size) throw new Error('no on-screen QR size');
      return QRCode.toString(text, { ...screenQrOptions(size), type: 'svg' });
    }),
    printPng: await time(() => QRCode.toDataURL(text, { ...printQrOptions(printQrSize(text)), type: 'image/png' })),
    screen: { px: screen?.sizePx ?? 0, level: screen?.errorCorrectionLevel ?? '' },
    print: { px: print.sizePx, level: print.errorCorrectionLevel },
  };
}

/** How big each part is (tests/tools/bench.mjs: full, or smaller with --quick). */
interface Sizes {
  ingest: number;
  ingestRounds: number;
  large: number;
  queryRounds: number;
  loopRounds: number;
  feed: number;
  feedRounds: number;
}

declare global {
  interface Window {
    runStoreBench(sizes: Sizes): Promise<unknown>;
  }
}

/** Each step says when it starts (bench.mjs prints the page's console), so a long run shows where it is. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  console.log(`step: ${what}`);
  return run();
}

window.runStoreBench = async (s: Sizes) => ({
  ingest: await step(`ingest ${s.ingest} events vs bulkPut, ${s.ingestRounds} rounds`, () =>
    ingestVsBulkPut(s.ingest, s.ingestRounds),
  ),
  query: await step(`indexed query on ${s.large} invites`, () => indexedQuery(s.large, s.queryRounds)),
  loop: {
    small: await step('loop run with 100 invites', () => loopRunCost(100, s.loopRounds)),
    large: await step(`loop run with ${s.large} invites`, () => loopRunCost(s.large, s.loopRounds)),
  },
  feed: await step(`feed page of ${s.feed} updates`, () => feedIngest(s.feed, s.feedRounds)),
  qr: await step('QR codes', () => qrGeneration(31)),
});
