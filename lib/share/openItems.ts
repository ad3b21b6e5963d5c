import { couponState } from '@/lib/referral/coupons';
import type { Coupon, Invite, InviteStatus } from '@/lib/referral/types';

/** Statuses of invites still waiting for something (the popup's "pending" list). */
const OPEN_STATUSES: ReadonlySet<InviteStatus> = new Set(['shared', 'registered', 'first_purchase', 'reward_pending']);

/** Whether an invite is still open (not rewarded, refused or expired). */
export function isOpenInvite(invite: Invite): boolean {
  return OPEN_STATUSES.has(invite.status);
}

/**
 * Whether a coupon counts as new in the popup: available, not expired, and unseen — or seen only since
 * `shownSince` (the popup marks coupons seen while they are on screen; they must not vanish under the reader).
 */
export function isNewCoupon(coupon: Coupon, now: number, shownSince: number): boolean {
  if (couponState(coupon, now) !== 'available') return false;
  return coupon.seenAt === undefined || coupon.seenAt >= shownSince;
}
