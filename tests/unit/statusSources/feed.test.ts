import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '@/lib/referral/time';
import { feedOrigin, feedUrlError, parseFeed } from '@/lib/statusSources/feed';
import { parseIsoTime } from '@/lib/statusSources/isoTime';

const NOW = Date.UTC(2026, 10, 24, 12, 0);
const AT = '2026-11-24T10:00:00Z';

const event = (over: Record<string, unknown> = {}) => ({
  id: 'ev-1',
  program: 'aliexpress',
  invite: { code: 'IN7XK2P9', nickname: 'Ana' },
  type: 'registered',
  at: AT,
  ...over,
});
const coupon = { title: 'US $3 off', value: 3, currency: 'USD', minSpend: 20 };

describe('parseFeed', () => {
  it('reads a valid page: cursor, events with times in ms, coupons like the app’s own', () => {
    const r = parseFeed(
      {
        cursor: 'c1',
        events: [
          event(),
          event({
            id: 'ev-2',
            type: 'first_purchase',
            at: '2026-11-24T11:30:00.250+01:00',
            invite: { nickname: 'Ana' },
          }),
          event({
            id: 'ev-3',
            type: 'coupon_issued',
            invite: { code: 'IN7XK2P9' },
            coupon: { ...coupon, currency: 'usd', code: 'SAVE3', expiresAt: '2026-12-31T23:59:59Z' },
          }),
          event({ id: 'ev-4', type: 'refunded', program: 'custom:my-shop' }),
        ],
      },
      NOW,
    );
    expect(r).toEqual({
      ok: true,
      cursor: 'c1',
      rejected: [],
      events: [
        {
          id: 'ev-1',
          program: 'aliexpress',
          invite: { code: 'IN7XK2P9', nickname: 'Ana' },
          type: 'registered',
          at: NOW - 2 * HOUR,
        },
        {
          id: 'ev-2',
          program: 'aliexpress',
          invite: { nickname: 'Ana' },
          type: 'first_purchase',
          at: NOW - 90 * 60_000 + 250,
        },
        {
          id: 'ev-3',
          program: 'aliexpress',
          invite: { code: 'IN7XK2P9' },
          type: 'coupon_issued',
          at: NOW - 2 * HOUR,
          coupon: { ...coupon, currency: 'USD', code: 'SAVE3', expiresAt: Date.UTC(2026, 11, 31, 23, 59, 59) },
        },
        {
          id: 'ev-4',
          program: 'custom:my-shop',
          invite: { code: 'IN7XK2P9', nickname: 'Ana' },
          type: 'refunded',
          at: NOW - 2 * HOUR,
        },
      ],
    });
  });

  it('a page without a cursor, or with a null one, has none', () => {
    expect(parseFeed({ events: [] }, NOW)).toEqual({ ok: true, events: [], rejected: [] });
    expect(parseFeed({ events: [], cursor: null }, NOW)).toEqual({ ok: true, events: [], rejected: [] });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /not send a JSON object/],
    ['null', null, /not send a JSON object/],
    ['a string', '{"events":[]}', /not send a JSON object/],
    ['no events list', { cursor: 'c' }, /no "events" list/],
    ['events as an object', { events: { 0: event() } }, /no "events" list/],
    ['a numeric cursor', { events: [], cursor: 5 }, /"cursor" must be text/],
    ['an over-long cursor', { events: [], cursor: 'c'.repeat(1001) }, /at most 1,000 characters/],
    [
      '10,001 events',
      { events: Array.from({ length: 10_001 }, (_, i) => event({ id: `e${i}` })) },
      /10001 events.*at most 10,000/,
    ],
  ])('refuses a page that is %s, whole', (_name, body, reason) => {
    const r = parseFeed(body, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads exactly 10,000 events', () => {
    const r = parseFeed({ events: Array.from({ length: 10_000 }, (_, i) => event({ id: `e${i}` })) }, NOW);
    expect(r.ok && r.events.length).toBe(10_000);
  });

  it.each<[string, Record<string, unknown> | unknown, RegExp]>([
    ['no id', event({ id: undefined }), /"id" must be text/],
    ['an empty id', event({ id: '' }), /"id" must be text/],
    ['a numeric id', event({ id: 7 }), /"id" must be text/],
    ['a 201-character id', event({ id: 'x'.repeat(201) }), /"id" must be text/],
    ['an id with a control character', event({ id: 'ev\u0000' }), /"id" must be text/],
    ['an unknown program format', event({ program: 'Ali Express' }), /"program" must be a program id/],
    ['a program that is not text', event({ program: ['aliexpress'] }), /"program" must be a program id/],
    [
      'an unknown type',
      event({ type: 'paid' }),
      /"type" must be one of registered, first_purchase, coupon_issued, refunded/,
    ],
    ['a time without a zone', event({ at: '2026-11-24T10:00:00' }), /"at" must be an ISO 8601 time with a time zone/],
    ['a date only', event({ at: '2026-11-24' }), /"at" must be an ISO 8601/],
    ['an impossible date', event({ at: '2026-02-30T10:00:00Z' }), /"at" must be an ISO 8601/],
    ['epoch milliseconds', event({ at: NOW }), /"at" must be an ISO 8601/],
    ['a time before 1970', event({ at: '1969-12-31T23:59:59Z' }), /"at" must be an ISO 8601/],
    [
      'a time over a day ahead',
      event({ at: new Date(NOW + DAY + 1000).toISOString() }),
      /more than a day in the future/,
    ],
    ['no invite', event({ invite: undefined }), /"invite" must be an object/],
    ['an invite with neither code nor nickname', event({ invite: { email: 'a@b.c' } }), /names neither/],
    ['an invite with blank code and nickname', event({ invite: { code: ' ', nickname: '' } }), /names neither/],
    ['a code with spaces inside', event({ invite: { code: 'IN 7XK2P9' } }), /"invite.code"/],
    ['a numeric code', event({ invite: { code: 7 } }), /"invite.code"/],
    ['a 41-character nickname', event({ invite: { nickname: 'n'.repeat(41) } }), /"invite.nickname"/],
    ['a nickname with a bidi override', event({ invite: { nickname: 'Ana\u202E' } }), /"invite.nickname"/],
    ['a coupon_issued without a coupon', event({ type: 'coupon_issued' }), /needs a "coupon" object/],
    ['a coupon of value 0', event({ type: 'coupon_issued', coupon: { ...coupon, value: 0 } }), /above 0/],
    ['a coupon of NaN value', event({ type: 'coupon_issued', coupon: { ...coupon, value: Number.NaN } }), /above 0/],
    ['a coupon value as text', event({ type: 'coupon_issued', coupon: { ...coupon, value: '3' } }), /above 0/],
    [
      'a 4-letter currency',
      event({ type: 'coupon_issued', coupon: { ...coupon, currency: 'USDT' } }),
      /3-letter ISO code/,
    ],
    [
      'a negative minimum spend',
      event({ type: 'coupon_issued', coupon: { ...coupon, minSpend: -1 } }),
      /minimum spend/,
    ],
    ['an empty title', event({ type: 'coupon_issued', coupon: { ...coupon, title: ' ' } }), /title must be 1–120/],
    ['a coupon code with spaces', event({ type: 'coupon_issued', coupon: { ...coupon, code: 'A B' } }), /coupon code/],
    [
      'a coupon expiry in ms',
      event({ type: 'coupon_issued', coupon: { ...coupon, expiresAt: NOW } }),
      /"coupon.expiresAt"/,
    ],
    ['a coupon on a registered event', event({ coupon }), /Only coupon_issued events carry a "coupon"/],
    ['an array as the event', [event()], /not a JSON object/],
  ])('refuses an event with %s and applies the others', (_name, bad, reason) => {
    const r = parseFeed({ events: [event({ id: 'good-1' }), bad, event({ id: 'good-2' })] }, NOW);
    if (!r.ok) throw new Error(r.reason);
    expect(r.events.map((e) => e.id)).toEqual(['good-1', 'good-2']);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.reason).toMatch(reason);
  });

  it('names the refused event by its id when the id itself is usable', () => {
    const r = parseFeed({ events: [event({ id: 'ev-9', type: 'paid' }), event({ id: 5 })] }, NOW);
    expect(r.ok && r.rejected.map((x) => x.id)).toEqual(['ev-9', undefined]);
  });

  it('keeps the first of two events with the same id and reports the second', () => {
    const r = parseFeed({ events: [event(), event({ type: 'first_purchase' })] }, NOW);
    if (!r.ok) throw new Error(r.reason);
    expect(r.events).toMatchObject([{ id: 'ev-1', type: 'registered' }]);
    expect(r.rejected).toEqual([{ id: 'ev-1', reason: expect.stringMatching(/appears twice/) }]);
  });

  it('reads own properties only: __proto__ and constructor keys mean nothing and pollute nothing', () => {
    const body = JSON.parse(
      '{"__proto__":{"events":[1]},"constructor":{"prototype":{"polluted":1}},"events":[' +
        '{"__proto__":{"type":"refunded","polluted":1},"id":"a","program":"aliexpress","invite":{"code":"IN7XK2P9"},"type":"registered","at":"2026-11-24T10:00:00Z"},' +
        '{"__proto__":{"id":"b","program":"aliexpress","invite":{"code":"X"},"type":"registered","at":"2026-11-24T10:00:00Z"}},' +
        '{"id":"c","program":"aliexpress","invite":{"__proto__":{"code":"X"}},"type":"registered","at":"2026-11-24T10:00:00Z"}' +
        ']}',
    );
    const r = parseFeed(body, NOW);
    if (!r.ok) throw new Error(r.reason);
    expect(r.events).toEqual([
      { id: 'a', program: 'aliexpress', invite: { code: 'IN7XK2P9' }, type: 'registered', at: NOW - 2 * HOUR },
    ]);
    expect(r.rejected.map((x) => x.id)).toEqual([undefined, 'c']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.events[0])).toBe(Object.prototype);
  });

  it('never runs getters on the input', () => {
    let ran = false;
    const sneaky = event();
    Object.defineProperty(sneaky, 'type', {
      enumerable: true,
      get() {
        ran = true;
        return 'registered';
      },
    });
    const r = parseFeed({ events: [sneaky] }, NOW);
    expect(ran).toBe(false);
    expect(r.ok && r.rejected[0]?.reason).toMatch(/"type"/);
  });

  it('copes with hostile strings: huge, control characters, right-to-left, and look-alike digits', () => {
    const huge = 'x'.repeat(5_000_000);
    const r = parseFeed(
      {
        cursor: 'ok',
        events: [
          event({ id: huge }),
          event({ id: 'e2', invite: { nickname: huge } }),
          event({ id: 'e3', invite: { code: 'IN7XK2P9\u200B' } }),
          event({ id: 'e4', type: 'coupon_issued', coupon: { ...coupon, title: huge } }),
          event({ id: 'e5', type: 'coupon_issued', coupon: { ...coupon, title: 'Cupom\u0007' } }),
          event({ id: 'e6', at: '２０２６-11-24T10:00:00Z' }),
          event({ id: 'e7', invite: { nickname: 'مريم' } }),
        ],
      },
      NOW,
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.events.map((e) => e.id)).toEqual(['e7']);
    expect(r.rejected).toHaveLength(6);
    for (const x of r.rejected) expect(x.reason.length).toBeLessThan(200);
  });
});

describe('parseIsoTime', () => {
  it.each<[string, number | undefined]>([
    ['2026-11-24T12:00:00Z', NOW],
    ['2026-11-24t12:00:00z', NOW],
    ['2026-11-24T12:00Z', NOW],
    ['2026-11-24T13:30:00+01:30', NOW],
    ['2026-11-24T07:00:00-05:00', NOW],
    ['2026-11-24T12:00:00.5Z', NOW + 500],
    ['2026-11-24T12:00:00.123456789Z', NOW + 123],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
    ['2026-02-29T00:00:00Z', undefined],
    ['2100-02-29T00:00:00Z', undefined],
    ['2026-11-24T24:00:00Z', undefined],
    ['2026-11-24T12:00:60Z', undefined],
    ['2026-11-24T12:00:00+24:00', undefined],
    ['2026-11-24T12:00:00', undefined],
    ['2026-11-24 12:00:00Z', undefined],
    ['+002026-11-24T12:00:00Z', undefined],
    ['2026-11-24T12:00:00+0100', undefined],
    [`2026-11-24T12:00:00.${'1'.repeat(100)}Z`, undefined],
  ])('%s → %s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });
});

describe('feedUrlError', () => {
  it.each([
    'https://feeds.example.com/refshare.json',
    'https://feeds.example.com/refshare.json?token=abc&format=json',
    'https://feeds.example.com:8443/f',
    '  https://feeds.example.com/f  ',
    'HTTPS://Feeds.Example.com/f',
    'http://127.0.0.1:8080/feed.json',
    'http://localhost/feed.json',
    'http://[::1]:3000/feed.json',
    'https://203.0.113.7/feed',
  ])('accepts %s', (url) => {
    expect(feedUrlError(url)).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    ['empty', '', /Enter the feed’s address/],
    ['blank', ' \u200B ', /Enter the feed’s address/],
    ['over 2,048 characters', `https://feeds.example.com/${'a'.repeat(2048)}`, /2074 characters long.*2,048/],
    ['enormous', `https://feeds.example.com/${'a'.repeat(100_000)}`, /characters long/],
    [
      'plain http to a remote host',
      'http://feeds.example.com/f',
      /must use https:\/\/.*localhost, 127\.0\.0\.1 or \[::1\]/,
    ],
    ['http to a look-alike of localhost', 'http://localhost.evil.example/f', /must use https/],
    ['http to another private address', 'http://192.168.1.2/f', /must use https/],
    ['a user name and password', 'https://user:pass@feeds.example.com/f', /user name or password/],
    ['a user name only', 'https://token@feeds.example.com/f', /user name or password/],
    ['javascript:', 'javascript:fetch("//evil")', /javascript: address/],
    ['javascript: with a tab inside', 'java\tscript:alert(1)', /javascript: address/],
    ['data:', 'data:application/json,{"events":[]}', /data: address/],
    ['file:', 'file:///etc/passwd', /"file:" addresses are not supported/],
    ['ftp:', 'ftp://feeds.example.com/f', /"ftp:" addresses are not supported/],
    ['no scheme', 'feeds.example.com/f', /must start with https:\/\//],
    ['https without slashes', 'https:feeds.example.com/f', /must start with https:\/\//],
    ['spaces inside', 'https://feeds.example.com/my feed.json', /spaces/],
    ['a control character', 'https://feeds.example.com/f\u0000x', /control character \(U\+0000\)/],
    ['a bidi override', 'https://feeds.example.com/\u202Ef', /control character \(U\+202E\)/],
    ['a backslash', 'https://feeds.example.com\\@evil.example/', /backslash/],
    ['no host', 'https://', /not a valid web address/],
  ])('refuses %s with a clear message', (_name, url, message) => {
    expect(feedUrlError(url)).toMatch(message);
  });
});

describe('feedOrigin', () => {
  it.each([
    ['https://feeds.example.com/refshare.json?token=a', 'https://feeds.example.com/*'],
    ['https://Feeds.Example.com:8443/f', 'https://feeds.example.com/*'],
    ['http://127.0.0.1:8080/feed.json', 'http://127.0.0.1/*'],
    ['http://[::1]:3000/feed.json', 'http://[::1]/*'],
    ['http://localhost/feed.json', 'http://localhost/*'],
  ])('%s → %s', (url, pattern) => {
    expect(feedOrigin(url)).toBe(pattern);
  });
});
