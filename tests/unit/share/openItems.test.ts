import { describe, expect, it } from 'vitest';
import type { Coupon, Invite, InviteStatus } from '@/lib/referral/types';
import { isNewCoupon, isOpenInvite } from '@/lib/share/openItems';

const invite = (status: InviteStatus) => ({ status }) as Invite;

describe('isOpenInvite', () => {
  it.each([
    ['shared', true],
    ['registered', true],
    ['first_purchase', true],
    ['reward_pending', true],
    ['coupon_received', false],
    ['ineligible', false],
    ['expired', false],
    ['clawed_back', false],
  ] as const)('%s → %s', (status, open) => {
    expect(isOpenInvite(invite(status))).toBe(open);
  });
});

describe('isNewCoupon', () => {
  const now = 1_000_000;
  const base: Coupon = {
    id: 'c',
    programId: 'aliexpress',
    title: 'US$3 off',
    value: 3,
    currency: 'USD',
    state: 'available',
    addedAt: now - 10,
    dedupeKey: 'k',
  };

  it('unseen available coupons are new', () => {
    expect(isNewCoupon(base, now, now)).toBe(true);
  });

  it('coupons seen while the popup shows them stay new; seen before, not', () => {
    expect(isNewCoupon({ ...base, seenAt: now + 5 }, now, now)).toBe(true);
    expect(isNewCoupon({ ...base, seenAt: now - 5 }, now, now)).toBe(false);
  });

  it('used or expired coupons are not new', () => {
    expect(isNewCoupon({ ...base, state: 'used' }, now, now)).toBe(false);
    expect(isNewCoupon({ ...base, expiresAt: now - 1 }, now, now)).toBe(false);
  });
});
