/**
 * Store benchmark, run inside a real Chromium page (IndexedDB as users have it) by tests/tools/bench.mjs.
 * Figures are ratios measured in the same run, never pass/fail.
 */
import { Dexie } from 'dexie';
import { ingestEvents } from '@/lib/db/events';
import { RefShareDB, type StoredEvent } from '@/lib/db/schema';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { HOUR, MINUTE } from '@/lib/referral/time';
import type { Channel, Invite, InviteStatus, StatusEvent } from '@/lib/referral/types';

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

declare global {
  interface Window {
    runStoreBench(): Promise<unknown>;
  }
}

window.runStoreBench = async () => ({
  ingest: await ingestVsBulkPut(10_000, 5),
  query: await indexedQuery(100_000, 15),
});
