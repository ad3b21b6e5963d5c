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
  const candidates = new CandidateIndex(input.invites);
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
    const linkIds = links.map((l) => l.id);
    const whose = nickname === undefined ? '' : ` for "${nickname}"`;
    if (!candidates.any(linkIds, nickname)) {
      refuse(`you have no ${program.name} invite${whose}${code === undefined ? '' : ` with code "${code}"`}.`);
      continue;
    }
    const chosen = candidates.best(linkIds, nickname, STATUS_RANK[status], e.at + CLOCK_TOLERANCE);
    if (!chosen) {
      refuse(`no ${program.name} invite${whose} shared before then is waiting for "${e.type}".`);
      continue;
    }
    candidates.move(chosen, status);
    take(chosen.id);
  }
  return { events, eventIds, refused, replays };
}

/** The order rule 6 picks in: furthest along first, then the oldest share, then the smallest id. */
function earlier(a: Invite, b: Invite): boolean {
  return a.sharedAt < b.sharedAt || (a.sharedAt === b.sharedAt && a.id < b.id);
}

/**
 * The invites a page of feed events can move, indexed so that matching a page costs about the same per event
 * whatever the number of invites (a naive filter-and-sort of every invite of the link per event made a page of
 * 10,000 updates over 10,000 invites take ~20 s). Per link and live status, invites are kept oldest share first:
 * within one status the head of the list is the best candidate, so picking one looks at one head per
 * (link, status). Invites with a nickname are also listed per link and nickname (compared as `sameName`); a
 * nickname narrows the pool to that short list, which is scanned. Statuses only move up, so an invite that moved
 * is dropped from its old list lazily (when it reaches the head) and inserted into its new one.
 */
class CandidateIndex {
  /** Status of each invite as this page has moved it so far. */
  private readonly status = new Map<string, InviteStatus>();
  /** `${linkId}\u0000${status}` → live invites, oldest share first (entries whose status moved on are stale). */
  private readonly lists = new Map<string, { items: Invite[]; start: number }>();
  /** `${linkId}\u0000${sameName(nickname)}` → that link's invites with that nickname. */
  private readonly named = new Map<string, Invite[]>();
  /** Links that have at least one invite. */
  private readonly used = new Set<string>();

  constructor(invites: readonly Invite[]) {
    const sorted = [...invites].sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
    for (const i of sorted) {
      this.status.set(i.id, i.status);
      this.used.add(i.linkId);
      if (!ENDED.has(i.status)) this.list(`${i.linkId}\u0000${i.status}`).items.push(i);
      if (i.nickname) push(this.named, `${i.linkId}\u0000${sameName(i.nickname)}`, i);
    }
  }

  /** Whether the links hold any invite at all (with that nickname, when given), whatever its status. */
  any(linkIds: readonly string[], nickname: string | undefined): boolean {
    if (nickname === undefined) return linkIds.some((l) => this.used.has(l));
    const name = sameName(nickname);
    return linkIds.some((l) => (this.named.get(`${l}\u0000${name}`)?.length ?? 0) > 0);
  }

  /** Rule 5 and 6: the best invite of these links below `rank`, not ended, shared by `sharedBy`. */
  best(linkIds: readonly string[], nickname: string | undefined, rank: number, sharedBy: number): Invite | undefined {
    let chosen: Invite | undefined;
    let chosenRank = -1;
    const consider = (i: Invite, r: number) => {
      if (!chosen || r > chosenRank || (r === chosenRank && earlier(i, chosen))) {
        chosen = i;
        chosenRank = r;
      }
    };
    if (nickname !== undefined) {
      const name = sameName(nickname);
      for (const l of linkIds) {
        for (const i of this.named.get(`${l}\u0000${name}`) ?? []) {
          const s = this.status.get(i.id) ?? i.status;
          if (!ENDED.has(s) && STATUS_RANK[s] < rank && i.sharedAt <= sharedBy) consider(i, STATUS_RANK[s]);
        }
      }
      return chosen;
    }
    for (const s of MOVABLE) {
      const r = STATUS_RANK[s];
      if (r >= rank) continue;
      for (const l of linkIds) {
        const head = this.head(`${l}\u0000${s}`, s);
        if (head && head.sharedAt <= sharedBy) consider(head, r);
      }
    }
    return chosen;
  }

  /** Records that this page moves `invite` to `status`. */
  move(invite: Invite, status: InviteStatus): void {
    this.status.set(invite.id, status);
    if (ENDED.has(status)) return;
    const { items, start } = this.list(`${invite.linkId}\u0000${status}`);
    // Binary search for the place that keeps the list oldest first.
    let lo = start;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (earlier(items[mid] as Invite, invite)) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, invite);
  }

  /** The oldest invite still in `status` on that list, dropping the ones that moved on. */
  private head(key: string, status: InviteStatus): Invite | undefined {
    const list = this.lists.get(key);
    if (!list) return undefined;
    while (list.start < list.items.length && this.status.get((list.items[list.start] as Invite).id) !== status) {
      list.start++;
    }
    return list.items[list.start];
  }

  private list(key: string): { items: Invite[]; start: number } {
    let list = this.lists.get(key);
    if (!list) {
      list = { items: [], start: 0 };
      this.lists.set(key, list);
    }
    return list;
  }
}

/** Statuses an invite can still move on from (not ENDED). */
const MOVABLE: readonly InviteStatus[] = (Object.keys(STATUS_RANK) as InviteStatus[]).filter((s) => !ENDED.has(s));

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
