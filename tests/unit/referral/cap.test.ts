import { describe, expect, it } from 'vitest';
import { capStatus, rewardedInMonth } from '@/lib/referral/cap';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import type { Invite, InviteStatus, Program } from '@/lib/referral/types';

const capped: Program = { ...temu, rules: { ...temu.rules, monthlyCap: 2 } };

function invite(id: string, status: InviteStatus, couponAt?: number, programId = capped.id): Invite {
  return {
    id,
    programId,
    linkId: 'l',
    channel: 'sms',
    sharedAt: Date.parse('2026-01-01T00:00:00Z'),
    status,
    milestones: couponAt === undefined ? {} : { coupon_received: couponAt },
    evidence: [],
    rejected: [],
    updatedAt: 0,
  };
}

describe('capStatus', () => {
  const now = Date.parse('2026-03-15T12:00:00Z');
  const march = Date.parse('2026-03-02T09:00:00Z');

  it.each<[string, Invite[], { used: number; limit?: number; reached: boolean }]>([
    ['nothing rewarded', [invite('a', 'shared')], { used: 0, limit: 2, reached: false }],
    ['one of two', [invite('a', 'coupon_received', march)], { used: 1, limit: 2, reached: false }],
    [
      'two of two: reached',
      [invite('a', 'coupon_received', march), invite('b', 'coupon_received', march + 1)],
      { used: 2, limit: 2, reached: true },
    ],
    [
      'past the cap',
      ['a', 'b', 'c'].map((id) => invite(id, 'coupon_received', march)),
      { used: 3, limit: 2, reached: true },
    ],
    [
      'last month and clawed back do not count',
      [invite('a', 'coupon_received', Date.parse('2026-02-27T09:00:00Z')), invite('b', 'clawed_back', march)],
      { used: 0, limit: 2, reached: false },
    ],
    [
      "another program's invites do not count",
      [invite('a', 'coupon_received', march, 'aliexpress'), invite('b', 'coupon_received', march)],
      { used: 1, limit: 2, reached: false },
    ],
  ])('%s', (_label, invites, expected) => {
    expect(capStatus(capped, invites, now, 'UTC')).toEqual(expected);
  });

  it('without a cap: counted, never reached, no limit', () => {
    const invites = ['a', 'b', 'c'].map((id) => invite(id, 'coupon_received', march, 'aliexpress'));
    expect(capStatus(aliexpress, invites, now, 'UTC')).toEqual({ used: 3, reached: false });
  });

  describe('the month boundary is the user’s, not UTC’s', () => {
    // 23:30 on 31 March in São Paulo (UTC−3) is 02:30 on 1 April in UTC.
    const lateMarch = Date.parse('2026-04-01T02:30:00Z');
    const invites = [invite('a', 'coupon_received', lateMarch), invite('b', 'coupon_received', lateMarch + 1)];

    it('in São Paulo the coupons belong to March: the March cap is reached, April starts afresh', () => {
      const stillMarch = Date.parse('2026-04-01T02:59:00Z'); // 23:59 on 31 March there
      const april = Date.parse('2026-04-01T03:00:00Z'); // 00:00 on 1 April there
      expect(capStatus(capped, invites, stillMarch, 'America/Sao_Paulo')).toEqual({ used: 2, limit: 2, reached: true });
      expect(capStatus(capped, invites, april, 'America/Sao_Paulo')).toEqual({ used: 0, limit: 2, reached: false });
    });

    it('in UTC the same coupons belong to April', () => {
      expect(capStatus(capped, invites, Date.parse('2026-04-01T03:00:00Z'), 'UTC').used).toBe(2);
      expect(capStatus(capped, invites, Date.parse('2026-03-31T23:59:00Z'), 'UTC').used).toBe(0);
    });

    it('east of UTC too: 00:30 on 1 May in Tokyo is 30 April in UTC', () => {
      const mayInTokyo = Date.parse('2026-04-30T15:30:00Z');
      const may = [invite('a', 'coupon_received', mayInTokyo)];
      expect(rewardedInMonth(may, Date.parse('2026-05-20T00:00:00Z'), 'Asia/Tokyo')).toBe(1);
      expect(rewardedInMonth(may, Date.parse('2026-04-30T14:59:00Z'), 'Asia/Tokyo')).toBe(0);
      expect(rewardedInMonth(may, Date.parse('2026-04-30T16:00:00Z'), 'UTC')).toBe(1);
    });
  });
});
