import { describe, expect, it } from 'vitest';
import { newCoupon } from '@/lib/referral/coupons';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { computeStats } from '@/lib/referral/stats';
import { HOUR } from '@/lib/referral/time';
import type { Channel, Invite, ObservedStatus, Program } from '@/lib/referral/types';

const NOW = Date.parse('2025-04-01T05:00:00Z');
const T0 = Date.parse('2025-03-01T00:00:00Z');
const capped: Program = { ...temu, rules: { ...temu.rules, monthlyCap: 2 } };

/** Builds invites through the real engine, so the stats read what the engine really produces. */
function invite(id: string, program: Program, channel: Channel, steps: [ObservedStatus, number][]): Invite {
  let inv = newInvite({ id, programId: program.id, linkId: 'l', channel, now: T0 }, program);
  for (const [status, at] of steps) {
    inv = applyEvent(
      inv,
      { key: `${id}:${status}`, inviteId: id, status, at, source: 'manual' },
      program,
      DEFAULT_SETTINGS,
      NOW,
    ).invite;
  }
  return inv;
}

const late = Date.parse('2025-03-31T23:30:00Z');
const invites = [
  invite('a1', aliexpress, 'whatsapp', []),
  invite('a2', aliexpress, 'whatsapp', [['registered', T0 + HOUR]]),
  invite('a3', aliexpress, 'sms', [['first_purchase', T0 + HOUR]]),
  invite('a4', aliexpress, 'whatsapp', [['coupon_received', T0 + 5 * HOUR]]),
  invite('a5', aliexpress, 'sms', [['ineligible', T0 + HOUR]]),
  invite('a6', aliexpress, 'email', [['expired', T0 + HOUR]]),
  invite('a7', aliexpress, 'email', [
    ['coupon_received', T0 + HOUR],
    ['clawed_back', T0 + 2 * HOUR],
  ]),
  invite('t1', capped, 'x', [['coupon_received', late]]),
  invite('t2', capped, 'x', [['coupon_received', Date.parse('2025-04-01T01:00:00Z')]]),
  invite('gone', { ...aliexpress, id: 'deleted' }, 'copy', [['registered', T0 + HOUR]]),
];
const coupon = (id: string, programId: string, value: number, currency: string, inviteId?: string) =>
  newCoupon({ title: id, value, currency }, { id, programId, now: NOW, ...(inviteId ? { inviteId } : {}) });
const coupons = [
  coupon('c1', 'aliexpress', 3.1, 'USD', 'a4'),
  coupon('c2', 'aliexpress', 0.2, 'USD', 'a4'),
  coupon('c3', 'aliexpress', 5, 'EUR', 'a4'),
  coupon('c4', 'aliexpress', 50, 'USD'),
  coupon('c5', 'aliexpress', 7, 'USD', 'a7'),
  coupon('c6', 'temu', 10, 'BRL', 't1'),
];

describe('computeStats', () => {
  const stats = computeStats(invites, coupons, [aliexpress, capped], NOW, 'UTC');
  const ali = stats.programs.find((p) => p.programId === 'aliexpress');

  it('counts the funnel with implied steps', () => {
    expect(ali?.funnel).toEqual({
      shared: 7,
      registered: 4,
      firstPurchase: 3,
      rewarded: 1,
      ineligible: 1,
      expired: 1,
      clawedBack: 1,
      rates: { registered: 4 / 7, firstPurchase: 3 / 7, rewarded: 1 / 7 },
    });
  });

  it('splits by channel, per program and overall', () => {
    expect(ali?.byChannel.whatsapp).toMatchObject({ shared: 3, registered: 2, rewarded: 1 });
    expect(ali?.byChannel.sms).toMatchObject({ shared: 2, firstPurchase: 1, ineligible: 1 });
    expect(ali?.byChannel.x).toBeUndefined();
    expect(stats.byChannel.x).toMatchObject({ shared: 2, rewarded: 2, rates: { rewarded: 1 } });
    expect(stats.total.shared).toBe(10);
  });

  it('sums value earned through invites per currency, leaving out clawed-back and unlinked coupons', () => {
    expect(ali?.earned).toEqual({ USD: 3.3, EUR: 5 });
    expect(stats.programs.find((p) => p.programId === 'temu')?.earned).toEqual({ BRL: 10 });
  });

  it('keeps invites of deleted programs, under their id', () => {
    expect(stats.programs.map((p) => p.programId)).toEqual(['aliexpress', 'temu', 'deleted']);
    expect(stats.programs[2]).toMatchObject({ name: 'deleted', funnel: { shared: 1, registered: 1 } });
  });

  it('counts the monthly cap in the user time zone', () => {
    expect(ali?.cap).toEqual({ used: 0 });
    // 23:30 UTC on March 31 is already April 1 in Tokyo.
    expect(stats.programs.find((p) => p.programId === 'temu')?.cap).toEqual({ used: 1, limit: 2 });
    const tokyo = computeStats(invites, coupons, [aliexpress, capped], NOW, 'Asia/Tokyo');
    expect(tokyo.programs.find((p) => p.programId === 'temu')?.cap).toEqual({ used: 2, limit: 2 });
  });

  it('gives zero rates, never NaN, when nothing was shared', () => {
    const empty = computeStats([], [], [aliexpress], NOW, 'UTC');
    expect(empty.total).toEqual({
      shared: 0,
      registered: 0,
      firstPurchase: 0,
      rewarded: 0,
      ineligible: 0,
      expired: 0,
      clawedBack: 0,
      rates: { registered: 0, firstPurchase: 0, rewarded: 0 },
    });
    expect(empty.programs[0]?.earned).toEqual({});
  });
});
