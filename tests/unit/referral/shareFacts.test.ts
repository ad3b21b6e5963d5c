import { describe, expect, it } from 'vitest';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import { shareFacts } from '@/lib/referral/shareFacts';
import type { Invite, InviteStatus, Program } from '@/lib/referral/types';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const MARCH = Date.parse('2026-03-02T09:00:00Z');
const capped: Program = { ...temu, rules: { ...temu.rules, monthlyCap: 3 } };

function invite(id: string, status: InviteStatus, programId = 'temu', couponAt = MARCH): Invite {
  return {
    id,
    programId,
    linkId: 'l',
    channel: 'sms',
    sharedAt: Date.parse('2026-02-01T00:00:00Z'),
    status,
    milestones: status === 'coupon_received' || status === 'clawed_back' ? { coupon_received: couponAt } : {},
    evidence: [],
    rejected: [],
    updatedAt: 0,
  };
}

const ALL: InviteStatus[] = [
  'shared',
  'registered',
  'first_purchase',
  'reward_pending',
  'coupon_received',
  'ineligible',
  'expired',
  'clawed_back',
];

describe('shareFacts', () => {
  it('counts friends who joined (registered or further, clawed back too; not ineligible or expired) and coupons earned', () => {
    const invites = ALL.map((s) => invite(s, s));
    expect(shareFacts(capped, invites, NOW, 'UTC')).toEqual({
      cap: { used: 1, limit: 3, reached: false },
      friendsJoined: 5,
      couponsEarned: 1,
    });
  });

  it.each<[InviteStatus, number, number]>([
    ['shared', 0, 0],
    ['registered', 1, 0],
    ['first_purchase', 1, 0],
    ['reward_pending', 1, 0],
    ['coupon_received', 1, 1],
    ['ineligible', 0, 0],
    ['expired', 0, 0],
    ['clawed_back', 1, 0],
  ])('%s: joined %i, earned %i', (status, joined, earned) => {
    const facts = shareFacts(capped, [invite('a', status)], NOW, 'UTC');
    expect([facts.friendsJoined, facts.couponsEarned]).toEqual([joined, earned]);
  });

  it("looks at this program's invites only; coupons of earlier months are earned but not in this month's cap", () => {
    const invites = [
      invite('a', 'coupon_received', 'temu', Date.parse('2026-01-10T00:00:00Z')),
      invite('b', 'coupon_received'),
      invite('c', 'coupon_received', 'aliexpress'),
      invite('d', 'registered', 'aliexpress'),
    ];
    expect(shareFacts(capped, invites, NOW, 'UTC')).toEqual({
      cap: { used: 1, limit: 3, reached: false },
      friendsJoined: 2,
      couponsEarned: 2,
    });
    expect(shareFacts(aliexpress, invites, NOW, 'UTC')).toEqual({
      cap: { used: 1, reached: false },
      friendsJoined: 2,
      couponsEarned: 1,
    });
  });

  it('nothing shared yet: all zero', () => {
    expect(shareFacts(capped, [], NOW, 'UTC')).toEqual({
      cap: { used: 0, limit: 3, reached: false },
      friendsJoined: 0,
      couponsEarned: 0,
    });
  });
});
