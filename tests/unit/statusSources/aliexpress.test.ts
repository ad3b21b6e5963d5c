// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateCouponInput } from '@/lib/referral/coupons';
import { parseLink } from '@/lib/referral/links';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { findCoupons, findInviteLink } from '@/lib/statusSources/adapters/aliexpress';
import { fixtureHtml, fixturePage, PROGRAM_FIXTURES, page } from './fixturePage';

const NOW = new Date(2026, 10, 24, 12, 0).getTime();
/** The end of a day in the device's time zone, as the add-coupon form stores "expires on that day". */
const endOfDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const NO_LINK = 'RefShare could not find your invite link on this page';
const NO_COUPONS = 'RefShare could not find any coupons on this page';
const { invite: INVITE, coupons: COUPONS } = PROGRAM_FIXTURES.aliexpress ?? { invite: '', coupons: '' };

afterEach(() => vi.restoreAllMocks());

describe('AliExpress invite page', () => {
  it('reads the invite link the "Invite friends" page shows, exactly as shown', () => {
    expect(findInviteLink(fixturePage(INVITE))).toEqual({
      ok: true,
      input:
        'https://star.aliexpress.com/share/share.htm?gatewayAdapt=glo2usa&redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DIN7XK2P9%26platform%3DAE',
    });
  });

  it('the link it reads is one the popup accepts, with the code the page shows', () => {
    const found = findInviteLink(fixturePage(INVITE));
    const parsed = found.ok ? parseLink(found.input, [aliexpress]) : undefined;
    expect(parsed?.ok && parsed.link.code).toBe('IN7XK2P9');
  });

  it.each([
    [
      'only the invite code',
      '<p class="share-panel--code--0tR5v">Invite code: <strong>IN7XK2P9</strong></p>',
      'IN7XK2P9',
    ],
    [
      'a short link in the text',
      '<p>Your link: https://a.aliexpress.com/_mKXyZab.</p>',
      'https://a.aliexpress.com/_mKXyZab',
    ],
    [
      'a link in a copy button',
      '<button data-clipboard-text="https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&amp;platform=AE">Copy</button>',
      'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE',
    ],
    [
      'product links before the invite link',
      '<a href="https://www.aliexpress.com/item/1005006.html">Earbuds</a><textarea>https://a.aliexpress.com/_mKXyZab</textarea>',
      'https://a.aliexpress.com/_mKXyZab',
    ],
  ])('reads %s', (_name, html, input) => {
    expect(findInviteLink(page(html))).toEqual({ ok: true, input });
  });

  it.each([
    ['a signed-out invite page', 'star.aliexpress.com/share/share-signed-out.htm'],
    ['the coupon wallet', COUPONS],
    ["Temu's invite page", 'www.temu.com/invite-friends.html'],
  ])('on %s: could not find the invite link', (_name, file) => {
    expect(findInviteLink(fixturePage(file))).toEqual({ ok: false, reason: 'not_found', message: NO_LINK });
  });

  it('does not take a code from a script, a heading in capitals or a product share link', () => {
    const html = `
      <h1>INVITING FRIENDS</h1>
      <a href="https://www.aliexpress.com/item/1005006.html">Wireless earbuds</a> <span>US $12.34</span>
      <script>window.data = { shareUrl: "https://a.aliexpress.com/_mKXyZab" };</script>
      <button data-share-url="https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1.html">Share</button>`;
    expect(findInviteLink(page(html))).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('a page offering only an affiliate link: nothing to save, with the engine’s reason', () => {
    const found = findInviteLink(fixturePage('star.aliexpress.com/share/share-affiliate.htm'));
    const engine = parseLink('https://s.click.aliexpress.com/e/_DmXyz12', [aliexpress]);
    expect(engine.ok).toBe(false);
    expect(found).toEqual({
      ok: false,
      reason: 'affiliate_link',
      message: engine.ok ? '' : engine.message,
      say: engine.ok ? undefined : engine.say,
    });
  });

  it('a page whose only link is an affiliate link, anywhere on it: the engine’s reason', () => {
    const html = '<h1>Wireless earbuds</h1><a href="https://s.click.aliexpress.com/e/_DmXyz12">Deal</a>';
    expect(findInviteLink(page(html))).toMatchObject({ ok: false, reason: 'affiliate_link' });
  });

  it('an affiliate link elsewhere on the page does not hide the invite link', () => {
    const html = `<a href="https://s.click.aliexpress.com/e/_DmXyz12">Deal</a>
      <input class="share-panel--linkInput--1pZ4r" value="https://a.aliexpress.com/_mKXyZab">`;
    expect(findInviteLink(page(html))).toEqual({ ok: true, input: 'https://a.aliexpress.com/_mKXyZab' });
  });

  it('a share field holding something else: the engine says what is wrong with it', () => {
    const html = '<input class="share-panel--linkInput--1pZ4r" value="javascript:alert(1)">';
    const found = findInviteLink(page(html));
    expect(found).toMatchObject({ ok: false, reason: 'javascript_url' });
  });

  it('only reads: the page is the same afterwards', () => {
    const doc = fixturePage(INVITE);
    const before = doc.documentElement.outerHTML;
    findInviteLink(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('AliExpress coupon wallet', () => {
  it('reads every coupon card: title, value, currency, minimum spend, code, expiry; skips the % card', () => {
    expect(findCoupons(fixturePage(COUPONS), NOW)).toEqual({
      ok: true,
      coupons: [
        {
          title: 'Referral reward coupon',
          value: 3,
          currency: 'USD',
          minSpend: 20,
          expiresAt: endOfDay(2026, 12, 31),
        },
        {
          title: 'Store coupon · Baseus Official Store',
          value: 2.5,
          currency: 'EUR',
          minSpend: 15,
          expiresAt: endOfDay(2026, 12, 31),
        },
        { title: 'New user coupon', value: 5, currency: 'BRL', code: 'AENEW5', expiresAt: endOfDay(2027, 1, 15) },
      ],
      skipped: 1,
    });
  });

  it.each([
    ['an empty wallet', 'www.aliexpress.com/p/coupon-pc/empty.html'],
    ['the invite page', INVITE],
    ["Temu's coupon page", 'www.temu.com/coupons.html'],
  ])('on %s: could not find any coupons', (_name, file) => {
    expect(findCoupons(fixturePage(file), NOW)).toMatchObject({ ok: false, reason: 'not_found', message: NO_COUPONS });
  });

  it('hostile titles stay plain text, nothing on the page runs, and what the engine refuses is skipped', () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const doc = fixturePage('www.aliexpress.com/p/coupon-pc/hostile.html');
    const found = findCoupons(doc, NOW);
    expect(found).toEqual({
      ok: true,
      coupons: [
        { title: '<img src=x onerror=alert(1)>', value: 4, currency: 'USD', expiresAt: endOfDay(2026, 12, 31) },
        { title: 'Bonus coupon', value: 6, currency: 'USD', expiresAt: endOfDay(2026, 12, 31) },
      ],
      // Right-to-left override in the title, an impossible amount, a validity that cannot be read.
      skipped: 3,
    });
    expect(alert).not.toHaveBeenCalled();
    expect(doc.title).not.toBe('pwned');
    for (const c of found.ok ? found.coupons : []) expect(validateCouponInput(c)).toEqual({ ok: true, coupon: c });
  });

  it('a very long title is shortened to what the wallet accepts, not dropped', () => {
    const long = 'Very '.repeat(40);
    const html = `<div class="coupon-card--wrap--2DHqm"><div class="coupon-card--amount--9xQ2r">US $1.00</div>
      <div class="coupon-card--title--Zt7dK">${long}</div></div>`;
    const found = findCoupons(page(html), NOW);
    const title = found.ok ? (found.coupons[0]?.title ?? '') : '';
    expect(Array.from(title)).toHaveLength(120);
    expect(title.endsWith('…')).toBe(true);
  });

  it('reads the page without changing it', () => {
    const html = fixtureHtml(COUPONS);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const before = doc.documentElement.outerHTML;
    findCoupons(doc, NOW);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
