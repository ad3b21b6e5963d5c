import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLinkHost, MAX_LINK_LENGTH, parseLink } from '@/lib/referral/links';
import { findInviteLinks } from '@/lib/referral/pastedText';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { LinkRefusalReason } from '@/lib/referral/types';

const programs = BUILT_IN_PROGRAMS;
const SHARE =
  'https://star.aliexpress.com/share/share.htm?gatewayAdapt=glo2usa&redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DINABCD12%26channel%3Dshare';

describe('parseLink accepts real formats', () => {
  it.each([
    ['AliExpress share.htm with encoded redirectUrl', SHARE, 'aliexpress', 'INABCD12', 'url'],
    [
      'AliExpress share.htm, code on the share URL (lower case)',
      'https://star.aliexpress.com/share/share.htm?invitationCode=in7xk2p9&platform=AE',
      'aliexpress',
      'IN7XK2P9',
      'url',
    ],
    [
      'AliExpress redirect to www.aliexpress.us',
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fwww.aliexpress.us%2Fp%2Finvite.html%3FinvitationCode%3DINZZ9Y8X',
      'aliexpress',
      'INZZ9Y8X',
      'url',
    ],
    [
      'AliExpress landing page with the code',
      'https://m.aliexpress.com/p/spring-festival/referral_register_success.htm?invitationCode=INQW3RT7&x=1',
      'aliexpress',
      'INQW3RT7',
      'url',
    ],
    ['AliExpress short link', 'https://a.aliexpress.com/_mKXyZab', 'aliexpress', undefined, 'url'],
    ['AliExpress short link, 12 chars', 'https://a.aliexpress.com/_mKXyZab12345', 'aliexpress', undefined, 'url'],
    ['upper-case scheme and host', 'HTTPS://A.AliExpress.com/_mKXyZab', 'aliexpress', undefined, 'url'],
    ['bare code', 'INABCD12', 'aliexpress', 'INABCD12', 'code'],
    ['bare code, lower case', 'inabcd12', 'aliexpress', 'INABCD12', 'code'],
    ['Temu www /s/', 'https://www.temu.com/s/Ab12Cd34Ef', 'temu', 'Ab12Cd34Ef', 'url'],
    ['Temu share host', 'https://share.temu.com/s/Zx9Yw8Vu7T/', 'temu', 'Zx9Yw8Vu7T', 'url'],
    ['Temu short link', 'https://temu.to/k/ejk3nq7rpqz', 'temu', 'ejk3nq7rpqz', 'url'],
    ['Temu short link, /m/ form', 'https://temu.to/m/ejk3nq7rpqz', 'temu', 'ejk3nq7rpqz', 'url'],
    ['Temu app link', 'https://app.temu.com/m/ejk3nq7rpqz', 'temu', 'ejk3nq7rpqz', 'url'],
    [
      'AliExpress landing page on a country subdomain',
      'https://es.aliexpress.com/p/x/referral_register_success.htm?invitationCode=INQW3RT7',
      'aliexpress',
      'INQW3RT7',
      'url',
    ],
  ])('%s', (_label, input, programId, code, kind) => {
    const r = parseLink(input, programs);
    expect(r).toEqual({
      ok: true,
      link: { programId, url: kind === 'code' ? code : input, kind, ...(code ? { code } : {}) },
    });
  });

  it.each([
    ['spaces and newlines', `  \n${SHARE}\t \n`],
    ['zero-width space and BOM', `\u200B\uFEFF${SHARE}\u200B`],
    ['bidi override and isolate', `\u202E${SHARE}\u2066\u202C`],
  ])('trims %s at both ends and keeps the rest byte for byte', (_label, input) => {
    const r = parseLink(input, programs);
    expect(r.ok && r.link.url).toBe(SHARE);
  });

  it('never re-serialises the URL (host case, default port, odd but valid encoding stay as given)', () => {
    const input = 'https://Star.AliExpress.com:443/share/share.htm?z=1&invitationCode=INABCD12&a=%7e&empty=';
    const r = parseLink(input, programs);
    expect(new URL(input).href).not.toBe(input);
    expect(r.ok && r.link.url).toBe(input);
  });

  it('accepts the expected program when given', () => {
    const r = parseLink('https://temu.to/k/abcd1234', programs, 'temu');
    expect(r.ok && r.link.programId).toBe('temu');
  });
});

describe('parseLink refuses, saying why', () => {
  it.each<[string, string, LinkRefusalReason, RegExp]>([
    ['empty', '', 'empty', /Paste/],
    ['only invisible characters', ' \u200B\t\uFEFF ', 'empty', /Paste/],
    ['too long', `https://a.aliexpress.com/_mKXyZab?${'x'.repeat(MAX_LINK_LENGTH)}`, 'too_long', /2048/],
    ['javascript:', 'javascript:alert(1)', 'javascript_url', /javascript:/],
    ['JavaScript: in mixed case', 'JaVaScRiPt:alert(document.cookie)', 'javascript_url', /runs code/],
    ['java<TAB>script:', 'java\tscript:alert(1)', 'javascript_url', /javascript:/],
    ['newlines inside the scheme', ' \n jav\na\rscript:alert(1)', 'javascript_url', /javascript:/],
    ['data:', 'data:text/html,<script>alert(1)</script>', 'data_url', /data:/],
    ['DATA: upper case', 'DATA:text/html;base64,PHNjcmlwdD4=', 'data_url', /data:/],
    ['http:', 'http://star.aliexpress.com/share/share.htm?invitationCode=INABCD12', 'insecure_http', /not secure/],
    ['ftp:', 'ftp://star.aliexpress.com/x', 'unsupported_scheme', /"ftp:"/],
    ['file:', 'file:///etc/passwd', 'unsupported_scheme', /"file:"/],
    ['chrome:', 'chrome://settings', 'unsupported_scheme', /"chrome:"/],
    ['blob:', 'blob:https://star.aliexpress.com/1234', 'unsupported_scheme', /"blob:"/],
    ['vbscript:', 'VBScript:msgbox(1)', 'unsupported_scheme', /"vbscript:"/],
    ['user and password', 'https://user:pass@a.aliexpress.com/_mKXyZab', 'credentials_in_url', /password/],
    ['host disguised as user', 'https://a.aliexpress.com@evil.example/_mKXyZab', 'credentials_in_url', /"@"/],
    ['empty user', 'https://@a.aliexpress.com/_mKXyZab', 'credentials_in_url', /"@"/],
    ['unknown host', 'https://evil.example/share/share.htm?invitationCode=INABCD12', 'unknown_host', /evil\.example/],
    [
      'look-alike host',
      'https://aliexpress.com.evil.example/_mKXyZab',
      'unknown_host',
      /aliexpress\.com\.evil\.example/,
    ],
    ['IDN homograph', 'https://\u0430liexpress.com/_mKXyZab', 'unknown_host', /xn--/],
    ['affiliate link', 'https://s.click.aliexpress.com/e/_DmXyZab', 'affiliate_link', /affiliate \(commission\) link/],
    [
      'share link wrapping an affiliate link',
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fs.click.aliexpress.com%2Fe%2F_DmX',
      'affiliate_link',
      /affiliate/,
    ],
    ['product page', 'https://www.aliexpress.com/item/1005006.html', 'product_link', /product link \(AliExpress\)/],
    [
      'product share',
      'https://star.aliexpress.com/share/share.htm?businessType=ProductDetail&redirectUrl=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1.html',
      'product_link',
      /product link/,
    ],
    [
      'share of another page',
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fwww.aliexpress.com%2Fstore%2F1',
      'not_an_invite_link',
      /no invitation code/,
    ],
    [
      'share link leading off AliExpress',
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fevil.example%2F%3FinvitationCode%3DINABCD12',
      'not_an_invite_link',
      /evil\.example/,
    ],
    [
      'malformed AliExpress code',
      'https://star.aliexpress.com/share/share.htm?invitationCode=INXYZ',
      'not_an_invite_link',
      /8 characters beginning with IN/,
    ],
    [
      'damaged invitation token',
      'https://star.aliexpress.com/share/share.htm?businessType=socialFission&invitationCode=XYZ',
      'not_an_invite_link',
      /damaged/,
    ],
    ['bad short path', 'https://a.aliexpress.com/foo/bar', 'not_an_invite_link', /a\.aliexpress\.com\/_/],
    ['Temu product page', 'https://www.temu.com/goods.html?goods_id=1', 'product_link', /product link \(Temu\)/],
    ['Temu page', 'https://www.temu.com/channel/best-sellers.html', 'not_an_invite_link', /Temu page/],
    ['Temu short link, other kind', 'https://temu.to/x/abcd1234', 'not_an_invite_link', /temu\.to\/k\//],
    ['Temu code with symbols', 'https://www.temu.com/s/ab$cd', 'not_an_invite_link', /letters and digits/],
    ['non-default port', 'https://a.aliexpress.com:8443/_mKXyZab', 'not_an_invite_link', /port/],
    ['missing https://', 'a.aliexpress.com/_mKXyZab', 'not_a_url', /AliExpress link without https:\/\//],
    ['missing https://, unknown host', 'example.com/invite', 'not_a_url', /no https:\/\//],
    ['not a link at all', 'hello there', 'not_a_url', /neither a link nor an invite code/],
    ['code of wrong length', 'INABCD1', 'not_a_url', /neither a link nor an invite code/],
    ['control char inside', 'https://a.aliexpress.com/_mKX\u200ByZab', 'not_a_url', /U\+200B/],
    ['control char in a bare code', 'INAB\u0000CD12', 'not_a_url', /U\+0000/],
    // One link only: text around a link is findInviteLinks' job (pastedText.test.ts).
    ['space inside', 'Join me! https://a.aliexpress.com/_mKXyZab', 'not_a_url', /neither a link nor an invite code/],
    ['https: without slashes', 'https:a.aliexpress.com/_mKXyZab', 'not_a_url', /https:\/\//],
    ['backslash', 'https://a.aliexpress.com\\_mKXyZab', 'not_a_url', /backslash/],
    ['percent-encoded host', 'https://a%2Ealiexpress.com/_mKXyZab', 'not_a_url', /% codes/],
  ])('%s', (_label, input, reason, message) => {
    const r = parseLink(input, programs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.message).toMatch(message);
  });

  it.each([
    [
      'a Temu link when AliExpress is chosen',
      'https://temu.to/k/abcd1234',
      'aliexpress',
      /for Temu, but you chose AliExpress/,
    ],
    ['an AliExpress code when Temu is chosen', 'INABCD12', 'temu', /invite code for AliExpress, but you chose Temu/],
    ['an AliExpress page when Temu is chosen', 'https://www.aliexpress.com/item/1.html', 'temu', /for AliExpress/],
  ])('wrong_program: %s', (_label, input, expected, message) => {
    const r = parseLink(input, programs, expected);
    expect(r).toMatchObject({ ok: false, reason: 'wrong_program' });
    expect(!r.ok && r.message).toMatch(message);
  });
});

/** Every accepted result is an https link of a program's host, or a bare code in a program's format. */
function acceptedIsSafe(input: string): boolean {
  const r = parseLink(input, programs);
  if (!r.ok) return true;
  if (r.link.kind === 'code') return /^IN[A-Z0-9]{6}$/.test(r.link.url);
  const url = new URL(r.link.url);
  return (
    /^https:\/\//i.test(r.link.url) &&
    url.protocol === 'https:' &&
    programs.some((p) => p.id === r.link.programId && isLinkHost(p, url.hostname))
  );
}

describe('parseLink properties', () => {
  it('accepts nothing but https links and program-format codes, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), acceptedIsSafe), { numRuns: 2000 });
    fc.assert(fc.property(fc.webUrl({ validSchemes: ['https'] }), acceptedIsSafe), { numRuns: 500 });
    // Thousands of generated inputs: allow for a busy 2-core machine running every file in parallel.
  }, 30_000);

  it('refuses every http URL as insecure', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http'], withQueryParameters: true, withFragments: true }), (url) => {
        const r = parseLink(url, programs);
        return !r.ok && r.reason === 'insecure_http';
      }),
    );
  });

  const scrambledScheme = (scheme: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: scheme.length, maxLength: scheme.length }),
        fc.array(fc.constantFrom('', '', '\t', '\n', '\r'), { minLength: scheme.length, maxLength: scheme.length }),
        fc.constantFrom('', ' ', '\t', '\n', '\u0000', '\u001f', '\u200B', '\uFEFF', ' \u202E '),
      )
      .map(
        ([upper, gaps, lead]) =>
          lead +
          Array.from(
            scheme,
            (ch, i) => (upper[i] ? ch.toUpperCase() : ch) + (i < scheme.length - 1 ? gaps[i] : ''),
          ).join(''),
      );

  it.each<[string, LinkRefusalReason]>([
    ['javascript', 'javascript_url'],
    ['data', 'data_url'],
    ['http', 'insecure_http'],
    ['ftp', 'unsupported_scheme'],
    ['file', 'unsupported_scheme'],
    ['vbscript', 'unsupported_scheme'],
    ['blob', 'unsupported_scheme'],
    ['chrome', 'unsupported_scheme'],
  ])('refuses %s: in any case, with tabs/newlines inside and junk in front', (scheme, reason) => {
    const rest = fc.constantFrom(
      '//a.aliexpress.com/_mKXyZab',
      '//star.aliexpress.com/share/share.htm?invitationCode=INABCD12',
      'alert(1)',
      'INABCD12',
    );
    fc.assert(
      fc.property(scrambledScheme(scheme), rest, (prefix, tail) => {
        // The same answer alone and read as pasted text (the popup's way in).
        const r = parseLink(`${prefix}:${tail}`, programs);
        const pasted = findInviteLinks(`${prefix}:${tail}`, programs);
        return !r.ok && r.reason === reason && !pasted.ok && pasted.reason === reason;
      }),
    );
  });
});
