import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { itemSize } from '@/lib/browserSync/fit';
import { SYNC_MEMORY, SYNC_SWITCH } from '@/lib/browserSync/keys';
import { runBrowserSync, type SyncStatus } from '@/lib/browserSync/run';
import { deleteLink, saveLink, updateLink } from '@/lib/db/links';
import { saveCustomProgram } from '@/lib/db/programs';
import type { RefShareDB } from '@/lib/db/schema';
import { loadSettings, updateSettings } from '@/lib/settings';
import { ALI_SHORT, freshDb, testCtx } from '../db/testDb';

/**
 * Two browsers with their own database (fake-indexeddb) and their own storage.local, meeting one storage.sync that
 * enforces Chrome's quotas (102,400 bytes, 8,192 per item, 512 items) and can refuse a write as the browser does.
 * The code under test is the worker's own `runBrowserSync`, with the real link and program commands.
 */
interface Device {
  name: string;
  db: RefShareDB;
  local: Record<string, unknown>;
}

let current: Device | undefined;
let refuseNextWrite: string | undefined;
/** When storage.sync took a write (the test's clock). */
const writes: number[] = [];
const ctx = testCtx();

/** Makes `device` the one whose storage.local the code sees (the other's is put away). */
async function use(device: Device) {
  if (current === device) return;
  if (current) current.local = await fakeBrowser.storage.local.get(null);
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.local.set(device.local);
  current = device;
}

async function meet(device: Device, after = 2000) {
  await use(device);
  ctx.advance(after);
  await runBrowserSync(device.db, ctx.now);
}

const status = async (device: Device) => {
  await use(device);
  return ((await fakeBrowser.storage.local.get(SYNC_MEMORY))[SYNC_MEMORY] as { status: SyncStatus }).status;
};

let a: Device;
let b: Device;

beforeEach(async () => {
  fakeBrowser.reset();
  current = undefined;
  refuseNextWrite = undefined;
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if (refuseNextWrite) {
      const message = refuseNextWrite;
      refuseNextWrite = undefined;
      throw new Error(message);
    }
    const after = { ...(await sync.get(null)), ...items };
    const sizes = Object.entries(after).map(([k, v]) => itemSize(k, v));
    if (sizes.some((s) => s > 8192)) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    if (sizes.reduce((x, y) => x + y, 0) > 102_400) throw new Error('QUOTA_BYTES quota exceeded');
    if (sizes.length > 512) throw new Error('MAX_ITEMS quota exceeded');
    writes.push(ctx.now);
    await set(items);
  });
  a = { name: 'laptop', db: freshDb(), local: { [SYNC_SWITCH]: true } };
  b = { name: 'work', db: freshDb(), local: { [SYNC_SWITCH]: true } };
});
afterEach(() => vi.restoreAllMocks());

const labels = async (d: Device) => (await d.db.links.toArray()).map((l) => l.label).sort();

describe('browser sync between two browsers (runBrowserSync, real databases)', () => {
  it('a link, a custom program, templates and settings made on one browser arrive on the other', async () => {
    await use(a);
    const link = await saveLink(a.db, { input: ALI_SHORT, label: 'Main', notes: 'For the family group' }, ctx);
    const program = await saveCustomProgram(
      a.db,
      {
        name: 'Corner Shop',
        shoppingHosts: ['shop.example.com'],
        linkPattern: 'https://shop.example.com/invite/{code}',
        rewardDelayHours: 48,
      },
      ctx,
    );
    if (!link.ok || !program.ok) throw new Error('setup failed');
    const custom = await saveLink(a.db, { input: 'https://shop.example.com/invite/ABC123', label: 'Shop' }, ctx);
    expect(custom.ok).toBe(true);
    await updateSettings(() => ({
      mutedSites: ['www.example.org', 'news.example.net'],
      quietHours: { start: '22:00', end: '07:00' },
      templates: { aliexpress: { en: 'Try {link}' } },
    }));
    await meet(a);
    await meet(b);

    expect(await labels(b)).toEqual(['Main', 'Shop']);
    expect((await b.db.links.get(link.value.id))?.notes).toBe('For the family group');
    expect((await b.db.programs.get(program.value.id))?.name).toBe('Corner Shop');
    await use(b);
    const settings = await loadSettings();
    expect(settings.mutedSites.sort()).toEqual(['news.example.net', 'www.example.org']);
    expect(settings.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(settings.templates.aliexpress?.en).toBe('Try {link}');
    // The program arrived: the dashboard will ask for its site access here.
    const memory = (await fakeBrowser.storage.local.get(SYNC_MEMORY))[SYNC_MEMORY] as { arrived: string[] };
    expect(memory.arrived).toEqual([program.value.id]);
    // Nothing was refused or left waiting.
    expect((await status(b)).items).toEqual([]);
  });

  it('edits made offline on both merge field by field; a delete beats a concurrent edit', async () => {
    await use(a);
    const one = await saveLink(a.db, { input: ALI_SHORT, label: 'Main' }, ctx);
    const two = await saveLink(a.db, { input: 'https://www.temu.com/s/AbC123xyz', label: 'Temu' }, ctx);
    if (!one.ok || !two.ok) throw new Error('setup failed');
    await meet(a);
    await meet(b);

    await use(a);
    await updateLink(a.db, { id: one.value.id, label: 'Renamed on the laptop' }, ctx);
    await deleteLink(a.db, two.value.id, ctx);
    await use(b);
    ctx.advance(60_000);
    await updateLink(b.db, { id: one.value.id, notes: 'Noted at work' }, ctx);
    await updateLink(b.db, { id: two.value.id, label: 'Edited while deleted elsewhere' }, ctx);

    await meet(b);
    await meet(a);
    await meet(b);
    for (const d of [a, b]) {
      const links = await d.db.links.toArray();
      expect(links.map((l) => [l.label, l.notes])).toEqual([['Renamed on the laptop', 'Noted at work']]);
    }
  });

  it('a link whose program has not arrived waits for it, and is applied when it comes', async () => {
    await use(a);
    await saveCustomProgram(
      a.db,
      {
        name: 'Corner Shop',
        shoppingHosts: ['shop.example.com'],
        linkPattern: 'https://shop.example.com/i/{code}',
        rewardDelayHours: 24,
      },
      ctx,
    );
    await saveLink(a.db, { input: 'https://shop.example.com/i/XYZ9', label: 'Shop link' }, ctx);
    await meet(a);
    // The browser delivers the link's item first; the program's item is late.
    const all = await fakeBrowser.storage.sync.get(null);
    const programKey = Object.keys(all).find((k) => k.startsWith('p:')) as string;
    const late = all[programKey];
    await fakeBrowser.storage.sync.remove(programKey);

    await meet(b);
    expect(await labels(b)).toEqual([]);
    expect((await status(b)).items).toEqual([expect.objectContaining({ reason: 'waiting_program' })]);

    await fakeBrowser.storage.sync.set({ [programKey]: late });
    await meet(b);
    expect(await labels(b)).toEqual(['Shop link']);
    expect((await status(b)).items).toEqual([]);
  });

  it('a write the browser refuses loses nothing, says why, and goes through at the next meeting', async () => {
    await use(a);
    await saveLink(a.db, { input: ALI_SHORT, label: 'Main' }, ctx);
    refuseNextWrite = 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded';
    await meet(a);
    expect((await status(a)).error).toBe('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await labels(a)).toEqual(['Main']);

    await meet(a);
    expect((await status(a)).error).toBeUndefined();
    await meet(b);
    expect(await labels(b)).toEqual(['Main']);
  });

  it('garbage and forged items from "another browser" are refused with nothing changed here', async () => {
    await use(a);
    await saveLink(a.db, { input: ALI_SHORT, label: 'Main' }, ctx);
    await meet(a);
    const stamp = `${ctx.now.toString(36).padStart(9, '0')}0000evil`;
    await fakeBrowser.storage.sync.set({
      'l:evil': { f: { programId: ['aliexpress', stamp], url: ['javascript:alert(1)', stamp], label: ['x', stamp] } },
      'l:junk': 'not an object',
      s: { f: { language: ['klingon', stamp] } },
      'p:custom:x': {
        f: { name: ['<img src=x onerror=alert(1)>', stamp], linkPattern: ['http://evil/{code}', stamp] },
      },
      m0: { f: { sites: [['<script>', 'a'.repeat(300)], stamp] } },
    });
    await meet(b);
    expect(await labels(b)).toEqual(['Main']);
    await use(b);
    expect((await loadSettings()).language).toBe('auto');
    expect((await loadSettings()).mutedSites).toEqual([]);
    expect(await b.db.programs.count()).toBe(0);
    const refused = (await status(b)).items.filter((i) => i.reason === 'refused').map((i) => [i.key, i.name]);
    expect(refused.sort()).toEqual([
      ['l:evil', ''],
      ['l:junk', ''],
      ['p:custom:x', ''],
      ['s', ''],
    ]);
    // Joining, this browser's muted sites are combined with the synced ones that are valid: the forged list is
    // replaced by this browser's (empty) one, not copied.
    const m0 = (await fakeBrowser.storage.sync.get('m0')).m0 as { f: { sites: [unknown, string] } };
    expect(m0.f.sites[0]).toEqual([]);
  });

  it("joining: the synced settings replace a new browser's defaults; muted sites are combined; links join", async () => {
    await use(a);
    await saveLink(a.db, { input: ALI_SHORT, label: 'Laptop link' }, ctx);
    await updateSettings(() => ({ mutedSites: ['www.example.org'], followUpDays: 5 }));
    await meet(a);
    b.local = {};
    await use(b);
    await saveLink(b.db, { input: 'https://www.temu.com/s/AbC123xyz', label: 'Work link' }, ctx);
    await updateSettings(() => ({ mutedSites: ['intranet.example.com'] }));
    await fakeBrowser.storage.local.set({ [SYNC_SWITCH]: true });
    await meet(b);
    await meet(a);
    for (const d of [a, b]) {
      expect(await labels(d)).toEqual(['Laptop link', 'Work link']);
      await use(d);
      const settings = await loadSettings();
      expect(settings.followUpDays).toBe(5);
      expect(settings.mutedSites.sort()).toEqual(['intranet.example.com', 'www.example.org']);
    }
  });

  it("a burst of edits stays within the browser's write rate: held, then sent, nothing lost", async () => {
    await use(a);
    const saved = await saveLink(a.db, { input: ALI_SHORT, label: 'Edit 0' }, ctx);
    if (!saved.ok) throw new Error('setup failed');
    writes.length = 0;
    for (let i = 1; i <= 150; i++) {
      await use(a);
      await updateLink(a.db, { id: saved.value.id, label: `Edit ${i}` }, ctx);
      await meet(a, 200);
    }
    // 150 changes in 30 seconds: at most 100 writes in any minute (Chrome refuses past 120).
    expect(writes.length).toBe(100);
    expect((await status(a)).held).toBe(true);
    await meet(b);
    expect(await labels(b)).toEqual(['Edit 100']);
    // A minute later the last edit goes.
    await meet(a, 61_000);
    expect((await status(a)).held).toBeUndefined();
    await meet(b);
    expect(await labels(b)).toEqual(['Edit 150']);
  });

  it('off: no meeting, no write', async () => {
    b.local = {};
    await use(b);
    await saveLink(b.db, { input: ALI_SHORT, label: 'Main' }, ctx);
    await meet(b);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(SYNC_MEMORY)).toEqual({});
  });
});
