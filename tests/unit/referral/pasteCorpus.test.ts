import { describe, expect, it } from 'vitest';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { parseLink } from '@/lib/referral/links';
import { findInviteLinks } from '@/lib/referral/pastedText';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { LinkRefusalReason } from '@/lib/referral/types';
import { REAL_PASTES } from '../../corpus/realPastes';

const programs = BUILT_IN_PROGRAMS;
const TEMU_INVITE = 'https://temu.com/s/PrK5iJNOLc1Zj'; // github ntddk/temu issue 2
const ALI_SHORT = 'https://a.aliexpress.com/_mKjL9Cq'; // a public BOM (aliexpress.ts)

/**
 * Constructed, not seen: real links written the ways issue 12 lists (trailing punctuation, brackets, Chinese text
 * glued after, a message in Spanish or Portuguese), to pin each rule down. Marked so, as the standards ask.
 */
const CONSTRUCTED: { input: string; links?: string[]; refused?: LinkRefusalReason }[] = [
  { input: `${ALI_SHORT}.`, links: [ALI_SHORT] },
  { input: `${ALI_SHORT})`, links: [ALI_SHORT] },
  { input: `(${ALI_SHORT})`, links: [ALI_SHORT] },
  { input: `${ALI_SHORT}!`, links: [ALI_SHORT] },
  { input: `${ALI_SHORT},`, links: [ALI_SHORT] },
  { input: `${ALI_SHORT}复制链接到浏览器打开`, links: [ALI_SHORT] },
  { input: `¡Te regalo cupones! 🎁\n${TEMU_INVITE}\n¡Regístrate con mi enlace!`, links: [TEMU_INVITE] },
  { input: `Aceita meu convite no Temu 👉 ${TEMU_INVITE} 🙏`, links: [TEMU_INVITE] },
  { input: `“${TEMU_INVITE}”`, links: [TEMU_INVITE] },
  { input: `Temu: ${TEMU_INVITE}\nAliExpress: ${ALI_SHORT}`, links: [TEMU_INVITE, ALI_SHORT] },
  { input: 'Únete a AliExpress conmigo, ¡te va a encantar!', refused: 'no_link' },
  { input: `${TEMU_INVITE}ñ`, refused: 'not_an_invite_link' },
  { input: `Mira ${TEMU_INVITE}ñandú`, refused: 'link_glued_to_text' },
];

function outcome(input: string): { links?: string[]; refused?: LinkRefusalReason } {
  const r = findInviteLinks(input, programs);
  return r.ok ? { links: r.links.map((l) => l.url) } : { refused: r.reason };
}

describe('pasted inputs from the real world (tests/corpus/realPastes.ts)', () => {
  it('has more than 60 real inputs, each with its source', () => {
    expect(REAL_PASTES.length).toBeGreaterThanOrEqual(60);
    for (const p of REAL_PASTES) expect(p.source).toMatch(/github|pastebin|gist|search-index id/i);
  });

  it.each(REAL_PASTES.map((p, i) => [i, p.seenAs, p] as const))('#%i (%s)', (_i, _kind, paste) => {
    const expected = paste.links ? { links: paste.links } : { refused: paste.refused };
    expect(outcome(paste.input)).toEqual(expected);
  });

  it('finds every accepted link exactly as written in the input', () => {
    for (const p of REAL_PASTES) for (const link of p.links ?? []) expect(p.input).toContain(link);
  });
});

describe('constructed inputs (not seen: real links wrapped the ways issue 12 lists)', () => {
  it.each(CONSTRUCTED.map((c) => [c.input, c] as const))('%j', (_input, c) => {
    expect(outcome(c.input)).toEqual(c.links ? { links: c.links } : { refused: c.refused });
  });
});

describe('links saved before issue 12 keep parsing to the same program, URL and code', () => {
  // The programs' link examples up to issue 12 (invented formats among them, and so marked then).
  it.each([
    [
      'https://star.aliexpress.com/share/share.htm?gatewayAdapt=glo2usa&redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DINABCD12%26channel%3Dshare',
      'aliexpress',
      'INABCD12',
    ],
    ['https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE', 'aliexpress', 'IN7XK2P9'],
    ['https://a.aliexpress.com/_mKXyZab', 'aliexpress', undefined],
    [
      'https://m.aliexpress.com/p/spring-festival/referral_register_success.htm?invitationCode=INQW3RT7&x=1',
      'aliexpress',
      'INQW3RT7',
    ],
    ['INABCD12', 'aliexpress', 'INABCD12'],
    ['https://www.temu.com/s/Ab12Cd34Ef', 'temu', 'Ab12Cd34Ef'],
    ['https://share.temu.com/s/Zx9Yw8Vu7T', 'temu', 'Zx9Yw8Vu7T'],
    ['https://temu.to/k/ejk3nq7rpqz', 'temu', 'ejk3nq7rpqz'],
  ])('%s', (url, programId, code) => {
    const r = parseLink(url, programs);
    expect(r.ok && [r.link.programId, r.link.url, r.link.code]).toEqual([programId, url, code]);
    const pasted = findInviteLinks(url, programs);
    expect(pasted.ok && [pasted.inText, pasted.links.map((l) => l.url)]).toEqual([false, [url]]);
  });
});

describe('every refusal names the problem in English, Spanish and Portuguese', () => {
  const locales = mergeLocales(localesDir(process.cwd()));
  const render = (lang: string, key: string, subs: string[]) =>
    (locales[lang]?.[key]?.message ?? '').replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
  // Read inside each test: the engine's wording is the locale files', set up before each test (tests/setup/i18n.ts).
  const allRefusals = () =>
    [...REAL_PASTES, ...CONSTRUCTED].flatMap((p) => {
      const r = findInviteLinks(p.input, programs);
      return r.ok ? [] : [r];
    });

  it('covers each kind of refusal the corpus holds', () => {
    const refusals = allRefusals();
    expect(new Set(refusals.map((r) => r.reason))).toEqual(
      new Set([
        'product_link',
        'affiliate_link',
        'game_link',
        'not_an_invite_link',
        'unknown_host',
        'no_link',
        'link_glued_to_text',
      ]),
    );
  });

  it.each(['es', 'pt'])('%s: each says it in that language, with the same values', (lang) => {
    for (const r of allRefusals()) {
      const text = render(lang, r.say.key, r.say.subs);
      expect(text, r.say.key).not.toBe('');
      expect(text).not.toBe(r.message);
      for (const value of r.say.subs) expect(text).toContain(value);
    }
  });

  it('names what was there: a product, an affiliate link, a game, no link', () => {
    const refusals = allRefusals();
    const byReason = (reason: LinkRefusalReason) => refusals.find((r) => r.reason === reason)?.message;
    expect(byReason('product_link')).toMatch(/product link/);
    expect(byReason('affiliate_link')).toMatch(/affiliate \(commission\) link/);
    expect(byReason('game_link')).toMatch(/link to (Free Gifts|Slash it|Bonus Buddies|group buy) on/);
    expect(byReason('no_link')).toMatch(/no link in the pasted text/);
  });
});
