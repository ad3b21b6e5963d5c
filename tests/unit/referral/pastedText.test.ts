import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInviteLinks, MAX_PASTE_LENGTH } from '@/lib/referral/pastedText';
import { customProgram } from '@/lib/referral/programs/custom';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { LinkRefusalReason } from '@/lib/referral/types';

// Constructed inputs (not seen anywhere): each isolates one rule of reading a link out of text. Real pasted
// messages, with their sources, are in pasteCorpus.test.ts.
const programs = BUILT_IN_PROGRAMS;
const TEMU = 'https://temu.com/s/Ab12Cd34Ef';
const ALI = 'https://a.aliexpress.com/_mKcJ8RJ';

const found = (input: string) => {
  const r = findInviteLinks(input, programs);
  return r.ok ? r.links.map((l) => l.url) : r.reason;
};

describe('findInviteLinks: the link alone', () => {
  it('is taken as is, not "in text"', () => {
    expect(findInviteLinks(`  ${TEMU}\n`, programs)).toMatchObject({ ok: true, inText: false, links: [{ url: TEMU }] });
  });

  it('keeps a bare invite code', () => {
    expect(findInviteLinks('INABCD12', programs)).toMatchObject({
      ok: true,
      links: [{ code: 'INABCD12', kind: 'code' }],
    });
  });
});

describe('findInviteLinks: a link inside text', () => {
  it.each([
    ['sentence full stop', `My link: ${ALI}.`, ALI],
    ['exclamation', `${TEMU}!`, TEMU],
    ['comma', `${TEMU}, thanks`, TEMU],
    ['closing bracket', `(${TEMU})`, TEMU],
    ['closing bracket after a full stop', `(see ${TEMU}).`, TEMU],
    ['square brackets', `[${TEMU}]`, TEMU],
    ['Markdown link', `[my invite](${TEMU})`, TEMU],
    ['double quotes', `"${TEMU}"`, TEMU],
    ['typographic quotes', `“${TEMU}”`, TEMU],
    ['guillemets', `«${TEMU}»`, TEMU],
    ['angle brackets', `<${TEMU}>`, TEMU],
    ['Chinese text glued after', `${ALI}复制链接打开`, ALI],
    ['Japanese text glued after', `${TEMU}をタップ`, TEMU],
    ['full-width punctuation after', `${TEMU}，谢谢。`, TEMU],
    ['emoji glued after', `${TEMU}🎁🎉`, TEMU],
    ['emoji glued before', `🎁${TEMU}`, TEMU],
    ['a colon glued before', `Link:${TEMU}`, TEMU],
    ['line breaks around', `Join me!\n\n${TEMU}\nBye`, TEMU],
    ['Windows line breaks', `Join me!\r\n${TEMU}\r\n`, TEMU],
    ['tab after', `${TEMU}\tok`, TEMU],
    ['the same link twice', `${TEMU} or ${TEMU}`, TEMU],
  ])('%s', (_label, input, link) => {
    expect(findInviteLinks(input, programs)).toMatchObject({ ok: true, inText: true, links: [{ url: link }] });
  });

  it('keeps a share link with its redirectUrl as one link', () => {
    const share =
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fx.htm%3FinvitationCode%3DINABCD12';
    const raw =
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https://m.aliexpress.com/p/x.htm?invitationCode=INABCD12';
    expect(found(`Look ${share} now`)).toEqual([share]);
    expect(found(`Look ${raw} now`)).toEqual([raw]);
  });

  it('offers every different invite link, in order, when there are several', () => {
    expect(found(`Temu: ${TEMU}\nAliExpress: ${ALI}`)).toEqual([TEMU, ALI]);
  });

  it('finds a custom program’s link in a message, by its own pattern', () => {
    const shop = customProgram({
      id: 'custom:cafe-shop',
      name: 'Café Shop',
      shoppingHosts: ['shop.example.com'],
      linkPattern: 'https://shop.example.com/invite/{code}',
      rewardDelayHours: 48,
      createdAt: 1,
    });
    const link = 'https://shop.example.com/invite/ABC123';
    const r = findInviteLinks(`Únete 👉 ${link}!\nGracias`, [...programs, shop]);
    expect(r).toMatchObject({
      ok: true,
      inText: true,
      links: [{ programId: 'custom:cafe-shop', url: link, code: 'ABC123' }],
    });
    const other = findInviteLinks('Únete 👉 https://shop.example.com/about', [...programs, shop]);
    expect(other).toMatchObject({ ok: false, reason: 'not_an_invite_link', say: { key: 'linkErrCustom' } });
  });

  it('keeps only the expected program’s links when a program is chosen', () => {
    const r = findInviteLinks(`Temu: ${TEMU}\nAliExpress: ${ALI}`, programs, 'aliexpress');
    expect(r.ok && r.links.map((l) => l.url)).toEqual([ALI]);
  });
});

describe('findInviteLinks: no invite link, saying what was there', () => {
  it.each<[string, string, LinkRefusalReason, RegExp]>([
    ['no link at all', 'Hi Ana, join me on AliExpress!', 'no_link', /no link in the pasted text/],
    [
      'a product link in a message',
      'Look at this: https://www.aliexpress.com/item/1005006.html',
      'product_link',
      /product link/,
    ],
    [
      'an affiliate link in a message',
      'Great deal https://s.click.aliexpress.com/e/_DmXyZab !',
      'affiliate_link',
      /affiliate \(commission\) link/,
    ],
    ['an http invite link', `Join: ${TEMU.replace('https', 'http')} now`, 'insecure_http', /http:\/\//],
    ['a link of another site', 'Download https://example.com/app now', 'unknown_host', /example\.com/],
    ['a link running into a Latin word', `Join ${TEMU}ñandú now`, 'link_glued_to_text', /runs straight into/],
    ['an invisible character after the link', `Join ${TEMU}\u200Bnow and more`, 'not_a_url', /U\+200B/],
    ['a link without https:// in a message', 'Join me temu.com/s/Ab12Cd34Ef ok', 'no_link', /no link/],
    ['javascript: with a link after it', `javascript:alert(1)//${TEMU}`, 'javascript_url', /javascript:/],
    ['data: with a link after it', `data:text/html,<a href="${TEMU}">x</a>`, 'data_url', /data:/],
  ])('%s', (_label, input, reason, message) => {
    const r = findInviteLinks(input, programs);
    expect(r).toMatchObject({ ok: false, reason });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('prefers the product link’s reason over an unknown site’s', () => {
    const r = findInviteLinks('https://example.com/x and https://www.temu.com/goods.html?goods_id=601099', programs);
    expect(r).toMatchObject({ ok: false, reason: 'product_link' });
  });

  it('refuses text longer than a message could be', () => {
    const r = findInviteLinks(`${TEMU} ${'x'.repeat(MAX_PASTE_LENGTH)}`, programs);
    expect(r).toMatchObject({ ok: false, reason: 'too_long' });
  });

  it('says each refusal in English, with the key and values the pages translate', () => {
    const r = findInviteLinks('no link here', programs);
    expect(r).toMatchObject({ ok: false, say: { key: 'linkErrNoLink', subs: [] } });
    const wrong = findInviteLinks(TEMU, programs, 'aliexpress');
    expect(wrong).toMatchObject({
      ok: false,
      message: 'This link is for Temu, but you chose AliExpress.',
      say: { key: 'linkErrWrongProgram', subs: ['Temu', 'AliExpress'] },
    });
  });
});

/** Links the programs accept (their own examples), each ending in a character that is not sentence punctuation. */
const LINKS = programs.flatMap((p) => p.linkExamples.filter((l) => l.startsWith('https://')));
/** Anything a message may hold between links: words in any script, emoji, line breaks, but no link. */
const filler = fc
  .string({
    unit: fc.constantFrom(...'ab Z9 ,.!?:;()"«»“”\n\r\t🎁🎉👍你好链接のをтекстمرحبا¡¿-'.split('')),
    maxLength: 40,
  })
  .filter((s) => !/https?:/i.test(s));
/** What may sit right before a link: nothing, or a character that cannot end the previous word's link. */
const before = fc.constantFrom('', ' ', '\n', '(', '"', '“', '«', '<', '[', '🎁', '：', '链接:', 'Link: ');
/** What may follow it: sentence punctuation, closing brackets or quotes, then a space, line break, emoji or CJK text. */
const after = fc
  .tuple(
    fc.constantFrom('', '.', '!', ',', '?', ')', '].', '"', '”', '»', '>', '...', '!!', ':'),
    fc.constantFrom('', ' ', '\n', '\r\n', '🎁', '复制', '。', '，', '）', ' and more'),
  )
  .map(([p, s]) => p + s);

describe('findInviteLinks, property: a link wrapped in any message is found exactly', () => {
  it('finds exactly the link, whatever text, emoji, punctuation and line breaks surround it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LINKS), filler, before, after, filler, (link, head, open, close, tail) => {
        // "…COUPONS!!": whether the second "!" is the title's or the sentence's, no reader can tell.
        fc.pre(!(link.endsWith('!') && close.startsWith('!')));
        const sep = (s: string) => (s === '' ? '' : `${s} `);
        // A word right after the punctuation would continue the link ("….a"): messages put a space there.
        const gap = close === '' || /[\w.!,?:)\]]$/.test(close) ? ' ' : '';
        // Always a message, never the link alone: a link alone keeps its last "!" (pastedText.ts).
        const text = `Hi ${sep(head)}${open}${link}${close}${gap}${tail}`;
        const r = findInviteLinks(text, programs);
        expect(r.ok && r.links.map((l) => l.url)).toEqual([link]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds each of two different links, in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...LINKS), { minLength: 2, maxLength: 2 }), filler, ([a, b], mid) => {
        const r = findInviteLinks(`${a}\n${mid}\n${b}`, programs);
        expect(r.ok && r.links.map((l) => l.url)).toEqual([a, b]);
      }),
    );
  });

  it('never returns a link that is not written in the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = findInviteLinks(text, programs);
        if (r.ok) for (const link of r.links) expect(text).toContain(link.url);
      }),
      { numRuns: 500 },
    );
  });
});
