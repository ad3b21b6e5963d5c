// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { DBCore } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteMatcher } from '@/components/dashboard/invites/inviteLabels';
import {
  countInvites,
  type InviteFilter,
  loadInviteRows,
  PAGE_SIZE,
  searchInvites,
} from '@/components/dashboard/invites/inviteQuery';
import { RefShareDB } from '@/lib/db/schema';
import { MINUTE } from '@/lib/referral/time';
import type { Invite } from '@/lib/referral/types';
import { invite, T0 } from './fixtures';

interface Read {
  op: string;
  index: string;
  limit?: number;
}

/** Records every read of the invites table (which index, how many rows asked for). */
function spyingDb(name: string): { db: RefShareDB; reads: Read[] } {
  const reads: Read[] = [];
  const db = new RefShareDB(name);
  db.use({
    stack: 'dbcore',
    name: 'read-spy',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        if (tableName !== 'invites') return table;
        const index = (req: { query: { index: { name: string | null; isPrimaryKey?: boolean } } }) =>
          req.query.index.isPrimaryKey ? ':id' : (req.query.index.name ?? ':id');
        return {
          ...table,
          query: (req) => {
            reads.push({ op: 'query', index: index(req), limit: req.limit });
            return table.query(req);
          },
          openCursor: (req) => {
            reads.push({ op: 'openCursor', index: index(req) });
            return table.openCursor(req);
          },
          count: (req) => {
            reads.push({ op: 'count', index: index(req) });
            return table.count(req);
          },
          getMany: (req) => {
            reads.push({ op: 'getMany', index: ':id' });
            return table.getMany(req);
          },
          get: (req) => {
            reads.push({ op: 'get', index: ':id' });
            return table.get(req);
          },
        };
      },
    }),
  });
  return { db, reads };
}

const PROGRAMS = ['aliexpress', 'temu'] as const;
const STATUSES = ['shared', 'registered', 'first_purchase', 'coupon_received'] as const;

/** 2,000 invites, one a minute, inserted in a shuffled order so insertion order cannot fake "newest first". */
const INVITES: Invite[] = Array.from({ length: 2000 }, (_, i) =>
  invite({
    id: `inv-${String((i * 7919) % 2000).padStart(4, '0')}`,
    sharedAt: T0 + i * MINUTE,
    programId: PROGRAMS[i % 2],
    status: STATUSES[i % 4],
    nickname: i % 100 === 0 ? `Ana ${i}` : `Friend ${i}`,
    channel: i % 3 === 0 ? 'email' : 'whatsapp',
  }),
);
const newestFirst = [...INVITES].sort((a, b) => b.sharedAt - a.sharedAt);

const { db, reads } = spyingDb('invite-query-test');

function matcher(text: string) {
  const match = inviteMatcher(text);
  if (!match) throw new Error('empty search');
  return match;
}

beforeAll(async () => {
  await db.invites.bulkAdd([...INVITES].sort((a, b) => (a.id < b.id ? -1 : 1)));
});
afterAll(async () => {
  db.close();
  await db.delete();
});

describe('invite pages', () => {
  it('a page is the right slice, newest first, read through the sharedAt index', async () => {
    reads.length = 0;
    const rows = await loadInviteRows(db, {}, 3);
    expect(rows.map((r) => r.sharedAt)).toEqual(newestFirst.slice(150, 200).map((r) => r.sharedAt));
    expect(reads).toEqual([{ op: 'openCursor', index: 'sharedAt' }]);
  });

  it('the unfiltered total is the store’s own count (no rows read)', async () => {
    reads.length = 0;
    expect(await countInvites(db, {})).toBe(2000);
    expect(reads).toEqual([{ op: 'count', index: ':id' }]);
  });

  it.each([
    [{ programId: 'temu' }, '[programId+sharedAt]'],
    [{ status: 'registered' as const }, '[status+sharedAt]'],
    [{ programId: 'aliexpress', status: 'first_purchase' as const }, '[programId+status+sharedAt]'],
  ])('filter %o reads index %s only', async (filter: InviteFilter, index) => {
    reads.length = 0;
    const [rows, total] = await Promise.all([loadInviteRows(db, filter, 1), countInvites(db, filter)]);
    const expected = newestFirst.filter(
      (r) =>
        (!('programId' in filter) || r.programId === filter.programId) &&
        (!('status' in filter) || r.status === filter.status),
    );
    expect(total).toBe(expected.length);
    expect(rows.map((r) => r.id)).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((r) => r.id));
    expect(new Set(reads.map((r) => r.index))).toEqual(new Set([index]));
    expect(reads.map((r) => r.op).sort()).toEqual(['count', 'openCursor']);
    // No read of the whole table: neither a primary-key scan nor a getAll without a range.
    expect(reads.some((r) => r.index === ':id')).toBe(false);
  });

  it('the first page asks IndexedDB for 50 rows, not more', async () => {
    reads.length = 0;
    const rows = await loadInviteRows(db, { programId: 'temu' }, 0);
    expect(rows).toHaveLength(PAGE_SIZE);
    const rowRead = reads.find((r) => r.op === 'query');
    expect(rowRead?.limit).toBe(PAGE_SIZE);
  });

  it('a search scans newest first, counts matches, pages them, and stops at the scan limit', async () => {
    const all = await searchInvites(db, {}, 0, matcher('ANA'));
    const anas = newestFirst.filter((r) => r.nickname?.startsWith('Ana'));
    expect(all.total).toBe(20);
    expect(all.truncated).toBe(false);
    expect(all.rows.map((r) => r.nickname)).toEqual(anas.map((r) => r.nickname));

    const limited = await searchInvites(db, {}, 0, matcher('ana'), 500);
    expect(limited.truncated).toBe(true);
    // Only the newest 500 were looked at: they hold Ana 1900 … Ana 1500.
    expect(limited.rows.map((r) => r.nickname)).toEqual(['Ana 1900', 'Ana 1800', 'Ana 1700', 'Ana 1600', 'Ana 1500']);
  });

  it('a search matches channels by name too, and stays within the filter’s index', async () => {
    reads.length = 0;
    const page = await searchInvites(db, { programId: 'temu' }, 1, matcher('Email'));
    const expected = newestFirst.filter((r) => r.programId === 'temu' && r.channel === 'email');
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id)).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((r) => r.id));
    expect(new Set(reads.map((r) => r.index))).toEqual(new Set(['[programId+sharedAt]']));
  });
});
