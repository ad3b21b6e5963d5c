import { linkRefusal } from '../linkRefusal';
import { HOUR } from '../time';
import type { LinkRefusal, Program } from '../types';
import { ALIEXPRESS_SHOPPING_HOSTS } from './hosts';

// Every shape below was seen in public material (issue 12's research); where each was seen is noted beside it.
// GitHub files found by exact-text search without a repository name are cited by a phrase that finds them again.

/** Invite codes: "an 8-digit number that always begins with the letters IN" (AliExpress's FAQ, sale.aliexpress.com/__pc/JjORZWYQFg.htm); seen: INAZ9RUS (github TechieQian/chiffon src/data/sponsors.ts). */
const CODE = /^IN[A-Z0-9]{6}$/;
/**
 * The app's invite links carry an opaque invitation token instead: base64 without padding, 76 characters in the one
 * seen ("invitationCode=K0I5RzQ4…", github TechieQian/chiffon src/data/sponsors.ts); '+' reads as a space in a query.
 */
const TOKEN = /^[A-Za-z0-9+/=_\- ]{8,1024}$/;
/**
 * What marks a new-user invite: businessType / invitationScenario "socialFission" and the landing page
 * referral_register_success.htm (github TechieQian/chiffon src/data/sponsors.ts, a 505-character share.htm link).
 * An invitationCode alone does not: product shares, games and group buys carry one too (below).
 */
const INVITE_MARK = /(?:socialFission|referral_register_success\.htm)/;
/**
 * Short links from the app's share sheet: a.aliexpress.com/_ + 6–8 letters or digits seen (_vpUdrT, _mKjL9Cq,
 * _c3yudse3 in public READMEs and BOMs); 5–12 allowed. Opaque: the app uses them for product shares too, so
 * offline RefShare cannot tell, and accepts them unless the copied message around one says it is a product.
 */
const SHORT_PATH = /^\/_[A-Za-z0-9]{5,12}\/?$/;
const SHARE_PATH = '/share/share.htm';
/** Product pages: /item/<id>.html on any country subdomain (es., pt., fr., de., nl., ko., m.…: app shares with srcSns=…). */
const PRODUCT_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/)?(?:i|item)\/[0-9]+\.html$/i;
/** businessType=ProductDetail: a product shared through share.htm ("…&businessType=ProductDetail&title=THB…", app product shares). */
const PRODUCT_MARK = /businessType=ProductDetail/i;
/**
 * Games and group buys that also ask friends to open a link, each with its own marker:
 * "Slash it" (campaign.aliexpress.com/wow/gcp/slash_it/itembackflow …bizType=slash …spreadType=invite),
 * "Bonus Buddies" daily cash (sale.aliexpress.com/__mobile/daily_cash_out_m.htm …bizType=dailycash), and group buy
 * (www.aliexpress.com/gcp/300001014/krgroupbuy-share …bizType=sharegroup); all in public GitHub files.
 */
const GAMES: [RegExp, string][] = [
  [/slash_it|bizType=slash|businessType=slash/i, 'Slash it'],
  [/daily_cash|bizType=dailycash/i, 'Bonus Buddies'],
  [/groupbuy|bizType=sharegroup/i, 'group buy'],
];
/** Portals affiliate links: s.click.aliexpress.com/e/_c3iB26TD (github marirs/urlexpand issue 9). */
const AFFILIATE_HOST = 's.click.aliexpress.com';
/** The AliExpress Russia app's product shares: ali.click/1b7va15 (github ClearURLs/Rules pull 317). */
const PRODUCT_HOSTS = ['ali.click'];
const DOMAINS = ['aliexpress.com', 'aliexpress.us', 'aliexpress.ru'];

function isAliExpressHost(host: string): boolean {
  return DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The address with its percent-encoded parts read, so markers inside redirectUrl or return_url are seen. */
function readable(url: URL): string {
  try {
    return decodeURIComponent(url.href);
  } catch {
    return url.href;
  }
}

/** A product or a game the address names, wherever in it (its own path, or a page it wraps). */
function notAnInvite(url: URL): LinkRefusal | undefined {
  const text = readable(url);
  for (const [mark, game] of GAMES)
    if (mark.test(text)) return linkRefusal('game_link', 'linkErrGame', 'AliExpress', game);
  if (PRODUCT_PATH.test(url.pathname) || PRODUCT_MARK.test(text)) {
    return linkRefusal('product_link', 'linkErrProduct', 'AliExpress');
  }
  return undefined;
}

/** The invitation a page address carries: an IN code (kept as the link's code), or an opaque token. */
function invitation(raw: string) {
  const code = raw.trim().toUpperCase();
  if (CODE.test(code)) return { ok: true as const, code, kind: 'url' as const };
  if (/^IN[A-Z0-9]{0,7}$/.test(code)) return linkRefusal('not_an_invite_link', 'linkErrAliCode', raw.slice(0, 40));
  if (TOKEN.test(raw)) return { ok: true as const, kind: 'url' as const };
  return linkRefusal('not_an_invite_link', 'linkErrAliToken', raw.slice(0, 40));
}

/**
 * A page with an invitation: an invite when it is marked as one, or when its code is an IN code (links saved by
 * earlier versions: "referral_register_success.htm?invitationCode=IN…"); an opaque token without the invite's
 * marker is some other share.
 */
function invitePage(url: URL, raw: string | null, other: LinkRefusal) {
  if (raw === null) return other;
  if (INVITE_MARK.test(readable(url)) || /^IN[A-Z0-9]{0,7}$/i.test(raw.trim())) return invitation(raw);
  return other;
}

/** A landing page the share links lead to, pasted directly. */
function recognisePage(url: URL) {
  return notAnInvite(url) ?? invitePage(url, url.searchParams.get('invitationCode'), pageRefusal());
}

function pageRefusal() {
  return linkRefusal('not_an_invite_link', 'linkErrAliPage');
}

/** share.htm wraps the real landing page in `redirectUrl`, percent-encoded; the invitation sits in that page's query. */
function recogniseShare(url: URL) {
  const kind = notAnInvite(url);
  if (kind) return kind;
  const direct = url.searchParams.get('invitationCode');
  if (direct !== null) return invitePage(url, direct, linkRefusal('not_an_invite_link', 'linkErrAliShareNoCode'));
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
  const noCode = linkRefusal('not_an_invite_link', 'linkErrAliShareNoCode');
  return invitePage(url, target.searchParams.get('invitationCode'), noCode);
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
  // The share host, the short-link host and every page of the site: www, es, pt, fr, de, nl, ko, he, m, m.de, m.pt
  // seen in app shares, and aliexpress.us / aliexpress.ru (public READMEs, ClearURLs issues 17 and 163).
  linkHosts: [
    '*.aliexpress.com',
    'aliexpress.com',
    '*.aliexpress.us',
    'aliexpress.us',
    '*.aliexpress.ru',
    'aliexpress.ru',
  ],
  affiliateHosts: [AFFILIATE_HOST],
  productHosts: PRODUCT_HOSTS,
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
  // The friend's steps ({steps}, lib/referral/programs/friendSteps.ts) on lines of their own after the link.
  shareTexts: {
    en: 'Hi {nickname}, join {program} with my invite link and get {perk}: {link}\n{steps}',
    es: 'Hola {nickname}, únete a {program} con mi enlace de invitación y consigue cupones de nuevo usuario en tu primer pedido: {link}\n{steps}',
    pt: 'Oi {nickname}, entre no {program} com o meu link de convite e ganhe cupons de novo usuário na primeira compra: {link}\n{steps}',
  },
  // The app's 505-character invite (github TechieQian/chiffon src/data/sponsors.ts) is in tests/corpus/realPastes.ts:
  // kept out of here, where every bundle holding the programs (the background worker's too) would carry it.
  linkExamples: [
    // The code shown beside it (same file).
    'INAZ9RUS',
    // A short link of the app's share sheet (a public BOM; opaque, see SHORT_PATH).
    'https://a.aliexpress.com/_mKjL9Cq',
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
    if (host === 'star.aliexpress.com') {
      return input.pathname === SHARE_PATH ? recogniseShare(input) : pageRefusal();
    }
    return recognisePage(input);
  },
};
