import { describe, expect, it } from 'vitest';
import { customProgram } from '@/lib/referral/programs/custom';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { matchesPattern, matchProgram } from '@/lib/share/matchProgram';

describe('matchesPattern', () => {
  it.each([
    ['*://*.aliexpress.com/*', 'https://www.aliexpress.com/item/1.html', true],
    ['*://*.aliexpress.com/*', 'https://aliexpress.com/', true],
    ['*://*.aliexpress.com/*', 'http://m.aliexpress.com:8080/x?y=1', true],
    ['*://*.aliexpress.com/*', 'https://WWW.AliExpress.COM/', true],
    ['*://*.aliexpress.com/*', 'https://www.aliexpress.com./', true],
    ['*://*.aliexpress.com/*', 'https://notaliexpress.com/', false],
    ['*://*.aliexpress.com/*', 'https://aliexpress.com.evil.example/', false],
    ['*://*.aliexpress.com/*', 'https://evil.example/?u=https://www.aliexpress.com/', false],
    ['*://*.aliexpress.com/*', 'ftp://www.aliexpress.com/', false],
    ['*://*.aliexpress.com/*', 'chrome://extensions/', false],
    ['*://*.aliexpress.com/*', 'not a url', false],
    ['https://shop.example.com/*', 'https://shop.example.com/a', true],
    ['https://shop.example.com/*', 'http://shop.example.com/a', false],
    ['https://shop.example.com/*', 'https://www.shop.example.com/a', false],
    ['*://shop.example.com/deals/*', 'https://shop.example.com/deals/today', true],
    ['*://shop.example.com/deals/*', 'https://shop.example.com/other', false],
    ['*://shop.example.com/a.b', 'https://shop.example.com/aXb', false],
    ['*://*/*', 'https://anything.example/', true],
    ['garbage', 'https://www.aliexpress.com/', false],
    ['*://*.aliexpress.com', 'https://www.aliexpress.com/', false],
  ])('%s vs %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });
});

describe('matchProgram', () => {
  const shop = customProgram({
    id: 'custom:my-shop',
    name: 'My Shop',
    shoppingHosts: ['*.myshop.example'],
    linkPattern: 'https://myshop.example/invite/{code}',
    rewardDelayHours: 48,
    createdAt: 1,
  });
  const programs = [...BUILT_IN_PROGRAMS, shop];

  it.each([
    ['https://www.aliexpress.com/item/1005.html', 'aliexpress'],
    ['https://pt.aliexpress.us/', 'aliexpress'],
    ['https://www.temu.com/goods.html', 'temu'],
    ['https://checkout.myshop.example/cart', 'custom:my-shop'],
    ['https://myshop.example/', 'custom:my-shop'],
  ])('%s is %s', (url, id) => {
    expect(matchProgram(url, programs)?.id).toBe(id);
  });

  it.each([[undefined], [''], ['about:blank'], ['chrome://newtab/'], ['https://example.com/'], ['::']])(
    '%s matches none',
    (url) => {
      expect(matchProgram(url, programs)).toBeUndefined();
    },
  );
});
