import { describe, expect, it } from 'vitest';
import {
  badgeCount,
  couponArrivedEffect,
  couponDedupeKey,
  couponState,
  expiringCouponEffects,
  newCoupon,
  validateCouponInput,
} from '@/lib/referral/coupons';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { DAY, HOUR } from '@/lib/referral/time';
import type { Coupon, CouponInput } from '@/lib/referral/types';

const NOW = Date.UTC(2025, 2, 10, 14, 5);
const base: CouponInput = { title: 'US$3 off', value: 3, currency: 'USD' };

describe('validateCouponInput', () => {
  it.each<[string, unknown, CouponInput]>([
    ['minimal', base, base],
    ['trims and upper-cases', { ...base, title: '  US$3 off ', currency: ' usd ' }, base],
    [
      'all fields',
      { ...base, minSpend: 10, code: 'AE-3_OFF', expiresAt: NOW + DAY, extra: 'dropped' },
      { ...base, minSpend: 10, code: 'AE-3_OFF', expiresAt: NOW + DAY },
    ],
    ['empty optional fields', { ...base, code: '', minSpend: null, expiresAt: undefined }, base],
    ['zero value', { ...base, value: 0 }, { ...base, value: 0 }],
    ['120-character title', { ...base, title: 'x'.repeat(120) }, { ...base, title: 'x'.repeat(120) }],
  ])('accepts %s', (_label, input, coupon) => {
    expect(validateCouponInput(input)).toEqual({ ok: true, coupon });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'coupon', /details/],
    ['no title', { ...base, title: '  ' }, /title/],
    ['long title', { ...base, title: 'x'.repeat(121) }, /1–120/],
    ['control char in title', { ...base, title: 'US$3\u202E off' }, /control/],
    ['negative value', { ...base, value: -1 }, /value/],
    ['infinite value', { ...base, value: Number.POSITIVE_INFINITY }, /value/],
    ['huge value', { ...base, value: 1e6 }, /value/],
    ['value as text', { ...base, value: '3' }, /value/],
    ['bad currency', { ...base, currency: 'US' }, /currency/],
    ['unknown currency', { ...base, currency: 'QQQ' }, /currency/],
    ['negative min spend', { ...base, minSpend: -5 }, /minimum spend/],
    ['NaN min spend', { ...base, minSpend: Number.NaN }, /minimum spend/],
    ['code with spaces', { ...base, code: 'AE 3' }, /code/],
    ['long code', { ...base, code: 'A'.repeat(65) }, /64/],
    ['bad expiry', { ...base, expiresAt: Number.NaN }, /expiry/],
  ])('refuses %s', (_label, input, message) => {
    const r = validateCouponInput(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });
});

describe('couponDedupeKey', () => {
  it('gives the same coupon the same key despite case, spacing and expiry time of day', () => {
    const a = couponDedupeKey('aliexpress', { ...base, expiresAt: Date.UTC(2025, 2, 20, 0, 0) });
    const b = couponDedupeKey('aliexpress', {
      ...base,
      title: '  us$3   OFF',
      expiresAt: Date.UTC(2025, 2, 20, 23, 59),
    });
    expect(a).toBe(b);
  });

  it.each<[string, Partial<CouponInput>]>([
    ['value', { value: 4 }],
    ['currency', { currency: 'EUR' }],
    ['min spend', { minSpend: 20 }],
    ['code', { code: 'X1' }],
    ['expiry day', { expiresAt: Date.UTC(2025, 2, 21) }],
    ['title', { title: 'US$3 off orders' }],
  ])('tells coupons apart by %s', (_label, change) => {
    const original = { ...base, expiresAt: Date.UTC(2025, 2, 20) };
    expect(couponDedupeKey('aliexpress', { ...original, ...change })).not.toBe(couponDedupeKey('aliexpress', original));
  });

  it('tells programs apart', () => {
    expect(couponDedupeKey('temu', base)).not.toBe(couponDedupeKey('aliexpress', base));
  });
});

describe('newCoupon and couponState', () => {
  it('creates an available coupon', () => {
    expect(newCoupon(base, { id: 'c1', programId: 'aliexpress', inviteId: 'i1', now: NOW })).toEqual({
      ...base,
      id: 'c1',
      programId: 'aliexpress',
      inviteId: 'i1',
      state: 'available',
      addedAt: NOW,
      dedupeKey: couponDedupeKey('aliexpress', base),
    });
  });

  it('is expired at once when its expiry has passed', () => {
    expect(newCoupon({ ...base, expiresAt: NOW }, { id: 'c', programId: 'p', now: NOW }).state).toBe('expired');
  });

  it('fills in the program validity without changing the dedupe key', () => {
    const c = newCoupon(base, { id: 'c', programId: 'p', now: NOW, defaultValidityMs: 7 * DAY });
    expect(c.expiresAt).toBe(NOW + 7 * DAY);
    expect(c.dedupeKey).toBe(couponDedupeKey('p', base));
  });

  it.each<[string, Partial<Coupon>, number, string]>([
    ['available', {}, NOW, 'available'],
    ['stale "available" past expiry', { expiresAt: NOW - 1 }, NOW, 'expired'],
    ['expiry exactly now', { expiresAt: NOW }, NOW, 'expired'],
    ['used stays used', { state: 'used', expiresAt: NOW - 1 }, NOW, 'used'],
  ])('couponState: %s', (_label, change, now, state) => {
    const c = { ...newCoupon(base, { id: 'c', programId: 'p', now: NOW - DAY }), ...change };
    expect(couponState(c, now)).toBe(state);
  });
});

describe('notifications', () => {
  const coupon = (id: string, expiresAt?: number, change: Partial<Coupon> = {}) => ({
    ...newCoupon(
      { ...base, ...(expiresAt === undefined ? {} : { expiresAt }) },
      { id, programId: 'aliexpress', now: NOW - DAY },
    ),
    ...change,
  });

  it('warns about available coupons expiring within couponExpiringDays', () => {
    const coupons = [
      coupon('soon', NOW + 2 * DAY),
      coupon('edge', NOW + 3 * DAY),
      coupon('later', NOW + 3 * DAY + HOUR),
      coupon('gone', NOW - HOUR),
      coupon('used', NOW + HOUR, { state: 'used' }),
      coupon('none'),
    ];
    const effects = expiringCouponEffects(coupons, DEFAULT_SETTINGS, NOW);
    expect(effects.map((e) => e.kind === 'notify' && e.key)).toEqual(['coupon_expiring:soon', 'coupon_expiring:edge']);
    expect(effects[0]).toMatchObject({
      notification: 'coupon_expiring',
      couponId: 'soon',
      title: 'Coupon expiring soon',
      message: '$3.00 — US$3 off expires 14:05 on March 12.',
    });
    const off = { ...DEFAULT_SETTINGS, notify: { ...DEFAULT_SETTINGS.notify, coupon_expiring: false } };
    expect(expiringCouponEffects(coupons, off, NOW)).toEqual([]);
    expect(expiringCouponEffects(coupons, { ...DEFAULT_SETTINGS, couponExpiringDays: 0 }, NOW)).toEqual([]);
  });

  it('shares the invite key for a coupon earned by an invite, so the two notices replace each other', () => {
    const earned = coupon('c1', undefined, { inviteId: 'inv9' });
    expect(couponArrivedEffect(earned, DEFAULT_SETTINGS)).toMatchObject({
      key: 'coupon_arrived:inv9',
      inviteId: 'inv9',
      couponId: 'c1',
    });
    expect(couponArrivedEffect(coupon('c2'), DEFAULT_SETTINGS)).toMatchObject({
      key: 'coupon_arrived:coupon:c2',
      title: 'Coupon arrived',
      message: 'Your coupon has arrived: $3.00 — US$3 off.',
    });
    const es = couponArrivedEffect(coupon('c2'), { ...DEFAULT_SETTINGS, locale: 'es' });
    // Intl puts a no-break space between amount and currency.
    expect(es).toMatchObject({
      title: 'Llegó tu cupón',
      message: expect.stringMatching(/^Llegó tu cupón: 3,00\sUS\$ — US\$3 off\.$/),
    });
    const off = { ...DEFAULT_SETTINGS, notify: { ...DEFAULT_SETTINGS.notify, coupon_arrived: false } };
    expect(couponArrivedEffect(earned, off)).toBeNull();
  });
});

describe('badgeCount', () => {
  it('counts the coupons not seen yet that can still be used', () => {
    const c = (id: string, change: Partial<Coupon>) => ({
      ...newCoupon(base, { id, programId: 'p', now: NOW - DAY }),
      ...change,
    });
    const coupons = [
      c('new', {}),
      c('new, expiring later', { expiresAt: NOW + HOUR }),
      c('seen', { seenAt: NOW }),
      c('used', { state: 'used' }),
      c('old', { expiresAt: NOW - 1 }),
    ];
    expect(badgeCount(coupons, NOW)).toBe(2);
    expect(badgeCount([], NOW)).toBe(0);
  });
});
