import { couponState } from '@/lib/referral/coupons';
import type { Coupon, CouponState } from '@/lib/referral/types';

/** Which coupons the wallet shows. */
export type WalletFilter = 'all' | CouponState;

/** A coupon with its state at the time shown (a coupon past its expiry is expired whatever was stored). */
export interface ShownCoupon {
  coupon: Coupon;
  state: CouponState;
}

/** Sort rank: usable ones expiring first, usable ones without expiry, then used, then expired. */
function rank({ coupon, state }: ShownCoupon): number {
  if (state === 'available') return coupon.expiresAt === undefined ? 1 : 0;
  return state === 'used' ? 2 : 3;
}

/** Within a rank: soonest expiry first while usable; most recently used or expired first after that. */
function within(a: ShownCoupon, b: ShownCoupon): number {
  const r = rank(a);
  if (r === 0) return (a.coupon.expiresAt ?? 0) - (b.coupon.expiresAt ?? 0);
  if (r === 2) return (b.coupon.usedAt ?? 0) - (a.coupon.usedAt ?? 0);
  if (r === 3) return (b.coupon.expiresAt ?? 0) - (a.coupon.expiresAt ?? 0);
  return 0;
}

/** The wallet in "expiring soon" order; ties go to the newest coupon, then by id so the order is stable. */
export function walletOrder(coupons: Coupon[], now: number): ShownCoupon[] {
  return coupons
    .map((coupon) => ({ coupon, state: couponState(coupon, now) }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        within(a, b) ||
        b.coupon.addedAt - a.coupon.addedAt ||
        a.coupon.id.localeCompare(b.coupon.id),
    );
}

/** How many coupons each filter would show. */
export function countByFilter(shown: ShownCoupon[]): Record<WalletFilter, number> {
  const counts: Record<WalletFilter, number> = { all: shown.length, available: 0, used: 0, expired: 0 };
  for (const { state } of shown) counts[state] += 1;
  return counts;
}
