import { linkRefusal } from '../linkRefusal';
import { HOUR } from '../time';
import type { Program } from '../types';
import { TEMU_SHOPPING_HOSTS } from './hosts';

// Every shape below was seen in public material (issue 12's research); where each was seen is noted beside it.

/** The code in an invite link: letters and digits (13–16 mixed-case seen on temu.com, 11 lower-case on temu.to); kept as given. */
const CODE = /^[A-Za-z0-9]{4,32}$/;
/**
 * temu.com/s/, /u/ and /a/ are the app's personal share links ("Click and accept my invitation on Temu …
 * https://temu.com/s/PrK5iJNOLc1Zj", github ntddk/temu issue 2; ".../u/peJEflcbNc1LxpFX", Sfedfcv/redesigned-pancake
 * issue 32; ".../a/I5U7dyKAdglEf2", TemuLinkHack/TemuHack issue 8), and www.temu.com/m/ (gwuah/cashapp issue 4).
 * share.temu.com/s/ was never seen; it stays so links saved by earlier versions still load.
 */
const SITE_PATH = /^\/[suam]\/([^/]+)\/?$/;
/**
 * temu.to/k/ and /m/, app.temu.com/k/ and /m/: the app's short links ("Click https://temu.to/k/ejyd5w7ztv0 to earn
 * with me together", pastebin.com/3myx2ScG; app.temu.com/m/R5MvHbmREblJV, gwuah/cashapp issue 4). Temu's affiliate
 * and influencer posts use the same forms, and nothing in the link tells which: they are accepted.
 */
const SHORT_PATH = /^\/[km]\/([^/]+)\/?$/;
/** Product shares: share.temu.com/<11 characters> (github jphein/anyka3918-gc1084-camera README.md). */
const SHARED_PRODUCT = /^\/[A-Za-z0-9]{8,16}\/?$/;
/**
 * Product pages: goods.html?goods_id=… (AdguardTeam/AdguardFilters issue 182182), <name>-g-<id>.html and
 * /hu-en/product-desc-601100171620802.html (ClearURLs/Rules issue 177).
 */
const PRODUCT_PATH = /(?:\/goods\.html$|-[0-9]{9,}\.html$)/i;

/** Which path holds the code on each invite host. */
function pathFor(host: string): RegExp {
  return host === 'temu.to' || host === 'app.temu.com' ? SHORT_PATH : SITE_PATH;
}

/** Temu's "Invite friends" program. */
export const temu: Program = {
  id: 'temu',
  name: 'Temu',
  shoppingHosts: TEMU_SHOPPING_HOSTS,
  // Temu moves its invite pages between campaigns; no stable address to link to. Its pages are read on request
  // from the context menu instead (lib/platform/shopActions.ts).
  pages: {},
  linkHosts: ['www.temu.com', 'temu.com', 'share.temu.com', 'app.temu.com', 'temu.to'],
  rules: {
    version: 1,
    // Temu credits the referrer's account balance (not a coupon code) once the friend's first order counts.
    rewardKind: 'credit',
    // Assumption, not a published figure: Temu credits the reward after the friend's first order is confirmed,
    // usually within a few days. 72 h is when RefShare starts calling it overdue; bump `version` when known.
    rewardDelayMs: 72 * HOUR,
    perkText: 'a discount and a coupon bundle on your first order',
    eligibilityText: 'Your friend must be new to Temu, sign up through your link and place a first order',
    cancelledOrderVoidsReward: true,
  },
  // The friend's steps ({steps}, lib/referral/programs/friendSteps.ts) on lines of their own after the link.
  shareTexts: {
    en: 'Hi {nickname}, join {program} with my invite link and get {perk}: {link}\n{steps}',
    es: 'Hola {nickname}, únete a {program} con mi enlace de invitación y consigue un descuento y cupones en tu primer pedido: {link}\n{steps}',
    pt: 'Oi {nickname}, entre na {program} com o meu link de convite e ganhe um desconto e cupons na primeira compra: {link}\n{steps}',
  },
  linkExamples: [
    // Each from a public issue or paste (see SITE_PATH and SHORT_PATH).
    'https://temu.com/s/PrK5iJNOLc1Zj',
    'https://temu.com/u/peJEflcbNc1LxpFX',
    'https://temu.com/a/I5U7dyKAdglEf2',
    'https://temu.to/k/ejyd5w7ztv0',
    'https://app.temu.com/m/R5MvHbmREblJV',
  ],
  recognise(input) {
    // A bare Temu code is just letters and digits: any word would match, so only links are accepted.
    if (typeof input === 'string') return null;
    const host = input.hostname;
    if (host === 'share.temu.com' && SHARED_PRODUCT.test(input.pathname)) {
      return linkRefusal('product_link', 'linkErrProduct', 'Temu');
    }
    const match = pathFor(host).exec(input.pathname);
    if (!match) {
      if (PRODUCT_PATH.test(input.pathname)) return linkRefusal('product_link', 'linkErrProduct', 'Temu');
      return linkRefusal('not_an_invite_link', host === 'temu.to' ? 'linkErrTemuShort' : 'linkErrTemuPage');
    }
    const code = match[1] ?? '';
    if (!CODE.test(code)) return linkRefusal('not_an_invite_link', 'linkErrTemuCode');
    return { ok: true, code, kind: 'url' };
  },
};
