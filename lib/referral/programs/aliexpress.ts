import { HOUR } from '../time';
import type { Program } from '../types';
import { ALIEXPRESS_SHOPPING_HOSTS } from './hosts';

/** AliExpress invite codes: 8 characters beginning with "IN" (the program's own description). */
const CODE = /^IN[A-Z0-9]{6}$/;
/** Short links from the app's share sheet: a.aliexpress.com/_ followed by 5–12 letters or digits. */
const SHORT_PATH = /^\/_[A-Za-z0-9]{5,12}\/?$/;
const SHARE_PATH = '/share/share.htm';
const AFFILIATE_HOST = 's.click.aliexpress.com';

function isAliExpressHost(host: string): boolean {
  return ['aliexpress.com', 'aliexpress.us'].some((d) => host === d || host.endsWith(`.${d}`));
}

function notInvite(message: string) {
  return { ok: false as const, reason: 'not_an_invite_link' as const, message };
}

function affiliate() {
  return {
    ok: false as const,
    reason: 'affiliate_link' as const,
    message:
      'This is an AliExpress affiliate (commission) link, not an invite link: it pays a publisher and does not ' +
      'register your friend as your invite. Copy the link from AliExpress\'s "Invite friends" page instead.',
  };
}

function codeResult(raw: string) {
  const code = raw.trim().toUpperCase();
  if (!CODE.test(code)) {
    return notInvite(`"${raw}" is not an AliExpress invite code: codes are 8 characters beginning with IN.`);
  }
  return { ok: true as const, code, kind: 'url' as const };
}

/** share.htm wraps the real landing page in `redirectUrl`, percent-encoded; the code sits in that page's query. */
function recogniseShare(url: URL) {
  const direct = url.searchParams.get('invitationCode');
  if (direct !== null) return codeResult(direct);
  const redirect = url.searchParams.get('redirectUrl');
  if (redirect === null) return notInvite('This AliExpress share link carries no invitation: it has no redirectUrl.');
  let target: URL;
  try {
    target = new URL(redirect);
  } catch {
    return notInvite('The page this AliExpress share link leads to is not a valid address.');
  }
  if (target.hostname === AFFILIATE_HOST) return affiliate();
  if (!isAliExpressHost(target.hostname)) {
    return notInvite(`This share link leads to ${target.hostname}, which is not AliExpress, so it is not an invite.`);
  }
  const code = target.searchParams.get('invitationCode');
  if (code === null) {
    return notInvite('This AliExpress share link has no invitation code: it probably shares a product, not an invite.');
  }
  return codeResult(code);
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
  linkHosts: [
    'star.aliexpress.com',
    'a.aliexpress.com',
    'm.aliexpress.com',
    'www.aliexpress.com',
    'aliexpress.com',
    'm.aliexpress.us',
    'www.aliexpress.us',
    'aliexpress.us',
  ],
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
    if (host === AFFILIATE_HOST) return affiliate();
    if (host === 'a.aliexpress.com') {
      return SHORT_PATH.test(input.pathname)
        ? { ok: true, kind: 'url' }
        : notInvite('AliExpress short invite links look like https://a.aliexpress.com/_mKXyZab.');
    }
    if (host === 'star.aliexpress.com' && input.pathname === SHARE_PATH) return recogniseShare(input);
    // The landing page a share link redirects to also registers the friend with the code in its query.
    const code = input.searchParams.get('invitationCode');
    if (code !== null && host !== 'star.aliexpress.com') return codeResult(code);
    return notInvite(
      'This is an AliExpress page, not an invite link. Copy the link from AliExpress\'s "Invite friends" page.',
    );
  },
};
