import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackupFile } from '@/lib/backup/format';
import type { RefShareDB } from '@/lib/db/schema';
import { type DispatchDeps, dispatch, type Sender } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { DEFAULT_APP_SETTINGS, loadSettings, saveSettings } from '@/lib/settings';
import { exportText, seededDb } from '../backup/fixture';
import { freshDb, settings, testCtx } from '../db/testDb';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
const dashboard: Sender = { id: ID, url: `${ORIGIN}options.html` };
const contentScript: Sender = { id: ID, url: 'https://www.aliexpress.com/item/1.html' };

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

const msg = (command: string, data: unknown) => ({ channel: CHANNEL, command, data });
const count = async (db: RefShareDB) =>
  (
    await Promise.all([db.links, db.programs, db.invites, db.events, db.coupons, db.outbox].map((t) => t.count()))
  ).reduce((a, b) => a + b);

let backup: BackupFile;
beforeEach(async () => {
  fakeBrowser.reset();
  backup = JSON.parse(await exportText(await seededDb())) as BackupFile;
});

describe('importBackup command', () => {
  it('imports a valid backup from the extension’s own page', async () => {
    const db = freshDb();
    const reply = await dispatch(msg('importBackup', { backup }), dashboard, deps(db));
    expect(reply).toMatchObject({ ok: true, value: { added: { links: 4, invites: 3, coupons: 2 } } });
    expect(await exportText(db)).toBe(JSON.stringify(backup));
  });

  it.each<[string, Sender, (b: BackupFile) => unknown, string]>([
    ['a content script', contentScript, (b) => msg('importBackup', { backup: b }), 'forbidden'],
    [
      'another extension',
      { id: 'evil', url: 'chrome-extension://evil/x.html' },
      (b) => msg('importBackup', { backup: b }),
      'forbidden',
    ],
    ['no payload', dashboard, () => msg('importBackup', undefined), 'bad_request'],
    ['the backup not wrapped', dashboard, (b) => msg('importBackup', b), 'bad_request'],
    [
      'the backup as a JSON string',
      dashboard,
      (b) => msg('importBackup', { backup: JSON.stringify(b) }),
      'bad_request',
    ],
    ['the backup as an array', dashboard, (b) => msg('importBackup', { backup: [b] }), 'bad_request'],
    ['an extra field', dashboard, (b) => msg('importBackup', { backup: b, mode: 'replace' }), 'bad_request'],
    [
      'a foreign file',
      dashboard,
      () => msg('importBackup', { backup: { format: 'other', version: 1 } }),
      'invalid_input',
    ],
    [
      'a forged row (the page skipped validation)',
      dashboard,
      (b) => {
        (b.data.invites[0] as unknown as Record<string, unknown>).status = 'paid';
        return msg('importBackup', { backup: b });
      },
      'invalid_input',
    ],
    [
      'a __proto__ key',
      dashboard,
      (b) =>
        msg('importBackup', { backup: JSON.parse(JSON.stringify(b).replace('{"format"', '{"__proto__":{},"format"')) }),
      'invalid_input',
    ],
  ])('refuses %s and changes nothing', async (_name, sender, message, code) => {
    const db = freshDb();
    const reply = await dispatch(message(backup), sender, deps(db));
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await count(db)).toBe(0);
  });

  it('names the problem in its refusal', async () => {
    const reply = await dispatch(
      msg('importBackup', { backup: { ...backup, version: 9 } }),
      dashboard,
      deps(freshDb()),
    );
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/version 9/) } });
  });
});

describe('deleteAllData command', () => {
  it('deletes everything and resets the settings, and the launcher’s corner on each site', async () => {
    const db = await seededDb();
    await saveSettings({ followUpDays: 10, mutedSites: ['shop.example.com'], lastProgramId: 'temu' });
    await fakeBrowser.storage.local.set({
      launcherPlaces: { 'www.temu.com': { corner: 'top-left', collapsed: true } },
    });
    const reply = await dispatch(msg('deleteAllData', { confirm: 'DELETE' }), dashboard, deps(db));
    expect(reply).toMatchObject({ ok: true, value: { links: 4, invites: 3, coupons: 2 } });
    expect(await count(db)).toBe(0);
    expect(await loadSettings()).toEqual(DEFAULT_APP_SETTINGS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it("turns browser sync off before emptying the tables, and leaves the other browsers' copies in storage.sync", async () => {
    const db = await seededDb();
    await fakeBrowser.storage.local.set({ browserSyncOn: true, browserSync: { device: 'dev1', shadow: {} } });
    await fakeBrowser.storage.sync.set({ 'l:x': { f: { label: ['Main', '00000000a0000dev1'] } } });
    let switchWhenEmptied: unknown = 'not read';
    const clear = db.links.clear.bind(db.links);
    db.links.clear = (async () => {
      switchWhenEmptied = (await fakeBrowser.storage.local.get('browserSyncOn')).browserSyncOn;
      return clear();
    }) as typeof db.links.clear;
    const reply = await dispatch(msg('deleteAllData', { confirm: 'DELETE' }), dashboard, deps(db));
    expect(reply.ok).toBe(true);
    expect(switchWhenEmptied).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['l:x']);
  });

  it.each<[string, Sender, unknown, string]>([
    ['a content script', contentScript, msg('deleteAllData', { confirm: 'DELETE' }), 'forbidden'],
    ['no confirmation', dashboard, msg('deleteAllData', {}), 'bad_request'],
    ['a wrong confirmation', dashboard, msg('deleteAllData', { confirm: 'yes' }), 'bad_request'],
    ['a lower-case confirmation', dashboard, msg('deleteAllData', { confirm: 'delete' }), 'bad_request'],
    ['confirm: true', dashboard, msg('deleteAllData', { confirm: true }), 'bad_request'],
    ['an extra field', dashboard, msg('deleteAllData', { confirm: 'DELETE', tables: ['links'] }), 'bad_request'],
    ['a null payload', dashboard, msg('deleteAllData', null), 'bad_request'],
  ])('refuses %s and deletes nothing', async (_name, sender, message, code) => {
    const db = await seededDb();
    const before = await count(db);
    await saveSettings({ followUpDays: 10 });
    const reply = await dispatch(message, sender, deps(db));
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await count(db)).toBe(before);
    expect((await loadSettings()).followUpDays).toBe(10);
  });
});
