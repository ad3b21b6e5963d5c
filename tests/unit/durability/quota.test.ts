import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackupFile } from '@/lib/backup/format';
import { isQuotaError } from '@/lib/db/quota';
import type { RefShareDB } from '@/lib/db/schema';
import { type DispatchDeps, dispatch, type Sender } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { exportText, seededDb } from '../backup/fixture';
import { ALI_SHORT, freshDb, settings, TEMU, testCtx } from '../db/testDb';
import { withQuota } from './fullDisk';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
const dashboard: Sender = { id: ID, url: `${ORIGIN}options.html` };
const msg = (command: string, data: unknown) => ({ channel: CHANNEL, command, data });

function deps(db: RefShareDB): DispatchDeps {
  const ctx = testCtx();
  return {
    db,
    settings: async () => settings,
    extensionId: ID,
    extensionOrigin: ORIGIN,
    now: () => ctx.now,
    newId: ctx.newId,
  };
}

/** Every row of every table, to compare before and after. */
const snapshot = async (db: RefShareDB) =>
  Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));

beforeEach(() => {
  fakeBrowser.reset();
  // The background logs each failed command; here they fail on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('a full disk while writing', () => {
  it('a refused save is reported as storage_full with a plain message, nothing is stored, the next save works', async () => {
    const db = freshDb();
    const disk = withQuota(db);
    const d = deps(db);
    expect(await dispatch(msg('saveLink', { input: TEMU }), dashboard, d)).toMatchObject({ ok: true });
    const before = await snapshot(db);

    disk.fill();
    const reply = await dispatch(msg('saveLink', { input: ALI_SHORT, label: 'Main' }), dashboard, d);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'storage_full', message: expect.stringMatching(/no more room.*nothing was changed/) },
    });
    expect(await snapshot(db)).toEqual(before);

    disk.free();
    expect(await dispatch(msg('saveLink', { input: ALI_SHORT, label: 'Main' }), dashboard, d)).toMatchObject({
      ok: true,
      value: { label: 'Main' },
    });
    expect(await db.links.count()).toBe(2);
    expect((await db.links.toArray()).map((l) => l.label)).toContain('Main');
  });

  it('an import cut off half way by the quota is rolled back whole, and the same import then goes through', async () => {
    const source = JSON.parse(await exportText(await seededDb())) as BackupFile;
    const db = freshDb();
    const disk = withQuota(db);
    const d = deps(db);
    await dispatch(msg('saveLink', { input: TEMU, label: 'Mine already' }), dashboard, d);
    const before = await snapshot(db);

    // Several tables are written in the import's one transaction: the third write fails.
    disk.fill(2);
    const reply = await dispatch(msg('importBackup', { backup: source }), dashboard, d);
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(await snapshot(db)).toEqual(before);

    disk.free();
    expect(await dispatch(msg('importBackup', { backup: source }), dashboard, d)).toMatchObject({ ok: true });
    expect((await db.invites.count()) > 0 && (await db.coupons.count()) > 0).toBe(true);
  });

  it('a status change cut off at its last write takes back the invite, its event and its notification', async () => {
    const db = freshDb();
    const disk = withQuota(db);
    const d = deps(db);
    const link = await dispatch(msg('saveLink', { input: ALI_SHORT }), dashboard, d);
    if (!link.ok) throw new Error('setup');
    const linkId = (link.value as { id: string }).id;
    const share = async (nickname: string) => {
      const r = await dispatch(msg('recordShare', { linkId, channel: 'sms', nickname }), dashboard, d);
      if (!r.ok) throw new Error('setup');
      return (r.value as { id: string }).id;
    };
    const [ana, bruno] = [await share('Ana'), await share('Bruno')];
    disk.count();
    await dispatch(msg('setInviteStatus', { inviteId: ana, status: 'first_purchase' }), dashboard, d);
    const writes = disk.count();
    expect(writes).toBeGreaterThan(1);
    const before = await snapshot(db);
    disk.fill(writes - 1);
    const reply = await dispatch(msg('setInviteStatus', { inviteId: bruno, status: 'first_purchase' }), dashboard, d);
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(await snapshot(db)).toEqual(before);
    disk.free();
    expect(
      await dispatch(msg('setInviteStatus', { inviteId: bruno, status: 'first_purchase' }), dashboard, d),
    ).toMatchObject({ ok: true });
  });
});

describe('isQuotaError', () => {
  it('recognises the quota error however it is wrapped', () => {
    const raw = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(raw)).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full', raw))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', raw))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('bulk'), { name: 'BulkError', failures: [new Error('x'), raw] }))).toBe(
      true,
    );
    expect(isQuotaError(new Error('wrapped', { cause: raw }))).toBe(true);
  });

  it('does not mistake other failures for it', () => {
    expect(isQuotaError(new Dexie.ConstraintError('duplicate key'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaError(new TypeError('x is undefined'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    const loop: { inner?: unknown } = {};
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});
