import { type CapStatus, capStatus } from './cap';
import type { Invite, InviteStatus, Program } from './types';

/** What the share card can say about a program's invites so far (the `shareFacts` command's reply). */
export interface ShareFacts {
  cap: CapStatus;
  friendsJoined: number;
  couponsEarned: number;
}

/**
 * Statuses of a friend who joined through the link: registered and everything after on the positive chain, and
 * clawed_back (that friend did register and order; it was the reward that was taken back). Left out: 'shared' (not
 * yet), 'ineligible' (already had an account, so not joined through the link) and 'expired' (the link ran out
 * before they got going, and the program no longer counts them even if they had registered).
 */
const JOINED: ReadonlySet<InviteStatus> = new Set([
  'registered',
  'first_purchase',
  'reward_pending',
  'coupon_received',
  'clawed_back',
]);

/**
 * Facts for the share card about `program`, from the invites (others' are ignored): its monthly cap at `now` in the
 * user's `timeZone`, how many friends joined (see JOINED), and how many invites earned a coupon — status
 * 'coupon_received' only, so a reward taken back (clawed_back) is not counted, as in the stats.
 */
export function shareFacts(program: Program, invites: Invite[], now: number, timeZone: string): ShareFacts {
  const own = invites.filter((i) => i.programId === program.id);
  return {
    cap: capStatus(program, own, now, timeZone),
    friendsJoined: own.filter((i) => JOINED.has(i.status)).length,
    couponsEarned: own.filter((i) => i.status === 'coupon_received').length,
  };
}
