import type { Program } from '@/lib/referral/types';
import type { CouponsResult } from '../couponCards';
import type { InviteLinkResult } from '../inviteLink';

/**
 * Reads a program's own pages: the invite link on its "Invite friends" page and the coupons in its coupon
 * wallet. Pure functions over a document (no browser API), so each is tested on a saved fixture page.
 */
export interface PageAdapter {
  program: Program;
  findInviteLink(doc: ParentNode): InviteLinkResult;
  /** `now` dates year-less and relative expiries ("Dec 31", "in 3 days"). */
  findCoupons(doc: ParentNode, now: number): CouponsResult;
}
