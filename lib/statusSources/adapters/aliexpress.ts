import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { type CouponCardSpec, type CouponsResult, findCouponsIn } from '../couponCards';
import { findInviteLinkIn, type InviteLinkResult, type InviteSpec } from '../inviteLink';
import type { PageAdapter } from './types';

/**
 * AliExpress's pages use CSS-module class names ("share-panel--linkInput--1pZ4r"): the part before the hash
 * is stable across releases, the hash is not, so selectors match on the prefix.
 */
const INVITE: InviteSpec = {
  program: aliexpress,
  fields: [
    '[class*="share-panel--linkInput--"]',
    '[class*="share-panel--"][data-clipboard-text]',
    '[class*="share-panel--code--"]',
  ],
};

const COUPONS: CouponCardSpec = {
  card: '[class*="coupon-card--wrap--"]',
  title: '[class*="coupon-card--title--"]',
  value: '[class*="coupon-card--amount--"]',
  minSpend: '[class*="coupon-card--threshold--"]',
  expiry: '[class*="coupon-card--validity--"]',
  code: '[class*="coupon-card--code--"]',
  // AliExpress writes "US $", "CA $", "MX$": a bare "$" is not a currency it uses, so such amounts are skipped.
};

/** The invite link on AliExpress's "Invite friends" page. */
export function findInviteLink(doc: ParentNode): InviteLinkResult {
  return findInviteLinkIn(doc, INVITE);
}

/** The coupons in AliExpress's "My coupons" wallet. */
export function findCoupons(doc: ParentNode, now: number): CouponsResult {
  return findCouponsIn(doc, COUPONS, now);
}

export const aliexpressAdapter: PageAdapter = { program: aliexpress, findInviteLink, findCoupons };
