import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { HOUR, MINUTE } from '@/lib/referral/time';
import type { Invite, InviteStatus, ReferralLink } from '@/lib/referral/types';
import type { FeedEvent } from '@/lib/statusSources/feedEvent';
import { feedEventKey, type MatchInput, matchFeedEvents } from '@/lib/statusSources/feedMatch';

const T = Date.UTC(2026, 10, 20);
const L1 = 'IN7XK2P9';

const link = (id: string, code?: string, programId = 'aliexpress'): ReferralLink => ({
  id,
  programId,
  url: `https://example.com/${id}`,
  ...(code && { code }),
  label: id,
  primary: 0,
  createdAt: T,
  updatedAt: T,
});

const invite = (id: string, over: Partial<Invite> = {}): Invite => ({
  id,
  programId: 'aliexpress',
  linkId: 'l1',
  channel: 'sms',
  sharedAt: T,
  status: 'shared',
  milestones: {},
  evidence: [],
  rejected: [],
  updatedAt: T,
  ...over,
});

const ev = (id: string, type: FeedEvent['type'], invite: FeedEvent['invite'] = {}, at = T + HOUR): FeedEvent => ({
  id,
  program: 'aliexpress',
  invite,
  type,
  at,
  ...(type === 'coupon_issued' && { coupon: { title: 'US $3 off', value: 3, currency: 'USD' } }),
});

function match(events: FeedEvent[], invites: Invite[], over: Partial<MatchInput> = {}) {
  return matchFeedEvents({
    feedId: 'f1',
    events,
    programs: BUILT_IN_PROGRAMS,
    links: [link('l1', 'IN7XK2P9'), link('l2', 'INZZZZ99')],
    invites,
    known: new Map(),
    ...over,
  });
}

const targets = (r: ReturnType<typeof match>) => r.events.map((e) => [e.inviteId, e.status]);

describe('matchFeedEvents', () => {
  it('maps the four event types to statuses, keyed feed:<feed>:<event id>, with the event’s time and coupon', () => {
    const r = match(
      [
        ev('a', 'registered'),
        ev('b', 'first_purchase'),
        ev('c', 'coupon_issued'),
        ev('d', 'refunded', {}, T + 2 * HOUR),
      ],
      [invite('i1'), invite('i2', { sharedAt: T + 1, status: 'first_purchase' })],
    );
    expect(r.refused).toEqual([]);
    expect(r.events[0]).toEqual({
      key: 'feed:f1:a',
      inviteId: 'i1',
      status: 'registered',
      at: T + HOUR,
      source: 'feed',
    });
    expect(r.eventIds).toEqual(['a', 'b', 'c', 'd']);
    expect(targets(r)).toEqual([
      ['i1', 'registered'],
      // i1 is now registered (earlier in the page), i2 already past first purchase: i1 moves on.
      ['i1', 'first_purchase'],
      // Both at first purchase now: the oldest share gets the coupon.
      ['i1', 'coupon_received'],
      // i1 has its coupon (ended); the refund belongs to the other invite with a first purchase.
      ['i2', 'ineligible'],
    ]);
    expect(r.events[2]?.coupon).toEqual({ title: 'US $3 off', value: 3, currency: 'USD' });
    expect(feedEventKey('f1', 'a')).toBe('feed:f1:a');
  });

  it('registered goes to the oldest invite still only shared', () => {
    const invites = [
      invite('new', { sharedAt: T + 2 }),
      invite('old', { sharedAt: T }),
      invite('reg', { status: 'registered' }),
    ];
    expect(targets(match([ev('a', 'registered'), ev('b', 'registered')], invites))).toEqual([
      ['old', 'registered'],
      ['new', 'registered'],
    ]);
  });

  it('prefers the invite furthest along: a refund or a coupon belongs to one with a first purchase', () => {
    const invites = [invite('shared-old'), invite('bought', { sharedAt: T + 5, status: 'first_purchase' })];
    expect(targets(match([ev('a', 'refunded')], invites))).toEqual([['bought', 'ineligible']]);
    expect(targets(match([ev('a', 'coupon_issued')], invites))).toEqual([['bought', 'coupon_received']]);
  });

  it('the code narrows to invites of the link with that code; the nickname (case, spaces, NFKC) narrows further', () => {
    const invites = [
      invite('ana-l1', { nickname: 'Ana' }),
      invite('ana-l2', { linkId: 'l2', nickname: 'Ana' }),
      invite('bo-l2', { linkId: 'l2', nickname: 'Ｂｏ' }),
    ];
    expect(targets(match([ev('a', 'registered', { code: 'INZZZZ99' })], invites))).toEqual([['ana-l2', 'registered']]);
    expect(targets(match([ev('a', 'registered', { code: 'INZZZZ99', nickname: '  bo ' })], invites))).toEqual([
      ['bo-l2', 'registered'],
    ]);
    expect(targets(match([ev('a', 'registered', { nickname: 'ANA' })], invites))).toEqual([['ana-l1', 'registered']]);
  });

  it.each<[string, FeedEvent, Invite[], RegExp]>([
    [
      'an unknown program',
      { ...ev('a', 'registered'), program: 'custom:gone' },
      [invite('i1')],
      /"custom:gone" is not one of your programs/,
    ],
    ['a program without links', { ...ev('a', 'registered'), program: 'temu' }, [invite('i1')], /you have no Temu link/],
    [
      'a code of no link',
      ev('a', 'registered', { code: 'INNOPE00' }),
      [invite('i1')],
      /none of your AliExpress links has the code "INNOPE00"/,
    ],
    [
      'a nickname of no invite',
      ev('a', 'registered', { code: L1, nickname: 'Zoe' }),
      [invite('i1', { nickname: 'Ana' })],
      /no AliExpress invite for "Zoe"/,
    ],
    [
      'an invite already past the step',
      ev('a', 'registered', { code: L1 }),
      [invite('i1', { status: 'first_purchase' })],
      /waiting for "registered"/,
    ],
    [
      'an ended invite',
      ev('a', 'coupon_issued', { code: L1 }),
      [invite('i1', { status: 'ineligible' })],
      /waiting for "coupon_issued"/,
    ],
    ['an expired invite', ev('a', 'first_purchase', { code: L1 }), [invite('i1', { status: 'expired' })], /waiting/],
    [
      'an invite shared after the event',
      ev('a', 'registered', { code: L1 }, T - 6 * MINUTE),
      [invite('i1')],
      /shared before then/,
    ],
  ])('refuses an event for %s, with the reason, and matches the rest', (_name, event, invites, reason) => {
    const spare = invite('spare', { linkId: 'l2', sharedAt: T - HOUR });
    const r = match([event, ev('ok', 'registered', { code: 'INZZZZ99' })], [...invites, spare]);
    expect(r.refused).toEqual([{ id: 'a', reason: expect.stringMatching(/^No invite matches: /) }]);
    expect(r.refused[0]?.reason).toMatch(reason);
    expect(targets(r)).toEqual([['spare', 'registered']]);
  });

  it('allows 5 minutes of clock slack between the share and the event', () => {
    expect(targets(match([ev('a', 'registered', {}, T - 4 * MINUTE)], [invite('i1')]))).toEqual([['i1', 'registered']]);
  });

  it('sends an event seen before to the invite it went to, even when another now fits better', () => {
    const moved = invite('first', { status: 'registered' as InviteStatus });
    const r = match([ev('a', 'registered')], [moved, invite('second', { sharedAt: T + 1 })], {
      known: new Map([['feed:f1:a', 'first']]),
    });
    expect(targets(r)).toEqual([['first', 'registered']]);
  });

  it('skips an event seen before whose invite is gone, as a replay', () => {
    const r = match([ev('a', 'registered')], [invite('other')], { known: new Map([['feed:f1:a', 'deleted']]) });
    expect(r).toMatchObject({ events: [], refused: [], replays: 1 });
  });
});

/**
 * The rules as the docs state them, applied the plain way (every invite of the links filtered and sorted per event):
 * the indexed matcher must pick exactly what this picks, on any page.
 */
function referenceMatch(input: MatchInput): Array<[string, string] | string> {
  const rank: Record<InviteStatus, number> = {
    shared: 0,
    registered: 1,
    expired: 2,
    first_purchase: 3,
    reward_pending: 4,
    ineligible: 5,
    coupon_received: 6,
    clawed_back: 7,
  };
  const ended = new Set<InviteStatus>(['expired', 'ineligible', 'coupon_received', 'clawed_back']);
  const statusOf: Record<FeedEvent['type'], InviteStatus> = {
    registered: 'registered',
    first_purchase: 'first_purchase',
    coupon_issued: 'coupon_received',
    refunded: 'ineligible',
  };
  const name = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  const now = new Map(input.invites.map((i) => [i.id, i.status]));
  const out: Array<[string, string] | string> = [];
  for (const e of input.events) {
    const links = input.links.filter(
      (l) => l.programId === e.program && (e.invite.code === undefined || l.code === e.invite.code),
    );
    const target = statusOf[e.type];
    const pick = input.invites
      .filter((i) => links.some((l) => l.id === i.linkId))
      .filter((i) => e.invite.nickname === undefined || (i.nickname && name(i.nickname) === name(e.invite.nickname)))
      .filter((i) => {
        const s = now.get(i.id) as InviteStatus;
        return !ended.has(s) && rank[s] < rank[target] && i.sharedAt <= e.at + 5 * MINUTE;
      })
      .sort((a, b) => {
        const ra = rank[now.get(a.id) as InviteStatus];
        const rb = rank[now.get(b.id) as InviteStatus];
        return rb - ra || a.sharedAt - b.sharedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      })[0];
    if (pick) {
      now.set(pick.id, target);
      out.push([pick.id, target]);
    } else out.push(`refused ${e.id}`);
  }
  return out;
}

describe('matchFeedEvents on generated pages', () => {
  it('picks exactly the invite the plain rules pick, event after event (indexed matching changes no answer)', () => {
    const statuses: InviteStatus[] = [
      'shared',
      'registered',
      'first_purchase',
      'reward_pending',
      'coupon_received',
      'ineligible',
      'expired',
      'clawed_back',
    ];
    const nicknames = ['Ana', ' ana ', 'ＡＮＡ', 'Bo', 'Cy'];
    const inviteArb = fc.record({
      linkId: fc.constantFrom('l1', 'l2', 'l3'),
      status: fc.constantFrom(...statuses),
      sharedAt: fc.integer({ min: 0, max: 6 }).map((h) => T + h * HOUR),
      nickname: fc.option(fc.constantFrom(...nicknames), { nil: undefined }),
    });
    const eventArb = fc.record({
      type: fc.constantFrom<FeedEvent['type']>('registered', 'first_purchase', 'coupon_issued', 'refunded'),
      code: fc.option(fc.constantFrom('IN7XK2P9', 'INZZZZ99', 'NOPE'), { nil: undefined }),
      nickname: fc.option(fc.constantFrom(...nicknames), { nil: undefined }),
      at: fc.integer({ min: -1, max: 7 }).map((h) => T + h * HOUR),
    });
    fc.assert(
      fc.property(fc.array(inviteArb, { maxLength: 40 }), fc.array(eventArb, { maxLength: 40 }), (rows, evs) => {
        const invites = rows.map((r, n) =>
          invite(`i${String(n).padStart(2, '0')}`, {
            linkId: r.linkId,
            status: r.status,
            sharedAt: r.sharedAt,
            ...(r.nickname !== undefined && { nickname: r.nickname }),
          }),
        );
        const events = evs.map((v, n) =>
          ev(
            `e${n}`,
            v.type,
            {
              ...(v.code !== undefined && { code: v.code }),
              ...(v.nickname !== undefined && { nickname: v.nickname }),
            },
            v.at,
          ),
        );
        const input: MatchInput = {
          feedId: 'f1',
          events,
          programs: BUILT_IN_PROGRAMS,
          links: [link('l1', 'IN7XK2P9'), link('l2', 'INZZZZ99'), link('l3', 'IN7XK2P9')],
          invites,
          known: new Map(),
        };
        const r = matchFeedEvents(input);
        const refused = new Set(r.refused.map((x) => x.id));
        const got: Array<[string, string] | string> = [];
        let k = 0;
        for (const e of events) {
          if (refused.has(e.id)) got.push(`refused ${e.id}`);
          else {
            const m = r.events[k++];
            got.push([m?.inviteId ?? '', m?.status ?? '']);
          }
        }
        expect(got).toEqual(referenceMatch(input));
      }),
      { numRuns: 300 },
    );
  });
});
