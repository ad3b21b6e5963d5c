import { describe, expect, it } from 'vitest';
import { countByFilter, walletOrder } from '@/components/dashboard/coupons/walletOrder';
import { DAY } from '@/lib/referral/time';
import type { Coupon } from '@/lib/referral/types';

const NOW = Date.UTC(2026, 10, 24, 12, 0);
const c = (id: string, patch: Partial<Coupon> = {}): Coupon => ({
  id,
  programId: 'aliexpress',
  title: id,
  value: 1,
  currency: 'USD',
  state: 'available',
  addedAt: NOW - DAY,
  dedupeKey: id,
  ...patch,
});

describe('walletOrder', () => {
  const coupons = [
    c('expired-long-ago', { expiresAt: NOW - 10 * DAY }),
    c('used-earlier', { state: 'used', usedAt: NOW - 5 * DAY }),
    c('undated-old', { addedAt: NOW - 9 * DAY }),
    c('in-3-days', { expiresAt: NOW + 3 * DAY }),
    c('expired-yesterday', { state: 'expired', expiresAt: NOW - DAY }),
    c('undated-new', { addedAt: NOW - DAY }),
    c('used-recently', { state: 'used', usedAt: NOW - DAY, expiresAt: NOW + DAY }),
    c('in-1-hour', { expiresAt: NOW + 3_600_000 }),
  ];

  it('puts expiring-soon first, then undated (newest first), used (latest first), expired (latest first)', () => {
    expect(walletOrder(coupons, NOW).map((s) => s.coupon.id)).toEqual([
      'in-1-hour',
      'in-3-days',
      'undated-new',
      'undated-old',
      'used-recently',
      'used-earlier',
      'expired-yesterday',
      'expired-long-ago',
    ]);
  });

  it('computes the state at the time shown and counts each filter', () => {
    const later = walletOrder(coupons, NOW + 4 * DAY);
    expect(later.find((s) => s.coupon.id === 'in-3-days')?.state).toBe('expired');
    expect(countByFilter(later)).toEqual({ all: 8, available: 2, used: 2, expired: 4 });
  });
});
