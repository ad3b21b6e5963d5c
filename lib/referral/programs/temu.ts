import { linkRefusal } from '../linkRefusal';
import { HOUR } from '../time';
import type { Program } from '../types';
import { TEMU_SHOPPING_HOSTS } from './hosts';

/** Temu invite codes in links: letters and digits, 4–32 long (kept as given: Temu codes are case-sensitive). */
const CODE = /^[A-Za-z0-9]{4,32}$/;
/** temu.com/s/<code> and share.temu.com/s/<code> (EVIDENCE). */
const SHARE_PATH = /^\/s\/([^/]+)\/?$/;
/** temu.to/k/<code> and temu.to/m/<code>, the app's short forms; app.temu.com/m/<code> (EVIDENCE). */
const SHORT_PATH = /^\/[km]\/([^/]+)\/?$/;
const APP_PATH = /^\/m\/([^/]+)\/?$/;
/** A product page: /goods.html?goods_id=…, or a product's name ending in -g-<id>.html (EVIDENCE). */
const PRODUCT_PATH = /(?:^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?goods\.html$|-g-[0-9]+\.html$)/i;

/** Which path pattern holds the code on each invite host. */
function pathFor(host: string): RegExp {
  if (host === 'temu.to') return SHORT_PATH;
  if (host === 'app.temu.com') return APP_PATH;
  return SHARE_PATH;
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
  shareTexts: {
    en: 'Hi {nickname}, join {program} with my invite link and get {perk}: {link}',
    es: 'Hola {nickname}, únete a {program} con mi enlace de invitación y consigue un descuento y cupones en tu primer pedido: {link}',
    pt: 'Oi {nickname}, entre na {program} com o meu link de convite e ganhe um desconto e cupons na primeira compra: {link}',
  },
  linkExamples: [
    'https://www.temu.com/s/Ab12Cd34Ef',
    'https://share.temu.com/s/Zx9Yw8Vu7T',
    'https://temu.to/k/ejk3nq7rpqz',
  ],
  recognise(input) {
    // A bare Temu code is just 4–32 letters and digits: any word would match, so only links are accepted.
    if (typeof input === 'string') return null;
    const host = input.hostname;
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
