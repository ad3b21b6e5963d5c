import { describe, expect, it } from 'vitest';
import { deleteLink, saveLink, setPrimaryLink, updateLink } from '@/lib/db/links';
import { ALI_SHORT, ALI_STAR, freshDb, TEMU, testCtx } from './testDb';

describe('links repository', () => {
  it('saves a recognised link byte-for-byte, with its program and code, as the first (primary) link', async () => {
    const db = freshDb();
    const r = await saveLink(db, { input: `  ${ALI_STAR}\n`, label: 'Main' }, testCtx());
    expect(r).toMatchObject({
      ok: true,
      value: { programId: 'aliexpress', url: ALI_STAR, code: 'INABCD12', primary: 1 },
    });
    expect(await db.links.count()).toBe(1);
  });

  it.each([
    ['javascript:alert(1)', /javascript/i],
    ['http://a.aliexpress.com/_mKXyZab', /https/i],
    ['https://s.click.aliexpress.com/e/_DmXyz12', /affiliate/i],
    ['https://evil.example.com/s/abc', /evil\.example\.com/],
    ['', /.+/],
  ])('refuses %j with a reason and stores nothing', async (input, message) => {
    const db = freshDb();
    const r = await saveLink(db, { input }, testCtx());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('invalid_link');
      expect(r.message).toMatch(message);
    }
    expect(await db.links.count()).toBe(0);
  });

  it('refuses a link of another program when the program is given', async () => {
    const db = freshDb();
    const r = await saveLink(db, { input: TEMU, programId: 'aliexpress' }, testCtx());
    expect(r.ok).toBe(false);
    expect(await db.links.count()).toBe(0);
  });

  it('keeps one primary link per program and hands primacy on when the primary is deleted', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const a = await saveLink(db, { input: ALI_SHORT, label: 'A' }, ctx);
    ctx.advance(1000);
    const b = await saveLink(db, { input: ALI_STAR, label: 'B' }, ctx);
    const t = await saveLink(db, { input: TEMU, label: 'T' }, ctx);
    if (!a.ok || !b.ok || !t.ok) throw new Error('setup failed');
    expect([a.value.primary, b.value.primary, t.value.primary]).toEqual([1, 0, 1]);

    await setPrimaryLink(db, b.value.id, ctx);
    expect((await db.links.get(a.value.id))?.primary).toBe(0);
    expect((await db.links.get(b.value.id))?.primary).toBe(1);
    expect((await db.links.get(t.value.id))?.primary).toBe(1);

    await deleteLink(db, b.value.id, ctx);
    expect((await db.links.get(a.value.id))?.primary).toBe(1);
  });

  it('saving the same link twice keeps one copy', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const first = await saveLink(db, { input: ALI_SHORT }, ctx);
    const again = await saveLink(db, { input: ALI_SHORT, label: 'dup' }, ctx);
    expect(again).toEqual(first);
    expect(await db.links.count()).toBe(1);
  });

  it('edits label and notes but refuses an empty label', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const a = await saveLink(db, { input: ALI_SHORT }, ctx);
    if (!a.ok) throw new Error('setup failed');
    const edited = await updateLink(db, { id: a.value.id, label: ' Family ', notes: 'for cousins' }, ctx);
    expect(edited).toMatchObject({ ok: true, value: { label: 'Family', notes: 'for cousins', url: ALI_SHORT } });
    const empty = await updateLink(db, { id: a.value.id, label: '  ' }, ctx);
    expect(empty.ok).toBe(false);
    expect((await db.links.get(a.value.id))?.label).toBe('Family');
    expect((await updateLink(db, { id: 'nope' }, ctx)).ok).toBe(false);
  });
});
