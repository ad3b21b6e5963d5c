import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, newInvite, setStatusEvent } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { STATUS_RANK } from '@/lib/referral/status';
import { DAY, HOUR, MINUTE } from '@/lib/referral/time';
import type { EventSource, Invite, ObservedStatus, Program, StatusEvent } from '@/lib/referral/types';

const T0 = Date.UTC(2025, 2, 10, 12, 0);
const NOW = T0 + 5 * DAY;
const settings = DEFAULT_SETTINGS;
/** A program that keeps rewards for cancelled orders and whose links expire after a week. */
const lenient: Program = {
  ...temu,
  id: 'lenient',
  rules: { ...temu.rules, cancelledOrderVoidsReward: false, linkValidityMs: 7 * DAY },
};

function fresh(program: Program = aliexpress, nickname?: string): Invite {
  return newInvite(
    { id: 'inv1', programId: program.id, linkId: 'l1', channel: 'whatsapp', now: T0, nickname },
    program,
  );
}

function ev(key: string, status: ObservedStatus, at: number, source: EventSource = 'capture'): StatusEvent {
  return { key, inviteId: 'inv1', status, at, source };
}

function applyAll(events: StatusEvent[], program: Program = aliexpress, now = NOW): Invite {
  return events.reduce((inv, e) => applyEvent(inv, e, program, settings, now).invite, fresh(program));
}

const keys = (list: { key: string }[]) => list.map((e) => e.key);

describe('applyEvent: event sequences', () => {
  it.each<[string, StatusEvent[], string, Record<string, number>, string[]]>([
    ['nothing yet', [], 'shared', {}, []],
    ['registration', [ev('r', 'registered', T0 + HOUR)], 'registered', { registered: T0 + HOUR }, []],
    [
      'first purchase implies registration',
      [ev('p', 'first_purchase', T0 + 2 * HOUR)],
      'first_purchase',
      { registered: T0 + 2 * HOUR, first_purchase: T0 + 2 * HOUR },
      [],
    ],
    [
      'the whole happy path',
      [
        ev('r', 'registered', T0 + HOUR),
        ev('p', 'first_purchase', T0 + 2 * HOUR),
        ev('c', 'coupon_received', T0 + 10 * HOUR),
      ],
      'coupon_received',
      {
        registered: T0 + HOUR,
        first_purchase: T0 + 2 * HOUR,
        reward_pending: T0 + 10 * HOUR,
        coupon_received: T0 + 10 * HOUR,
      },
      [],
    ],
    [
      'coupon, then a late "ineligible"',
      [ev('c', 'coupon_received', T0 + 10 * HOUR), ev('i', 'ineligible', T0 + 12 * HOUR)],
      'coupon_received',
      {
        registered: T0 + 10 * HOUR,
        first_purchase: T0 + 10 * HOUR,
        reward_pending: T0 + 10 * HOUR,
        coupon_received: T0 + 10 * HOUR,
      },
      ['i'],
    ],
    [
      'registered, then expired',
      [ev('r', 'registered', T0 + HOUR), ev('x', 'expired', T0 + 2 * DAY)],
      'expired',
      { registered: T0 + HOUR, expired: T0 + 2 * DAY },
      [],
    ],
    [
      'expired, then a purchase proves it was not',
      [ev('x', 'expired', T0 + DAY), ev('p', 'first_purchase', T0 + 2 * DAY)],
      'first_purchase',
      { registered: T0 + 2 * DAY, first_purchase: T0 + 2 * DAY },
      ['x'],
    ],
    [
      'purchase, coupon, clawback',
      [
        ev('p', 'first_purchase', T0 + HOUR),
        ev('c', 'coupon_received', T0 + 5 * HOUR),
        ev('k', 'clawed_back', T0 + 3 * DAY),
      ],
      'clawed_back',
      {
        registered: T0 + HOUR,
        first_purchase: T0 + HOUR,
        reward_pending: T0 + 5 * HOUR,
        coupon_received: T0 + 5 * HOUR,
        clawed_back: T0 + 3 * DAY,
      },
      [],
    ],
    ['ineligible alone', [ev('i', 'ineligible', T0 + HOUR)], 'ineligible', { ineligible: T0 + HOUR }, []],
    [
      'ineligible after a purchase keeps the purchase',
      [ev('p', 'first_purchase', T0 + HOUR), ev('i', 'ineligible', T0 + 2 * HOUR)],
      'ineligible',
      { registered: T0 + HOUR, first_purchase: T0 + HOUR, ineligible: T0 + 2 * HOUR },
      [],
    ],
    [
      'ineligible, then expired: expiry contradicts it',
      [ev('i', 'ineligible', T0 + HOUR), ev('x', 'expired', T0 + 2 * DAY)],
      'ineligible',
      { ineligible: T0 + HOUR },
      ['x'],
    ],
    ['dated before the share', [ev('r', 'registered', T0 - 10 * MINUTE)], 'shared', {}, ['r']],
    [
      'within clock tolerance of the share',
      [ev('r', 'registered', T0 - 2 * MINUTE)],
      'registered',
      { registered: T0 - 2 * MINUTE },
      [],
    ],
    ['dated more than a day ahead of now', [ev('p', 'first_purchase', NOW + DAY + MINUTE)], 'shared', {}, ['p']],
    [
      'dated less than a day ahead of now',
      [ev('r', 'registered', NOW + 23 * HOUR)],
      'registered',
      { registered: NOW + 23 * HOUR },
      [],
    ],
  ])('%s', (_label, events, status, milestones, rejected) => {
    const invite = applyAll(events);
    expect(invite.status).toBe(status);
    expect(invite.milestones).toEqual(milestones);
    expect(keys(invite.rejected).sort()).toEqual(rejected.sort());
    expect(keys(invite.evidence).sort()).toEqual(
      keys(events)
        .filter((k) => !rejected.includes(k))
        .sort(),
    );
  });

  it('rejects a clawback from an automatic source when the program keeps rewards, but believes the user', () => {
    const base = [ev('p', 'first_purchase', T0 + HOUR), ev('c', 'coupon_received', T0 + 5 * HOUR)];
    const auto = applyAll([...base, ev('k', 'clawed_back', T0 + DAY, 'feed')], lenient);
    expect(auto.status).toBe('coupon_received');
    expect(auto.rejected).toMatchObject([
      { key: 'k', final: true, reason: expect.stringMatching(/keeps rewards for cancelled orders/) },
    ]);
    const manual = applyAll([...base, ev('k', 'clawed_back', T0 + DAY, 'manual')], lenient);
    expect(manual.status).toBe('clawed_back');
    // AliExpress voids rewards of cancelled orders, so an automatic clawback is fine there.
    expect(applyAll([...base, ev('k', 'clawed_back', T0 + DAY, 'feed')]).status).toBe('clawed_back');
  });

  it('explains contradictions in plain words', () => {
    const first = applyEvent(fresh(), ev('c', 'coupon_received', T0 + HOUR), aliexpress, settings, NOW);
    const r = applyEvent(first.invite, ev('i', 'ineligible', T0 + 2 * HOUR), aliexpress, settings, NOW);
    expect(r.outcome).toEqual({
      result: 'rejected',
      reason: 'A coupon already arrived for this invite, so it cannot be ineligible',
    });
    expect(r.invite.rejected[0]?.final).toBeUndefined();
  });
});

describe('applyEvent: outcomes, derived fields and effects', () => {
  it('reports applied with from/to and stamps updatedAt', () => {
    const r = applyEvent(fresh(), ev('p', 'first_purchase', T0 + HOUR), aliexpress, settings, NOW);
    expect(r.outcome).toEqual({ result: 'applied', from: 'shared', to: 'first_purchase' });
    expect(r.invite.updatedAt).toBe(NOW);
  });

  it('sets rewardDueAt from the earliest first purchase, and drops it once the coupon arrives', () => {
    const late = applyAll([ev('p2', 'first_purchase', T0 + 5 * HOUR)]);
    expect(late.rewardDueAt).toBe(T0 + 29 * HOUR);
    expect(late.dueAt).toBe(T0 + 29 * HOUR);
    const early = applyEvent(late, ev('p1', 'first_purchase', T0 + 2 * HOUR), aliexpress, settings, NOW).invite;
    expect(early.rewardDueAt).toBe(T0 + 26 * HOUR);
    const done = applyEvent(early, ev('c', 'coupon_received', T0 + 20 * HOUR), aliexpress, settings, NOW).invite;
    expect(done.rewardDueAt).toBeUndefined();
    expect(done.dueAt).toBeUndefined();
  });

  it('uses the program delay (Temu: 72 h)', () => {
    expect(applyAll([ev('p', 'first_purchase', T0 + HOUR)], temu).rewardDueAt).toBe(T0 + HOUR + 72 * HOUR);
  });

  it('treats an already-seen key as a duplicate and returns the invite untouched', () => {
    const once = applyAll([ev('r', 'registered', T0 + HOUR), ev('old', 'registered', T0 - DAY)]);
    for (const e of [ev('r', 'registered', T0 + HOUR), ev('old', 'first_purchase', T0 + HOUR)]) {
      const r = applyEvent(once, e, aliexpress, settings, NOW + DAY);
      expect(r.outcome).toEqual({ result: 'duplicate' });
      expect(r.invite).toBe(once);
      expect(r.effects).toEqual([]);
    }
  });

  it('refuses events for another invite, and malformed ones, without touching the invite', () => {
    const invite = fresh();
    const other = applyEvent(invite, { ...ev('r', 'registered', T0), inviteId: 'inv2' }, aliexpress, settings, NOW);
    expect(other).toEqual({ invite, outcome: { result: 'unknown_invite' }, effects: [] });
    const bogus = { ...ev('b', 'registered', T0), status: 'shared' } as unknown as StatusEvent;
    expect(applyEvent(invite, bogus, aliexpress, settings, NOW)).toMatchObject({
      invite,
      outcome: { result: 'rejected' },
    });
    expect(applyEvent(invite, ev('n', 'registered', Number.NaN), aliexpress, settings, NOW).invite).toBe(invite);
  });

  it('asks for a "coupon arrived" notification once, when the status becomes coupon_received', () => {
    const pending = applyAll([ev('p', 'first_purchase', T0 + HOUR)]);
    const coupon = { title: 'Referral reward', value: 3, currency: 'USD' };
    const r = applyEvent(pending, { ...ev('c', 'coupon_received', T0 + 5 * HOUR), coupon }, aliexpress, settings, NOW);
    expect(r.effects).toEqual([
      {
        kind: 'notify',
        notification: 'coupon_arrived',
        key: 'coupon_arrived:inv1',
        inviteId: 'inv1',
        title: 'Coupon arrived',
        message: 'Your AliExpress coupon for inviting your friend has arrived: $3.00 — Referral reward.',
      },
    ]);
    const again = applyEvent(r.invite, ev('c2', 'coupon_received', T0 + 6 * HOUR), aliexpress, settings, NOW);
    expect(again.outcome.result).toBe('applied');
    expect(again.effects).toEqual([]);
    const off = { ...settings, notify: { ...settings.notify, coupon_arrived: false } };
    expect(applyEvent(pending, ev('c', 'coupon_received', T0 + 5 * HOUR), aliexpress, off, NOW).effects).toEqual([]);
  });

  it('does not notify the user of a coupon they recorded themselves', () => {
    const pending = applyAll([ev('p', 'first_purchase', T0 + HOUR)]);
    const manual = { ...ev('c', 'coupon_received', T0 + 5 * HOUR), source: 'manual' as const };
    const r = applyEvent(pending, manual, aliexpress, settings, NOW);
    expect(r.invite.status).toBe('coupon_received');
    expect(r.effects).toEqual([]);
  });
});

describe('newInvite and setStatusEvent', () => {
  it('starts shared, due for the follow-up', () => {
    const invite = fresh(aliexpress, 'Ana');
    expect(invite).toEqual({
      id: 'inv1',
      programId: 'aliexpress',
      linkId: 'l1',
      channel: 'whatsapp',
      nickname: 'Ana',
      sharedAt: T0,
      status: 'shared',
      milestones: {},
      evidence: [],
      rejected: [],
      dueAt: T0 + 3 * DAY,
      updatedAt: T0,
    });
  });

  it('is due at the link expiry when that comes first, and not at all when nothing applies', () => {
    const shortLived = { ...temu, rules: { ...temu.rules, linkValidityMs: DAY } };
    expect(fresh(shortLived).dueAt).toBe(T0 + DAY);
    const quiet = newInvite({ id: 'i', programId: 'temu', linkId: 'l', channel: 'x', now: T0 }, temu, {
      ...settings,
      followUpDays: 0,
    });
    expect(quiet.dueAt).toBeUndefined();
  });

  it('keys a manual status by invite and status, so picking it twice is one observation', () => {
    const e = setStatusEvent({ id: 'inv1' }, 'registered', T0 + HOUR);
    expect(e).toEqual({
      key: 'manual:inv1:registered',
      inviteId: 'inv1',
      status: 'registered',
      at: T0 + HOUR,
      source: 'manual',
    });
    expect(setStatusEvent({ id: 'inv1' }, 'registered', T0 + 2 * HOUR).key).toBe(e.key);
    expect(setStatusEvent({ id: 'inv1' }, 'registered', T0 + 2 * HOUR, T0).at).toBe(T0);
    const once = applyEvent(fresh(), e, aliexpress, settings, NOW).invite;
    const twice = applyEvent(once, setStatusEvent({ id: 'inv1' }, 'registered', NOW), aliexpress, settings, NOW);
    expect(twice.outcome).toEqual({ result: 'duplicate' });
  });
});

const OBSERVED: ObservedStatus[] = [
  'registered',
  'first_purchase',
  'reward_pending',
  'coupon_received',
  'ineligible',
  'expired',
  'clawed_back',
];

/** Event lists with unique keys, times around the share (some before it, some after `NOW`). */
const eventsArb = fc
  .array(
    fc.record({
      status: fc.constantFrom(...OBSERVED),
      offset: fc.integer({ min: -HOUR, max: 7 * DAY }),
      source: fc.constantFrom<EventSource>('manual', 'capture', 'feed', 'rule'),
    }),
    { maxLength: 12 },
  )
  .map((list) => list.map((e, i) => ev(`e${i}`, e.status, T0 + e.offset, e.source)));
const programArb = fc.constantFrom(aliexpress, temu, lenient);

/** The parts of an invite that must not depend on arrival order (updatedAt does, by design). */
function outcome(invite: Invite) {
  const { updatedAt: _ignored, ...rest } = invite;
  return rest;
}

describe('applyEvent properties', () => {
  it('never moves the status backwards', () => {
    fc.assert(
      fc.property(eventsArb, programArb, (events, program) => {
        let invite = fresh(program);
        for (const e of events) {
          const next = applyEvent(invite, e, program, settings, NOW).invite;
          if (STATUS_RANK[next.status] < STATUS_RANK[invite.status]) return false;
          invite = next;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('treats replaying any applied event as a no-op', () => {
    fc.assert(
      fc.property(eventsArb, programArb, fc.nat(), (events, program, pick) => {
        fc.pre(events.length > 0);
        const invite = applyAll(events, program);
        const replayed = events[pick % events.length] as StatusEvent;
        const r = applyEvent(invite, replayed, program, settings, NOW + HOUR);
        expect(r.outcome).toEqual({ result: 'duplicate' });
        expect(r.invite).toStrictEqual(invite);
        expect(r.effects).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('reaches the same state whatever the arrival order (and with replays mixed in)', () => {
    const scenario = eventsArb.chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat(), { maxLength: 6 }),
      ),
    );
    fc.assert(
      fc.property(scenario, programArb, ([events, shuffled, replays], program) => {
        const withReplays = [...shuffled];
        for (const r of replays)
          if (events.length > 0)
            withReplays.splice(r % (withReplays.length + 1), 0, events[r % events.length] as StatusEvent);
        const a = applyAll(events, program);
        const b = applyAll(withReplays, program);
        expect(outcome(b)).toStrictEqual(outcome(a));
      }),
      { numRuns: 500 },
    );
  });
});
