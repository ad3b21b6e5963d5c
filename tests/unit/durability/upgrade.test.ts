import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RefShareDB, SCHEMA_VERSIONS } from '@/lib/db/schema';
import { fillAtVersion, upgradeAndRead } from '../db/migrationHarness';
import { bigDb, COUPONS, INVITES } from './bigDb';

type Rows = Record<string, unknown[]>;

/**
 * What upgrading from a version must do to the rows of that version. Versions whose later upgrades change no data
 * keep every row as it was; a future upgrade function must say here what it does to rows, or this test fails.
 */
/** Version 3 (finishEarlierNotifications): a notification an earlier version called shown is finished. */
const finishShown = (rows: Rows): Rows => ({
  ...rows,
  outbox: (rows.outbox ?? []).map((o) => ((o as { shown: number }).shown === 1 ? { ...(o as object), shown: 2 } : o)),
});
const EXPECTED_AFTER_UPGRADE: Record<number, (rows: Rows) => Rows> = { 1: finishShown, 2: finishShown };

const current = SCHEMA_VERSIONS.at(-1)?.version ?? 0;
const earlier = SCHEMA_VERSIONS.filter((v) => v.version < current);

let filled: Rows | undefined;
/** Every table of a big, real-shaped database (10,000 invites, 10,000 coupons, their events, links, programs). */
async function allRows(): Promise<Rows> {
  if (filled) return filled;
  const db = await bigDb();
  const rows: Rows = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()])));
  rows.outbox = [
    {
      key: 'coupon_arrived:c1',
      notification: 'coupon_arrived',
      title: 'Coupon',
      message: 'x',
      createdAt: 1,
      shown: 0,
    },
    {
      key: 'follow_up:i1',
      notification: 'follow_up',
      title: 'Ask',
      message: 'y',
      createdAt: 2,
      shown: 1,
      shownAt: 3,
    },
  ];
  rows.feeds = [{ id: 'f1', url: 'https://feed.example.com/x.json', addedAt: 1, failures: 0, nextAttemptAt: 2 }];
  db.close();
  filled = rows;
  return filled;
}

describe('upgrading a database filled at every earlier schema version', () => {
  it('covers every earlier version (there is at least one)', () => {
    expect(earlier.length).toBeGreaterThan(0);
  });

  it.each(earlier.map((v) => [v.version]))(
    'from version %i keeps every row',
    async (version) => {
      const laterUpgrades = SCHEMA_VERSIONS.filter((v) => v.version > version && v.upgrade);
      const transform = EXPECTED_AFTER_UPGRADE[version];
      if (laterUpgrades.length > 0 && !transform) {
        throw new Error(
          `Versions ${laterUpgrades.map((v) => v.version).join(', ')} change data: say in EXPECTED_AFTER_UPGRADE what happens to version ${version}'s rows.`,
        );
      }
      const atVersion = SCHEMA_VERSIONS.find((v) => v.version === version)?.stores ?? {};
      const all = await allRows();
      // Only the tables that version had, each filled.
      const rows = Object.fromEntries(Object.keys(atVersion).map((table) => [table, all[table] ?? []]));
      for (const [table, list] of Object.entries(rows)) expect(list.length, `${table} has rows`).toBeGreaterThan(0);

      const name = `upgrade-from-${version}-${Math.random().toString(36).slice(2)}`;
      await fillAtVersion(name, version, rows);
      const upgraded = await upgradeAndRead(() => new RefShareDB(name));

      expect(upgraded.version).toBe(current);
      const expected = (transform ?? ((r: Rows) => r))(rows);
      for (const [table, list] of Object.entries(expected)) {
        expect(upgraded.rows[table]?.length, `${table} row count`).toBe(list.length);
        expect(upgraded.rows[table], `${table} rows`).toEqual(list);
      }
      // Tables added since start empty.
      for (const table of Object.keys(upgraded.rows).filter((t) => !(t in expected))) {
        expect(upgraded.rows[table], `new table ${table}`).toEqual([]);
      }

      // The indexes work on the upgraded data: the dashboard's filters and the background loop's due scan.
      const db = new RefShareDB(name);
      const invites = (expected.invites ?? []) as { programId: string; status: string; dueAt?: number }[];
      expect(invites.length).toBe(INVITES);
      const ali = invites.filter((i) => i.programId === 'aliexpress' && i.status === 'shared').length;
      expect(
        await db.invites
          .where('[programId+status+sharedAt]')
          .between(['aliexpress', 'shared', -Infinity], ['aliexpress', 'shared', Infinity])
          .count(),
      ).toBe(ali);
      expect(await db.invites.where('dueAt').below(Infinity).count()).toBe(
        invites.filter((i) => i.dueAt !== undefined).length,
      );
      expect(await db.coupons.orderBy('dedupeKey').count()).toBe(COUPONS);
      db.close();
    },
    120_000,
  );
});
