import 'fake-indexeddb/auto';
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildBackup } from '@/lib/backup/format';
import { parseBackupText } from '@/lib/backup/validate';
import { readBackupData } from '@/lib/db/backup';
import type { RefShareDB } from '@/lib/db/schema';
import { type DispatchDeps, dispatch, type Sender } from '@/lib/messaging/dispatch';
import type { Reply } from '@/lib/messaging/protocol';
import { DEFAULT_APP_SETTINGS } from '@/lib/settings';
import { seededDb } from '../backup/fixture';
import { settings, testCtx } from '../db/testDb';

export const ID = fakeBrowser.runtime.id;
export const ORIGIN = `chrome-extension://${ID}/`;
/** RefShare's own dashboard. */
export const DASHBOARD: Sender = { id: ID, url: `${ORIGIN}options.html` };
/** RefShare's content script on an AliExpress page (page protocol only). */
export const CONTENT_SCRIPT: Sender = {
  id: ID,
  url: 'https://www.aliexpress.com/item/1.html',
  tab: { url: 'https://www.aliexpress.com/item/1.html' },
};

/** A database already holding a user's data (links of three programs, invites at several statuses, coupons). */
export interface World {
  db: RefShareDB;
  deps: DispatchDeps;
  send(message: unknown, sender?: Sender): Promise<Reply<unknown>>;
  /**
   * Puts every table back as it was when the world was made. Called before each generated case, so that each case
   * starts from the same data and a failing case shrinks to its own cause, not to whatever an earlier case stored.
   */
  reset(): Promise<void>;
}

export async function world(): Promise<World> {
  const db = await seededDb();
  const ctx = testCtx(Date.UTC(2026, 10, 25, 12));
  let clock = ctx.now;
  const deps: DispatchDeps = {
    db,
    settings: async () => settings,
    extensionId: ID,
    extensionOrigin: ORIGIN,
    now: () => (clock += 1000),
    sync: async () => ({
      rules: { invites: 0, events: 0, notifications: 0, batches: 0 },
      outbox: { shown: 0, deferred: 0, dropped: 0, failed: 0, adopted: 0 },
      errors: [],
    }),
    // Ids of their own: the seeded rows took id-1, id-2…
    newId: () => `hostile-${ctx.newId()}`,
  };
  const base = await snapshot(db);
  return {
    db,
    deps,
    send: (message, sender = DASHBOARD) => dispatch(message, sender, deps),
    reset: () =>
      db.transaction('rw', db.tables, async () => {
        for (const table of db.tables) {
          await table.clear();
          await table.bulkPut([...(base[table.name]?.values() ?? [])]);
        }
      }),
  };
}

/** Every row of every table, keyed, to tell what a command changed. */
export type Snapshot = Record<string, Map<string, unknown>>;

export async function snapshot(db: RefShareDB): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of db.tables) {
    const key = table.schema.primKey.keyPath as string;
    out[table.name] = new Map((await table.toArray()).map((row) => [String(row[key]), row]));
  }
  return out;
}

/** Nothing in the database changed. */
export function expectUnchanged(before: Snapshot, after: Snapshot): void {
  for (const [table, rows] of Object.entries(before)) {
    expect([...(after[table]?.entries() ?? [])], `${table} changed`).toEqual([...rows.entries()]);
  }
}

/** Every row that was there is still there, as it was (new rows may have been added). */
export function expectKept(before: Snapshot, after: Snapshot): void {
  for (const [table, rows] of Object.entries(before)) {
    for (const [key, row] of rows) expect(after[table]?.get(key), `${table} ${key}`).toEqual(row);
  }
}

/** A reply is one of the two shapes, and a refusal says why in words. */
export function expectReply(reply: Reply<unknown>): void {
  expect(typeof reply).toBe('object');
  if (reply.ok) return;
  expect(typeof reply.error.code).toBe('string');
  expect(reply.error.code.length).toBeGreaterThan(0);
  expect(typeof reply.error.message).toBe('string');
  expect(reply.error.message.trim().length, `a refusal (${reply.error.code}) without a reason`).toBeGreaterThan(5);
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Nothing was added to Object.prototype, and no stored row carries a prototype-polluting key at any depth. */
export async function expectNoPollution(db: RefShareDB): Promise<void> {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  for (const table of db.tables) {
    for (const row of await table.toArray()) expect(pollutedPaths(row), `${table.name} row`).toEqual([]);
  }
}

function pollutedPaths(value: unknown, path = '', depth = 0): string[] {
  if (depth > 20 || typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) found.push(`${path} (odd prototype)`);
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') found.push(`${path}.${key}`);
    found.push(...pollutedPaths((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1));
  }
  return found;
}

/** A URL a browser would run as script, or load as a document, if it were followed. */
export function isScriptUrl(url: string): boolean {
  const squeezed = [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');
  return /^(javascript|vbscript|data|file|blob):/i.test(squeezed);
}

/** Whatever RefShare stored, its own backup can restore: the export passes the import's checks. */
export async function expectRestorable(db: RefShareDB): Promise<void> {
  const text = JSON.stringify(buildBackup(await readBackupData(db), DEFAULT_APP_SETTINGS, Date.UTC(2026, 10, 25)));
  const checked = parseBackupText(text);
  expect(checked.ok ? 'restorable' : checked.message).toBe('restorable');
}
