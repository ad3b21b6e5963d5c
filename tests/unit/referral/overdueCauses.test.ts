import { describe, expect, it } from 'vitest';
import { overdueCauses } from '@/lib/referral/overdueCauses';
import { rewardOverdue } from '@/lib/referral/pending';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { HOUR } from '@/lib/referral/time';
import type { Invite, InviteStatus, Program } from '@/lib/referral/types';

const DUE = Date.UTC(2026, 2, 10, 12);

function invite(status: InviteStatus, rewardDueAt: number | null = DUE): Invite {
  return {
    id: 'i',
    programId: 'aliexpress',
    linkId: 'l',
    channel: 'sms',
    sharedAt: DUE - 48 * HOUR,
    status,
    milestones: { registered: DUE - 30 * HOUR, first_purchase: DUE - 24 * HOUR },
    evidence: [],
    rejected: [],
    ...(rewardDueAt === null ? {} : { rewardDueAt }),
    updatedAt: 0,
  };
}

describe('rewardOverdue', () => {
  it.each<[string, Invite, number, boolean]>([
    ['first purchase, past due', invite('first_purchase'), DUE, true],
    ['reward pending, past due', invite('reward_pending'), DUE + HOUR, true],
    ['still within the delay', invite('first_purchase'), DUE - 1, false],
    ['no due time known', invite('reward_pending', null), DUE + HOUR, false],
    ['coupon received', invite('coupon_received'), DUE + HOUR, false],
    ['clawed back', invite('clawed_back'), DUE + HOUR, false],
  ])('%s', (_label, inv, now, expected) => {
    expect(rewardOverdue(inv, now)).toBe(expected);
  });
});

describe('overdueCauses', () => {
  const program = (rules: Partial<Program['rules']>): Program => ({
    ...aliexpress,
    rules: { ...aliexpress.rules, ...rules },
  });

  it.each<[string, Program, string[]]>([
    ['AliExpress as built in', aliexpress, ['had_account', 'no_link', 'order_cancelled']],
    ['with a monthly cap', program({ monthlyCap: 5 }), ['had_account', 'no_link', 'order_cancelled', 'monthly_cap']],
    ['cancelled orders keep the reward', program({ cancelledOrderVoidsReward: false }), ['had_account', 'no_link']],
  ])('%s', (_label, p, expected) => {
    expect(overdueCauses(invite('first_purchase'), p, DUE + HOUR)).toEqual(expected);
  });

  it('none while the reward is not overdue', () => {
    expect(overdueCauses(invite('first_purchase'), aliexpress, DUE - HOUR)).toEqual([]);
    expect(overdueCauses(invite('coupon_received'), aliexpress, DUE + HOUR)).toEqual([]);
  });
});
