import { describe, expect, it } from 'vitest';
import type { BackupFile } from '@/lib/backup/format';
import { deleteAllData, importBackup, previewImport, readBackupData } from '@/lib/db/backup';
import { addFeed, pullFeed } from '@/lib/db/feeds';
import { saveLink } from '@/lib/db/links';
import type { RefShareDB } from '@/lib/db/schema';
import { ALI_SHORT, freshDb, settings, testCtx } from '../db/testDb';
import { CUSTOM_LINK, exportText, seededDb } from './fixture';

const parse = (text: string) => JSON.parse(text) as BackupFile;

/** Every table, outbox and feeds included, to prove "nothing changed". */
async function snapshot(db: RefShareDB) {
  return { ...(await readBackupData(db)), outbox: await db.outbox.toArray(), feeds: await db.feeds.toArray() };
}

describe('backup round trip', () => {
  it('export → delete all → import → export gives back the same file, byte for byte', async () => {
    const db = await seededDb();
    const first = await exportText(db);
    expect((await deleteAllData(db)).ok).toBe(true);
    expect(await exportText(db)).not.toBe(first);
    const imported = await importBackup(db, parse(first), testCtx());
    expect(imported).toMatchObject({
      ok: true,
      value: {
        added: { links: 4, programs: 1, invites: 3, events: 3, coupons: 2 },
        replaced: { links: 0, programs: 0, invites: 0, events: 0, coupons: 0 },
        skipped: { links: 0, coupons: 0 },
      },
    });
    expect(await exportText(db)).toBe(first);
  });

  it('restores into another, empty database (a new device) identically', async () => {
    const first = await exportText(await seededDb());
    const other = freshDb();
    expect((await importBackup(other, parse(first), testCtx())).ok).toBe(true);
    expect(await exportText(other)).toBe(first);
  });

  it('importing the same backup twice replaces every row and changes nothing', async () => {
    const db = await seededDb();
    const first = await exportText(db);
    const again = await importBackup(db, parse(first), testCtx());
    expect(again).toMatchObject({
      ok: true,
      value: {
        added: { links: 0, invites: 0 },
        replaced: { links: 4, programs: 1, invites: 3, events: 3, coupons: 2 },
      },
    });
    expect(await exportText(db)).toBe(first);
  });
});

describe('backups and status feeds', () => {
  it('leave the feeds out (their address may hold a token) but keep what they brought, which round-trips', async () => {
    const db = await seededDb();
    const ctx = testCtx(Date.UTC(2026, 10, 25));
    const feed = await addFeed(db, 'https://feeds.example.com/f?token=s3cret', ctx);
    if (!feed.ok) throw new Error(feed.message);
    const invite = (await db.invites.toArray()).find((i) => i.nickname === 'سارة');
    const page = {
      cursor: 'c1',
      events: [
        {
          id: 'x'.repeat(200),
          program: 'aliexpress',
          invite: { nickname: 'سارة' },
          type: 'coupon_issued',
          at: '2026-11-24T20:00:00Z',
          coupon: {
            title: 'Reward',
            value: 4,
            currency: 'USD',
            minSpend: 1e9,
            code: 'R-1',
            expiresAt: '2027-01-01T00:00:00Z',
          },
        },
      ],
    };
    const fetchImpl = (async () => new Response(JSON.stringify(page))) as unknown as typeof fetch;
    expect(await pullFeed(db, feed.value, fetchImpl, settings, ctx)).toMatchObject({ applied: 1 });
    expect((await db.invites.get(invite?.id ?? ''))?.status).toBe('coupon_received');

    const text = await exportText(db);
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('feeds.example.com');
    expect(Object.keys(parse(text).data)).not.toContain('feeds');
    expect(text).toContain(`"feed:${feed.value.id}:${'x'.repeat(200)}"`);
    const other = freshDb();
    expect((await importBackup(other, parse(text), testCtx())).ok).toBe(true);
    expect(await exportText(other)).toBe(text);
    expect(await other.feeds.count()).toBe(0);
  });
});

describe('importBackup refuses a corrupt file and changes nothing', () => {
  it.each<[string, (b: BackupFile) => unknown]>([
    ['a foreign file', () => ({ hello: 'world' })],
    ['a newer version', (b) => ({ ...b, version: 2 })],
    [
      'a bad last coupon (after every other table would have been written)',
      (b) => {
        const last = b.data.coupons[b.data.coupons.length - 1] as unknown as Record<string, unknown>;
        last.value = -1;
        return b;
      },
    ],
    [
      'a forged link URL',
      (b) => {
        (b.data.links[0] as unknown as Record<string, unknown>).url = 'https://evil.example.com/x';
        return b;
      },
    ],
    ['bad settings only', (b) => ({ ...b, settings: { ...b.settings, followUpDays: -5 } })],
  ])('%s', async (_name, corrupt) => {
    const source = await seededDb();
    const backup = parse(await exportText(source));
    // The target differs from the backup, so a partial write would show.
    const target = freshDb();
    const ctx = testCtx();
    await saveLink(target, { input: ALI_SHORT, label: 'Mine' }, ctx);
    await target.outbox.add({ key: 'k', notification: 'follow_up', title: 't', message: 'm', createdAt: 1, shown: 0 });
    const before = await snapshot(target);
    const r = await importBackup(target, corrupt(backup), ctx);
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('importBackup merges into existing data', () => {
  it('adds new rows, replaces rows with the same id, and previews exactly what it does', async () => {
    const backup = parse(await exportText(await seededDb()));
    const db = freshDb();
    // Ids this device made itself: not the backup's.
    const ctx = { ...testCtx(Date.UTC(2027, 0, 1)), newId: () => 'local-link' };
    // The user re-added their AliExpress link on the new device (another id, same URL) before importing.
    const mine = await saveLink(db, { input: ALI_SHORT, label: 'Re-added' }, ctx);
    if (!mine.ok) throw new Error('setup');
    // A row with a backup id but different content: the backup's version replaces it.
    const custom = backup.data.links.find((l) => l.url === CUSTOM_LINK);
    if (!custom) throw new Error('fixture');

    const preview = await previewImport(db, backup.data);
    expect(await db.links.count()).toBe(1);
    const r = await importBackup(db, backup, ctx);
    expect(r).toEqual({ ok: true, value: preview });
    expect(preview).toEqual({
      added: { links: 3, programs: 1, invites: 3, events: 3, coupons: 2 },
      replaced: { links: 0, programs: 0, invites: 0, events: 0, coupons: 0 },
      skipped: { links: 1, coupons: 0 },
    });

    const links = await db.links.toArray();
    expect(links.filter((l) => l.url === ALI_SHORT)).toHaveLength(1);
    // Invites of the skipped twin now point at the link the user already had.
    const aliInvites = (await db.invites.toArray()).filter((i) => i.programId === 'aliexpress');
    expect(aliInvites.map((i) => i.linkId)).toEqual([mine.value.id, mine.value.id]);
    // One primary per program, and the one the user had is kept.
    const primaries = links.filter((l) => l.primary === 1).map((l) => `${l.programId}:${l.label}`);
    expect(primaries.sort()).toEqual(['aliexpress:Re-added', 'custom:shop-example:Shop', 'temu:Code AbC123xyz']);
  });

  it('keeps the primary link the user already has when the backup brings another one', async () => {
    const backup = parse(await exportText(await seededDb()));
    const db = freshDb();
    const ctx = { ...testCtx(Date.UTC(2027, 0, 1)), newId: () => 'local-code' };
    const mine = await saveLink(db, { input: 'INZZZZ99', label: 'My code' }, ctx);
    expect(mine).toMatchObject({ ok: true, value: { primary: 1, programId: 'aliexpress' } });
    expect((await importBackup(db, backup, ctx)).ok).toBe(true);
    const ali = (await db.links.where('programId').equals('aliexpress').toArray()).filter((l) => l.primary === 1);
    expect(ali.map((l) => l.id)).toEqual(['local-code']);
    // The backup's own primary was demoted, dated now.
    expect(await db.links.get('id-1')).toMatchObject({ primary: 0, updatedAt: ctx.now });
  });

  it('skips coupons already in the wallet and replaces changed rows', async () => {
    const source = await seededDb();
    const backup = parse(await exportText(source));
    const db = await seededDb();
    // Same coupon under another id (imported separately on this device).
    const coupon = await db.coupons.toCollection().first();
    if (!coupon) throw new Error('fixture');
    await db.coupons.delete(coupon.id);
    await db.coupons.add({ ...coupon, id: 'local-coupon' });
    await db.links.update('id-1', { label: 'Renamed here' });

    const r = await importBackup(db, backup, testCtx());
    expect(r).toMatchObject({
      ok: true,
      value: { added: { coupons: 0 }, replaced: { links: 4, coupons: 1 }, skipped: { coupons: 1 } },
    });
    expect(await db.coupons.count()).toBe(2);
    expect((await db.links.get('id-1'))?.label).toBe('Main');
  });
});

describe('deleteAllData', () => {
  it('empties every table, the outbox and the status feeds included, and reports what it deleted', async () => {
    const db = await seededDb();
    await db.outbox.add({ key: 'k', notification: 'follow_up', title: 't', message: 'm', createdAt: 1, shown: 0 });
    expect((await addFeed(db, 'https://feeds.example.com/f?token=secret', testCtx())).ok).toBe(true);
    const outbox = await db.outbox.count();
    expect(outbox).toBeGreaterThan(0);
    const r = await deleteAllData(db);
    expect(r).toEqual({
      ok: true,
      value: { links: 4, programs: 1, invites: 3, events: 3, coupons: 2, outbox, feeds: 1 },
    });
    const after = await snapshot(db);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
  });
});
