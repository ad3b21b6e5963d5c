import type { Place } from '@/lib/launcher/place';
import type { Coupon, ReferralLink } from '@/lib/referral/types';
import { bool, type Check, list, obj, str } from './shape';

/** Coupon fields are validated by the engine (validateCouponInput); here only the envelope. */
const couponPayload: Check<unknown> = (v, path) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? { ok: true, value: v }
    : { ok: false, message: `${path}: expected a coupon object` };

/** What a content script may learn about the page it runs on: never the link itself. */
export interface PageState {
  program: { id: string; name: string } | null;
  hasLink: boolean;
  muted: boolean;
  /** Where the user put the button on this site, when there is a button to show (saves the launcher a storage read). */
  place?: Place;
}

/**
 * The only commands a content script may send. Content scripts run beside untrusted pages, so the page they
 * act for is taken from the browser's sender information (the tab's URL), never from the payload, and none of
 * these replies carries the user's link or data beyond what the page's own button needs.
 */
export const PAGE_PROTOCOL = {
  /** Is there a link for this site's program, and is the site muted? */
  pageState: { data: obj({}), reply: {} as PageState },
  /** "Don't show on this site" (or show again). */
  muteSite: { data: obj({ muted: bool() }), reply: {} as { host: string; muted: boolean } },
  /** "Save this link to RefShare" on the program's own invite page, after the user's click. */
  captureLink: { data: obj({ input: str(4096) }), reply: {} as ReferralLink },
  /** "Import these coupons" on the program's own coupon page, after the user's click. */
  importCoupons: {
    data: obj({ coupons: list(couponPayload, 100) }),
    reply: {} as { added: Coupon[]; existing: Coupon[] },
  },
} satisfies Record<string, { data: Check<unknown>; reply: unknown }>;

type PageProtocol = typeof PAGE_PROTOCOL;
export type PageCommand = keyof PageProtocol;
export type PageCommandData<C extends PageCommand> = PageProtocol[C]['data'] extends Check<infer T> ? T : never;
export type PageCommandReply<C extends PageCommand> = PageProtocol[C]['reply'];
