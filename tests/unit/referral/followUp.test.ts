import { describe, expect, it } from 'vitest';
import { addReminder, findOpenInvite, followUpStage, MAX_REMINDERS, nicknameKey } from '@/lib/referral/followUp';
import type { Invite, InviteStatus } from '@/lib/referral/types';

const invite = (id: string, over: Partial<Invite> = {}): Invite => ({
  id,
  programId: 'aliexpress',
  linkId: 'l1',
  channel: 'whatsapp',
  nickname: 'Ana',
  sharedAt: 1000,
  status: 'shared',
  milestones: {},
  evidence: [],
  rejected: [],
  updatedAt: 1000,
  ...over,
});

describe('findOpenInvite', () => {
  it('finds the newest open invite of the program for the same friend, however the name is typed', () => {
    const list = [
      invite('old', { sharedAt: 1 }),
      invite('new', { sharedAt: 5, status: 'registered' }),
      invite('temu', { programId: 'temu', sharedAt: 9 }),
    ];
    for (const typed of ['Ana', ' ana ', 'ANA']) expect(findOpenInvite(list, 'aliexpress', typed)?.id).toBe('new');
    expect(findOpenInvite(list, 'temu', 'Ana')?.id).toBe('temu');
    // Composed and decomposed "José" are one name.
    const jose = [invite('j', { nickname: 'Jos\u00e9' })];
    expect(findOpenInvite(jose, 'aliexpress', 'Jose\u0301')?.id).toBe('j');
  });

  it('ignores ended invites, other names, invites without a name, and an empty name', () => {
    const ended: InviteStatus[] = ['coupon_received', 'ineligible', 'expired', 'clawed_back'];
    const list = [
      ...ended.map((status, i) => invite(`e${i}`, { status })),
      invite('bruno', { nickname: 'Bruno' }),
      invite('nameless', { nickname: undefined }),
    ];
    expect(findOpenInvite(list, 'aliexpress', 'Ana')).toBeUndefined();
    expect(findOpenInvite(list, 'aliexpress', '   ')).toBeUndefined();
    expect(findOpenInvite(list, 'aliexpress', undefined)).toBeUndefined();
    expect(nicknameKey('  Ana   María ')).toBe('ana maría');
  });
});

describe('followUpStage', () => {
  it.each([
    ['shared', 'not_registered'],
    ['registered', 'registered'],
    ['first_purchase', 'ordered'],
    ['reward_pending', 'ordered'],
  ] as const)('%s → %s', (status, stage) => {
    expect(followUpStage({ status })).toBe(stage);
  });
});

describe('addReminder', () => {
  it('adds a reminder to an open invite; the same id again changes nothing', () => {
    const a = invite('a');
    const first = addReminder(a, { id: 'r1', at: 2000, channel: 'sms' });
    expect(first).toEqual({
      ok: true,
      invite: { ...a, reminders: [{ id: 'r1', at: 2000, channel: 'sms' }], updatedAt: 2000 },
    });
    if (!first.ok) return;
    const again = addReminder(first.invite, { id: 'r1', at: 3000, channel: 'email' });
    expect(again.ok && again.invite).toBe(first.invite);
  });

  it('refuses a reminder for an ended invite, and one too many', () => {
    expect(addReminder(invite('a', { status: 'coupon_received' }), { id: 'r', at: 1, channel: 'sms' })).toEqual({
      ok: false,
      reason: 'not_open',
    });
    const full = invite('b', {
      reminders: Array.from({ length: MAX_REMINDERS }, (_, i) => ({ id: `r${i}`, at: i, channel: 'sms' as const })),
    });
    expect(addReminder(full, { id: 'new', at: 1, channel: 'sms' })).toEqual({ ok: false, reason: 'too_many' });
  });
});
