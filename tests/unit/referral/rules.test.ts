import { describe, expect, it } from 'vitest';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { computeDueAt, evaluateDue } from '@/lib/referral/rules';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { DAY, HOUR, MINUTE } from '@/lib/referral/time';
import type { Invite, ObservedStatus, Program, Settings } from '@/lib/referral/types';

const T0 = Date.UTC(2025, 2, 10, 14, 5);
const settings = DEFAULT_SETTINGS;
const expiring: Program = { ...aliexpress, id: 'exp', rules: { ...aliexpress.rules, linkValidityMs: 7 * DAY } };

function invite(program: Program = aliexpress, nickname?: string, s: Settings = settings): Invite {
  return newInvite({ id: 'inv1', programId: program.id, linkId: 'l', channel: 'sms', now: T0, nickname }, program, s);
}

function withStatus(status: ObservedStatus, at: number, program: Program = aliexpress, nickname?: string): Invite {
  const e = { key: `k:${status}`, inviteId: 'inv1', status, at, source: 'capture' as const };
  return applyEvent(invite(program, nickname), e, program, settings, at).invite;
}

describe('computeDueAt', () => {
  it.each<[string, () => Invite, Program, Settings, number | undefined]>([
    ['follow-up of a fresh share', () => invite(), aliexpress, settings, T0 + 3 * DAY],
    ['follow-up off', () => invite(), aliexpress, { ...settings, followUpDays: 0 }, undefined],
    ['follow-up already sent', () => ({ ...invite(), followUpSentAt: T0 + 3 * DAY }), aliexpress, settings, undefined],
    ['expiry before the follow-up', () => invite(expiring), expiring, { ...settings, followUpDays: 10 }, T0 + 7 * DAY],
    ['registered: expiry only', () => withStatus('registered', T0 + HOUR, expiring), expiring, settings, T0 + 7 * DAY],
    ['registered, no validity', () => withStatus('registered', T0 + HOUR), aliexpress, settings, undefined],
    ['reward awaited', () => withStatus('first_purchase', T0 + HOUR), aliexpress, settings, T0 + 25 * HOUR],
    [
      'overdue already notified',
      () => ({ ...withStatus('first_purchase', T0 + HOUR), overdueNotifiedAt: T0 + 26 * HOUR }),
      aliexpress,
      settings,
      undefined,
    ],
    ['coupon received', () => withStatus('coupon_received', T0 + HOUR), aliexpress, settings, undefined],
    ['ineligible', () => withStatus('ineligible', T0 + HOUR, expiring), expiring, settings, undefined],
  ])('%s', (_label, make, program, s, expected) => {
    expect(computeDueAt(make(), program, s)).toBe(expected);
  });
});

describe('evaluateDue', () => {
  it('does nothing before anything is due', () => {
    const inv = invite();
    const r = evaluateDue(inv, aliexpress, settings, T0 + 3 * DAY - MINUTE);
    expect(r).toEqual({ invite: inv, events: [], effects: [] });
    expect(r.invite).toBe(inv);
  });

  it('reminds the user (not the friend) once, then waits for nothing', () => {
    const now = T0 + 3 * DAY + HOUR;
    const r = evaluateDue(invite(aliexpress, 'Ana'), aliexpress, settings, now);
    expect(r.events).toEqual([]);
    expect(r.effects).toEqual([
      {
        kind: 'notify',
        notification: 'follow_up',
        key: 'follow_up:inv1',
        inviteId: 'inv1',
        title: 'Did Ana sign up?',
        message:
          "You shared your AliExpress invite with Ana on March 10, and they haven't registered yet. If they still " +
          'want to join, remind them yourself: RefShare never contacts the people you invite.',
      },
    ]);
    expect(r.invite).toMatchObject({ followUpSentAt: now, updatedAt: now });
    expect(r.invite.dueAt).toBeUndefined();
    expect(evaluateDue(r.invite, aliexpress, settings, now + DAY).effects).toEqual([]);
  });

  it('marks the follow-up handled even when its notification is off', () => {
    const off = { ...settings, notify: { ...settings.notify, follow_up: false } };
    const r = evaluateDue(invite(), aliexpress, off, T0 + 4 * DAY);
    expect(r.effects).toEqual([]);
    expect(r.invite.followUpSentAt).toBe(T0 + 4 * DAY);
  });

  it('observes expiry as a rule event the caller applies; after that nothing is due', () => {
    const s = { ...settings, followUpDays: 0 };
    const inv = invite(expiring, undefined, s);
    const now = T0 + 7 * DAY + HOUR;
    const r = evaluateDue(inv, expiring, s, now);
    expect(r.events).toEqual([
      { key: 'rule:expired:inv1', inviteId: 'inv1', status: 'expired', at: T0 + 7 * DAY, source: 'rule' },
    ]);
    expect(r.effects).toEqual([]);
    const [expiry] = r.events;
    if (!expiry) throw new Error('no expiry event');
    const applied = applyEvent(r.invite, expiry, expiring, s, now).invite;
    expect(applied.status).toBe('expired');
    expect(applied.dueAt).toBeUndefined();
    expect(evaluateDue(applied, expiring, s, now + DAY).events).toEqual([]);
  });

  it('skips the follow-up notice when the link expires at the same time', () => {
    const s = { ...settings, followUpDays: 7 };
    const r = evaluateDue(invite(expiring, undefined, s), expiring, s, T0 + 7 * DAY);
    expect(r.events.map((e) => e.status)).toEqual(['expired']);
    expect(r.effects).toEqual([]);
    expect(r.invite.followUpSentAt).toBe(T0 + 7 * DAY);
  });

  it('flags an overdue reward once (the dashboard composes the message for support)', () => {
    const paid = T0 + HOUR;
    const inv = withStatus('first_purchase', paid, aliexpress, 'Ana');
    const now = paid + 25 * HOUR;
    const r = evaluateDue(inv, aliexpress, settings, now);
    expect(r.effects).toHaveLength(1);
    const effect = r.effects[0];
    expect(effect).toMatchObject({
      kind: 'notify',
      notification: 'reward_overdue',
      key: `reward_overdue:inv1:${paid + 24 * HOUR}`,
      inviteId: 'inv1',
      title: 'AliExpress coupon overdue',
      message:
        "Ana's first payment was at 15:05 yesterday; the coupon was due within 24 h, by 15:05 today. You can ask AliExpress support.",
    });
    // The worker carries none of the support message's wording (its size budget); see supportMessage.test.ts.
    expect(effect).not.toHaveProperty('supportMessage');
    expect(r.invite.overdueNotifiedAt).toBe(now);
    expect(r.invite.dueAt).toBeUndefined();
    expect(evaluateDue(r.invite, aliexpress, settings, now + DAY).effects).toEqual([]);
  });

  it('writes notices in the user locale and time zone', () => {
    const inv = withStatus('first_purchase', T0 + HOUR, aliexpress);
    const s: Settings = { ...settings, locale: 'pt', timeZone: 'America/Sao_Paulo' };
    const effect = evaluateDue(inv, aliexpress, s, T0 + 26 * HOUR).effects[0];
    expect(effect).toMatchObject({ title: 'Cupom em atraso (AliExpress)' });
    const text = effect?.kind === 'notify' ? effect.message : '';
    expect(text).toContain('O primeiro pagamento da pessoa convidada foi ontem às 12:05');
  });

  it('marks an overdue reward handled even when its notification is off', () => {
    const off = { ...settings, notify: { ...settings.notify, reward_overdue: false } };
    const r = evaluateDue(withStatus('reward_pending', T0 + HOUR), aliexpress, off, T0 + 2 * DAY);
    expect(r.effects).toEqual([]);
    expect(r.invite.overdueNotifiedAt).toBe(T0 + 2 * DAY);
  });
});
