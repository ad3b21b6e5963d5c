import { temu } from '@/lib/referral/programs/temu';
import { type CouponCardSpec, type CouponsResult, findCouponsIn } from '../couponCards';
import { findInviteLinkIn, type InviteLinkResult, type InviteSpec } from '../inviteLink';
import type { PageAdapter } from './types';

/**
 * Temu's class names are generated ("_2xRt8Qm") and change with every release, so its pages are read by
 * their data attributes and, inside a coupon, by the wording of each line.
 */
const INVITE: InviteSpec = {
  program: temu,
  fields: ['[data-share-link]', '[data-copy-text]'],
};

const COUPONS: CouponCardSpec = {
  card: '[data-coupon-sn]',
  // Temu prints "$3.00" for the dollar of the country the page is for, which its language tells.
  dollar: {
    en: 'USD',
    'en-us': 'USD',
    'es-us': 'USD',
    'en-ca': 'CAD',
    'fr-ca': 'CAD',
    'en-au': 'AUD',
    'en-nz': 'NZD',
    'es-mx': 'MXN',
  },
};

/** The invite link on Temu's "Invite friends" page. */
export function findInviteLink(doc: ParentNode): InviteLinkResult {
  return findInviteLinkIn(doc, INVITE);
}

/** The coupons on Temu's "Coupons & offers" page. */
export function findCoupons(doc: ParentNode, now: number): CouponsResult {
  return findCouponsIn(doc, COUPONS, now);
}

export const temuAdapter: PageAdapter = { program: temu, findInviteLink, findCoupons };
