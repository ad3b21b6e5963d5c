import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { RefShareDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_VERSIONS } from '@/lib/db/schema';
import { fillAtVersion, upgradeAndRead } from './migrationHarness';

const v1Rows = {
  links: [
    {
      id: 'l1',
      programId: 'aliexpress',
      url: 'https://a.aliexpress.com/_mKXyZab',
      label: 'Main',
      primary: 1,
      createdAt: 1,
      updatedAt: 1,
    },
  ],
  invites: [
    {
      id: 'i1',
      programId: 'aliexpress',
      linkId: 'l1',
      channel: 'sms',
      sharedAt: 1,
      status: 'shared',
      milestones: {},
      evidence: [],
      rejected: [],
      dueAt: 5,
      updatedAt: 1,
    },
  ],
  coupons: [
    {
      id: 'c1',
      programId: 'aliexpress',
      title: 'US $3 off',
      value: 3,
      currency: 'USD',
      state: 'available',
      addedAt: 1,
      dedupeKey: 'k1',
    },
  ],
};

describe('schema versions', () => {
  it('are ascending, and the newest declares every table with a primary key', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(Object.keys(SCHEMA_V1).sort()).toEqual(['coupons', 'events', 'invites', 'links', 'outbox', 'programs']);
    expect(Object.keys(SCHEMA_V2).sort()).toEqual([
      'coupons',
      'events',
      'feeds',
      'invites',
      'links',
      'outbox',
      'programs',
    ]);
    expect(Object.keys(SCHEMA_VERSIONS.at(-1)?.stores ?? {}).sort()).toEqual(Object.keys(SCHEMA_V2).sort());
  });

  it('version 2 lists every table of version 1 unchanged and adds feeds', () => {
    const { feeds, ...rest } = SCHEMA_V2;
    expect(rest).toEqual(SCHEMA_V1);
    expect(feeds).toBe('id, &url');
    expect(SCHEMA_VERSIONS.find((v) => v.version === 2)?.upgrade).toBeUndefined();
  });

  it('a database filled at version 1 keeps every row, with no feeds yet', async () => {
    const name = `mig-v2-${Math.random()}`;
    const rows = {
      ...v1Rows,
      programs: [
        {
          id: 'custom:shop',
          name: 'Shop',
          shoppingHosts: ['shop.example.com'],
          linkPattern: 'https://shop.example.com/i/{code}',
          rewardDelayHours: 24,
          createdAt: 1,
        },
      ],
      events: [
        {
          key: 'manual:i1:registered',
          inviteId: 'i1',
          status: 'registered',
          at: 2,
          source: 'manual',
          receivedAt: 2,
          outcome: 'applied',
        },
      ],
      outbox: [{ key: 'follow_up:i1', notification: 'follow_up', title: 't', message: 'm', createdAt: 3, shown: 0 }],
    };
    await fillAtVersion(name, 1, rows);
    const { version, rows: after } = await upgradeAndRead(() => new RefShareDB(name));
    expect(version).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(after).toEqual({ ...rows, feeds: [] });
    // The new table and its unique index work on the upgraded database.
    const db = new RefShareDB(name);
    await db.feeds.add({ id: 'f1', url: 'https://f.example.com/', addedAt: 4, failures: 0, nextAttemptAt: 4 });
    await expect(
      db.feeds.add({ id: 'f2', url: 'https://f.example.com/', addedAt: 5, failures: 0, nextAttemptAt: 5 }),
    ).rejects.toThrow();
    expect(await db.feeds.where('url').equals('https://f.example.com/').count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });

  it('version 3 changes no table and finishes what earlier versions called shown, leaving waiting ones', async () => {
    expect(SCHEMA_V3).toEqual(SCHEMA_V2);
    const name = `mig-v3-${Math.random()}`;
    const entry = { notification: 'coupon_arrived', title: 't', message: 'm' };
    const outbox = [
      { ...entry, key: 'coupon_arrived:a', createdAt: 1, shown: 0 },
      { ...entry, key: 'coupon_arrived:b', createdAt: 2, shown: 1, shownAt: 3 },
      { ...entry, key: 'follow_up:c', createdAt: 4, shown: 0, notBefore: 9 },
    ];
    await fillAtVersion(name, 2, { ...v1Rows, outbox });
    const { version, rows } = await upgradeAndRead(() => new RefShareDB(name));
    expect(version).toBe(3);
    expect(rows.outbox).toEqual([outbox[0], { ...outbox[1], shown: 2 }, outbox[2]]);
    expect(rows.invites).toEqual(v1Rows.invites);
    await Dexie.delete(name);
  });

  it('a database filled at version 1 opens with the current schema with every row intact', async () => {
    const name = `mig-${Math.random()}`;
    await fillAtVersion(name, 1, v1Rows);
    const { version, rows } = await upgradeAndRead(() => new RefShareDB(name));
    expect(version).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(rows.links).toEqual(v1Rows.links);
    expect(rows.invites).toEqual(v1Rows.invites);
    expect(rows.coupons).toEqual(v1Rows.coupons);
    await Dexie.delete(name);
  });

  it('every declared index is queryable after opening (a typo in an index fails here)', async () => {
    const db = new RefShareDB(`idx-${Math.random()}`);
    await db.open();
    for (const table of db.tables) {
      for (const index of table.schema.indexes) {
        await expect(table.orderBy(index.name).limit(1).toArray()).resolves.toBeDefined();
      }
    }
    db.close();
  });

  it('the harness runs a later upgrade on data filled at the version before it', async () => {
    // A hypothetical version 2 that renames a label, to prove the harness fills at the old version and upgrades.
    const name = `mig2-${Math.random()}`;
    await fillAtVersion(name, 1, v1Rows);
    const next = new Dexie(name);
    next.version(1).stores(SCHEMA_V1);
    next
      .version(2)
      .stores(SCHEMA_V1)
      .upgrade((tx) =>
        tx
          .table('links')
          .toCollection()
          .modify((l: { label: string }) => {
            l.label = l.label.toUpperCase();
          }),
      );
    await next.open();
    expect((await next.table('links').get('l1')).label).toBe('MAIN');
    expect(next.verno).toBe(2);
    next.close();
    await Dexie.delete(name);
  });
});
