import { describe, expect, it } from 'vitest';
import { addCoupons, markCouponsSeen, markCouponUsed } from '@/lib/db/coupons';
import { DAY } from '@/lib/referral/time';
import { freshDb, testCtx } from './testDb';

const coupon = { title: 'US $5 off US $30', value: 5, currency: 'USD', minSpend: 30 };

describe('coupon wallet', () => {
  it('adds coupons and treats the same coupon twice as one', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const first = await addCoupons(db, { programId: 'aliexpress', coupons: [coupon, { ...coupon, value: 3 }] }, ctx);
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(first.value.added).toHaveLength(2);
    const again = await addCoupons(db, { programId: 'aliexpress', coupons: [coupon] }, ctx);
    expect(again.ok && again.value).toMatchObject({ added: [], existing: [{ id: first.value.added[0]?.id }] });
    expect(await db.coupons.count()).toBe(2);
  });

  it('refuses a malformed coupon with its position, and adds none of the batch', async () => {
    const db = freshDb();
    const r = await addCoupons(
      db,
      { programId: 'aliexpress', coupons: [coupon, { ...coupon, value: Number.NaN }] },
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
    const r = await addCoupons(db, { programId: 'temu', coupons: [coupon] }, ctx);
    const id = r.ok ? r.value.added[0]?.id : undefined;
    if (!id) throw new Error('setup failed');
    expect(await markCouponsSeen(db, [id, 'missing'], ctx)).toEqual({ ok: true, value: { count: 1 } });
    expect(await markCouponsSeen(db, [id], ctx)).toEqual({ ok: true, value: { count: 0 } });
    expect((await db.coupons.get(id))?.seenAt).toBe(ctx.now);
  });
});
