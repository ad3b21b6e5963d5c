// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findCoupons, findInviteLink } from '@/lib/statusSources/adapters/temu';
import { fixturePage, PROGRAM_FIXTURES, page } from './fixturePage';

const NOW = new Date(2026, 10, 24, 12, 0).getTime();
const endOfDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const { invite: INVITE, coupons: COUPONS } = PROGRAM_FIXTURES.temu ?? { invite: '', coupons: '' };

describe('Temu invite page', () => {
  it('reads the share link the page shows', () => {
    expect(findInviteLink(fixturePage(INVITE))).toEqual({ ok: true, input: 'https://temu.to/k/e7pqw2mzk4x' });
  });

  it('a bare code is not enough (Temu codes look like any word), so a code-only page finds nothing', () => {
    const html = '<p class="invite-code">Your code: <b>e7pqw2mzk4x</b></p>';
    expect(findInviteLink(page(html))).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it.each([
    ["AliExpress's invite page", 'star.aliexpress.com/share/share.htm'],
    ["Temu's coupon page", COUPONS],
  ])('on %s: could not find the invite link', (_name, file) => {
    expect(findInviteLink(fixturePage(file))).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'RefShare could not find your invite link on this page',
    });
  });

  it('a share field with a Temu page that is not an invite: the engine says so', () => {
    const html = '<div data-share-link="https://www.temu.com/goods.html?goods_id=1">Share</div>';
    expect(findInviteLink(page(html))).toMatchObject({ ok: false, reason: 'product_link' });
  });
});

describe('Temu coupon page', () => {
  it('reads the coupons from the wording of each card; skips free shipping (no amount)', () => {
    expect(findCoupons(fixturePage(COUPONS), NOW)).toEqual({
      ok: true,
      coupons: [
        { title: 'Order coupon', value: 3, currency: 'USD', minSpend: 20, expiresAt: endOfDay(2026, 12, 31) },
        { title: 'Friend invite reward', value: 5, currency: 'USD', expiresAt: endOfDay(2027, 1, 15) },
      ],
      skipped: 1,
    });
  });

  it('"$" is the dollar of the country the page is for, and nothing when the page does not say', () => {
    const card = '<li data-coupon-sn="1"><div>$50.00</div><div>Order coupon</div></li>';
    const read = (lang: string) => findCoupons(page(card, lang), NOW);
    expect(read('es-MX')).toMatchObject({ ok: true, coupons: [{ value: 50, currency: 'MXN' }] });
    expect(read('en-CA')).toMatchObject({ ok: true, coupons: [{ value: 50, currency: 'CAD' }] });
    expect(read('')).toMatchObject({ ok: false, reason: 'not_found', skipped: 1 });
  });

  it("on AliExpress's coupon wallet: could not find any coupons", () => {
    expect(findCoupons(fixturePage('www.aliexpress.com/p/coupon-pc/index.html'), NOW)).toMatchObject({
      ok: false,
      message: 'RefShare could not find any coupons on this page',
    });
  });
});
