import { STATUS_RANK } from '@/lib/referral/status';
import { MINUTE } from '@/lib/referral/time';
import type { Invite, InviteStatus, ObservedStatus, Program, ReferralLink, StatusEvent } from '@/lib/referral/types';
import type { FeedEvent, FeedEventType, FeedRefusal } from './feedEvent';

/** The status each feed event reports: a refund means the friend does not count (no reward, or none kept). */
const STATUS_OF: Record<FeedEventType, ObservedStatus> = {
  registered: 'registered',
  first_purchase: 'first_purchase',
  coupon_issued: 'coupon_received',
  refunded: 'ineligible',
};

/**
 * Statuses that end an invite. The engine ranks 'expired' below 'first_purchase' and 'ineligible' below
 * 'coupon_received' (so late evidence can still win), but a feed event is not matched TO an ended invite: it is
 * far likelier to be about a live one.
 */
const ENDED: ReadonlySet<InviteStatus> = new Set(['expired', 'ineligible', 'coupon_received', 'clawed_back']);

/** As in the engine (lib/referral/invites.ts): clocks disagree a little, so "shared after it happened" has slack. */
const CLOCK_TOLERANCE = 5 * MINUTE;

/** The idempotency key of a feed event: the same event of the same feed is the same observation, forever. */
export function feedEventKey(feedId: string, eventId: string): string {
  return `feed:${feedId}:${eventId}`;
}

/**
 * A feed's id, derived from its address: removing a feed and adding it again gives the same id, so the event keys
 * `feed:<id>:<event id>` stored the first time still mark its events as seen when the re-added feed (read again
 * from the start, without a cursor) serves them again; a fresh random id would let old events be matched anew,
 * to other invites. A 53-bit hash (cyrb53) rather than the address itself, because keys go into backups and an
 * address may carry a token.
 */
export function feedIdFor(url: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `feed-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/** Nicknames compare as a person reads them: case, surrounding spaces and compatibility forms ignored. */
function sameName(a: string): string {
  return a.normalize('NFKC').trim().toLowerCase();
}

export interface MatchInput {
  feedId: string;
  events: readonly FeedEvent[];
  /** Every program the user has (built-in and custom). */
  programs: readonly Program[];
  /** The user's links of the events' programs, and every invite of those links. */
  links: readonly ReferralLink[];
  invites: readonly Invite[];
  /** Keys of this feed's events stored before, with the invite each went to (a replay goes there again). */
  known: ReadonlyMap<string, string>;
}

/**
 * Turns feed events into status events for the user's invites. The rules, in order:
 * 1. An event whose key was stored before goes to the same invite again: the engine sees a replay and changes
 *    nothing. (Matching afresh could pick another invite once the first one has moved on.)
 * 2. The event's program must be one of the user's programs (built-in or custom).
 * 3. `invite.code`, when given, must be the referral code of one of the user's links of that program, and
 *    narrows to invites shared with that link (exact match, after trimming). Without a code, every link counts.
 * 4. `invite.nickname`, when given, narrows to invites with that nickname (case-insensitive, trimmed, NFKC).
 * 5. Of those, only invites this step would move forward: not ended (expired, ineligible, coupon received,
 *    clawed back), below the reported status, and shared before the event happened (5 min of clock slack).
 *    Events earlier in the same page count, so "registered" then "first purchase" land on the same invite.
 * 6. The invite furthest along wins (a refund or a coupon belongs to an invite that had a first purchase rather
 *    than one only shared); among equals, the oldest share, then the smallest id (deterministic).
 * An event left without an invite is refused with a reason; the rest of the page still applies.
 */
export function matchFeedEvents(input: MatchInput): {
  events: StatusEvent[];
  eventIds: string[];
  refused: FeedRefusal[];
  replays: number;
} {
  const live = new Map(input.invites.map((i) => [i.id, i]));
  const byLink = new Map<string, Invite[]>();
  for (const i of input.invites) byLink.set(i.linkId, [...(byLink.get(i.linkId) ?? []), i]);
  const projected = new Map<string, InviteStatus>();
  const events: StatusEvent[] = [];
  const eventIds: string[] = [];
  const refused: FeedRefusal[] = [];
  let replays = 0;

  for (const e of input.events) {
    const key = feedEventKey(input.feedId, e.id);
    const status = STATUS_OF[e.type];
    const refuse = (why: string) => refused.push({ id: e.id, reason: `No invite matches: ${why}` });
    const take = (inviteId: string) => {
      events.push({ key, inviteId, status, at: e.at, source: 'feed', ...(e.coupon && { coupon: e.coupon }) });
      eventIds.push(e.id);
    };
    const before = input.known.get(key);
    if (before !== undefined) {
      if (live.has(before)) take(before);
      // Seen before, and its invite deleted since: nothing to do.
      else replays++;
      continue;
    }
    const program = input.programs.find((p) => p.id === e.program);
    if (!program) {
      refuse(`"${e.program}" is not one of your programs.`);
      continue;
    }
    const { code, nickname } = e.invite;
    const links = input.links.filter((l) => l.programId === program.id && (code === undefined || l.code === code));
    if (links.length === 0) {
      refuse(
        code === undefined
          ? `you have no ${program.name} link.`
          : `none of your ${program.name} links has the code "${code}".`,
      );
      continue;
    }
    let pool = links.flatMap((l) => byLink.get(l.id) ?? []);
    if (nickname !== undefined) pool = pool.filter((i) => i.nickname && sameName(i.nickname) === sameName(nickname));
    const whose = nickname === undefined ? '' : ` for "${nickname}"`;
    if (pool.length === 0) {
      refuse(`you have no ${program.name} invite${whose}${code === undefined ? '' : ` with code "${code}"`}.`);
      continue;
    }
    const rank = STATUS_RANK[status];
    const statusOf = (i: Invite) => projected.get(i.id) ?? i.status;
    const movable = pool
      .filter((i) => !ENDED.has(statusOf(i)) && STATUS_RANK[statusOf(i)] < rank && i.sharedAt <= e.at + CLOCK_TOLERANCE)
      .sort(
        (a, b) =>
          STATUS_RANK[statusOf(b)] - STATUS_RANK[statusOf(a)] ||
          a.sharedAt - b.sharedAt ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    const chosen = movable[0];
    if (!chosen) {
      refuse(`no ${program.name} invite${whose} shared before then is waiting for "${e.type}".`);
      continue;
    }
    projected.set(chosen.id, status);
    take(chosen.id);
  }
  return { events, eventIds, refused, replays };
}
