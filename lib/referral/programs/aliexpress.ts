import { linkRefusal } from '../linkRefusal';
import { HOUR } from '../time';
import type { Program } from '../types';
import { ALIEXPRESS_SHOPPING_HOSTS } from './hosts';

/** AliExpress invite codes: 8 characters beginning with "IN" (the program's own description). */
const CODE = /^IN[A-Z0-9]{6}$/;
/**
 * The app's own invite links carry an opaque invitation token instead of the IN code (issue 12's report; EVIDENCE).
 * Base64 or base64url characters ('+' reads as a space in a query); long, but bounded.
 */
const TOKEN = /^[A-Za-z0-9+/=_\- ]{8,1024}$/;
/** Short links from the app's share sheet: a.aliexpress.com/_ followed by 5–12 letters or digits (EVIDENCE). */
const SHORT_PATH = /^\/_[A-Za-z0-9]{5,12}\/?$/;
const SHARE_PATH = '/share/share.htm';
/** A product page: /item/<id>.html, also under a country or language prefix (EVIDENCE). */
const PRODUCT_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/)?(?:i|item)\/[0-9]+\.html$/i;
const AFFILIATE_HOST = 's.click.aliexpress.com';
const DOMAINS = ['aliexpress.com', 'aliexpress.us'];

function isAliExpressHost(host: string): boolean {
  return DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The invitation an AliExpress page address carries: an IN code (kept as the link's code), or an opaque token. */
function invitation(raw: string) {
  const code = raw.trim().toUpperCase();
  if (CODE.test(code)) return { ok: true as const, code, kind: 'url' as const };
  if (/^IN[A-Z0-9]{0,7}$/.test(code)) return linkRefusal('not_an_invite_link', 'linkErrAliCode', raw.slice(0, 40));
  if (TOKEN.test(raw)) return { ok: true as const, kind: 'url' as const };
  return linkRefusal('not_an_invite_link', 'linkErrAliToken', raw.slice(0, 40));
}

/** What an AliExpress page address is, when it is not an invite: a product, or some other page. */
function notAnInvite(url: URL) {
  if (PRODUCT_PATH.test(url.pathname)) return linkRefusal('product_link', 'linkErrProduct', 'AliExpress');
  return linkRefusal('not_an_invite_link', 'linkErrAliPage');
}

/** An AliExpress page (a share link's target, or a landing page pasted directly). */
function recognisePage(url: URL) {
  const code = url.searchParams.get('invitationCode');
  return code === null ? notAnInvite(url) : invitation(code);
}

/** share.htm wraps the real landing page in `redirectUrl`, percent-encoded; the invitation sits in that page's query. */
function recogniseShare(url: URL) {
  const direct = url.searchParams.get('invitationCode');
  if (direct !== null) return invitation(direct);
  const redirect = url.searchParams.get('redirectUrl');
  if (redirect === null) return linkRefusal('not_an_invite_link', 'linkErrAliNoRedirect');
  let target: URL;
  try {
    target = new URL(redirect);
  } catch {
    return linkRefusal('not_an_invite_link', 'linkErrAliBadTarget');
  }
  if (target.hostname === AFFILIATE_HOST) return linkRefusal('affiliate_link', 'linkErrAffiliate', 'AliExpress');
  if (target.protocol !== 'https:' || !isAliExpressHost(target.hostname)) {
    return linkRefusal('not_an_invite_link', 'linkErrAliOffsite', target.hostname || target.protocol);
  }
  const code = target.searchParams.get('invitationCode');
  if (code !== null) return invitation(code);
  const refusal = notAnInvite(target);
  return refusal.reason === 'product_link' ? refusal : linkRefusal('not_an_invite_link', 'linkErrAliShareNoCode');
}

/** AliExpress, rules as described on its "Invite friends" page. */
export const aliexpress: Program = {
  id: 'aliexpress',
  name: 'AliExpress',
  shoppingHosts: ALIEXPRESS_SHOPPING_HOSTS,
  pages: {
    invite: 'https://star.aliexpress.com/share/share.htm',
    coupons: 'https://www.aliexpress.com/p/coupon-pc/index.html',
  },
  // The share host, the short-link host and every page of the site, country subdomains included (EVIDENCE).
  linkHosts: ['*.aliexpress.com', 'aliexpress.com', '*.aliexpress.us', 'aliexpress.us'],
  affiliateHosts: [AFFILIATE_HOST],
  rules: {
    version: 1,
    rewardKind: 'coupon',
    // "After your friend's first payment you receive a coupon within 24 hours."
    rewardDelayMs: 24 * HOUR,
    perkText: 'new-user coupons on your first order',
    eligibilityText: 'Your friend must never have registered on AliExpress and must register through your link',
    cancelledOrderVoidsReward: true,
    // The program publishes no monthly cap and no link validity; leave them out rather than guess.
    monthlyCap: undefined,
    linkValidityMs: undefined,
    // Each referral coupon shows its own expiry date and no default validity is published: don't invent one.
    couponValidityMs: undefined,
  },
  shareTexts: {
    en: 'Hi {nickname}, join {program} with my invite link and get {perk}: {link}',
    es: 'Hola {nickname}, únete a {program} con mi enlace de invitación y consigue cupones de nuevo usuario en tu primer pedido: {link}',
    pt: 'Oi {nickname}, entre no {program} com o meu link de convite e ganhe cupons de novo usuário na primeira compra: {link}',
  },
  linkExamples: [
    'https://star.aliexpress.com/share/share.htm?gatewayAdapt=glo2usa&redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DINABCD12%26channel%3Dshare',
    'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE',
    'https://a.aliexpress.com/_mKXyZab',
    'INABCD12',
  ],
  recognise(input) {
    if (typeof input === 'string') {
      const code = input.toUpperCase();
      return CODE.test(code) ? { ok: true, code, kind: 'code' } : null;
    }
    const host = input.hostname;
    if (host === AFFILIATE_HOST) return linkRefusal('affiliate_link', 'linkErrAffiliate', 'AliExpress');
    if (host === 'a.aliexpress.com') {
      return SHORT_PATH.test(input.pathname)
        ? { ok: true, kind: 'url' }
        : linkRefusal('not_an_invite_link', 'linkErrAliShort');
    }
    if (host === 'star.aliexpress.com' && input.pathname === SHARE_PATH) return recogniseShare(input);
    // A landing page a share link leads to also registers the friend with the invitation in its query.
    if (host !== 'star.aliexpress.com') return recognisePage(input);
    return linkRefusal('not_an_invite_link', 'linkErrAliPage');
  },
};
