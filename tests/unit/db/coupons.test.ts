import { describe, expect, it } from 'vitest';
import { addCoupons, markCouponsSeen, markCouponUsed } from '@/lib/db/coupons';
import { recordShare } from '@/lib/db/invites';
import { saveLink } from '@/lib/db/links';
import { DAY } from '@/lib/referral/time';
import { ALI_SHORT, freshDb, settings, testCtx } from './testDb';

const coupon = { title: 'US $5 off US $30', value: 5, currency: 'USD', minSpend: 30 };

describe('coupon wallet', () => {
  it('adds coupons and treats the same coupon twice as one', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const first = await addCoupons(
      db,
      { programId: 'aliexpress', coupons: [coupon, { ...coupon, value: 3 }] },
      settings,
      ctx,
    );
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(first.value.added).toHaveLength(2);
    const again = await addCoupons(db, { programId: 'aliexpress', coupons: [coupon] }, settings, ctx);
    expect(again.ok && again.value).toMatchObject({ added: [], existing: [{ id: first.value.added[0]?.id }] });
    expect(await db.coupons.count()).toBe(2);
  });

  it('refuses a malformed coupon with its position, and adds none of the batch', async () => {
    const db = freshDb();
    const r = await addCoupons(
      db,
      { programId: 'aliexpress', coupons: [coupon, { ...coupon, value: Number.NaN }] },
      settings,
      testCtx(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Coupon 2:/);
    expect(await db.coupons.count()).toBe(0);
  });

  it('marks used and back; an expired coupon unmarked goes back to expired', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const r = await addCoupons(
      db,
      { programId: 'aliexpress', coupons: [{ ...coupon, expiresAt: ctx.now + DAY }] },
      settings,
      ctx,
    );
    const id = r.ok ? r.value.added[0]?.id : undefined;
    if (!id) throw new Error('setup failed');
    expect(await markCouponUsed(db, { id, used: true }, ctx)).toMatchObject({ ok: true, value: { state: 'used' } });
    ctx.advance(2 * DAY);
    expect(await markCouponUsed(db, { id, used: false }, ctx)).toMatchObject({ ok: true, value: { state: 'expired' } });
  });

  it('marks coupons seen once', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const r = await addCoupons(db, { programId: 'temu', coupons: [coupon] }, settings, ctx);
    const id = r.ok ? r.value.added[0]?.id : undefined;
    if (!id) throw new Error('setup failed');
    expect(await markCouponsSeen(db, [id, 'missing'], ctx)).toEqual({ ok: true, value: { count: 1 } });
    expect(await markCouponsSeen(db, [id], ctx)).toEqual({ ok: true, value: { count: 0 } });
    expect((await db.coupons.get(id))?.seenAt).toBe(ctx.now);
  });

  it('a coupon filed under an invite moves it to "coupon received", without notifying the user who filed it', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const link = await saveLink(db, { input: ALI_SHORT }, ctx);
    if (!link.ok) throw new Error(link.message);
    const invite = await recordShare(db, { linkId: link.value.id, channel: 'sms' }, settings, ctx);
    if (!invite.ok) throw new Error(invite.message);
    ctx.advance(60_000);
    const r = await addCoupons(
      db,
      { programId: 'aliexpress', inviteId: invite.value.id, coupons: [coupon] },
      settings,
      ctx,
    );
    expect(r.ok).toBe(true);
    expect((await db.invites.get(invite.value.id))?.status).toBe('coupon_received');
    expect(await db.outbox.count()).toBe(0);
    // Filing the same coupon again changes nothing.
    await addCoupons(db, { programId: 'aliexpress', inviteId: invite.value.id, coupons: [coupon] }, settings, ctx);
    expect(await db.events.count()).toBe(1);
    expect(await db.coupons.count()).toBe(1);
  });
});
