import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH } from '@/lib/referral/links';
import {
  ellipsize,
  isolate,
  layoutShareImage,
  type Measure,
  plainText,
  SHARE_IMAGE_SIZES,
  type ShareImageInput,
  shareQr,
  textDirection,
  wrapText,
} from '@/lib/share/shareImage.lazy';
import { REAL_PASTES } from '../../corpus/realPastes';

/** A stand-in for canvas measureText: every character (code point) half the font size wide, format characters 0. */
const measure: Measure = (text, px) => Array.from(text.replace(/[\u2068\u2069]/g, '')).length * px * 0.5;
const width10 = (s: string) => Array.from(s).length * 10;

const INPUT: ShareImageInput = {
  programName: 'AliExpress',
  gets: 'new-user coupons on your first order',
  steps: ['Open the link on your phone', 'Sign up with a new account', 'Pay for your first order'],
  nickname: 'Ana',
  link: 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE',
  locale: 'en',
  labels: { forNickname: 'For $1', scan: 'Scan to open the link' },
};
const REAL_INVITE = REAL_PASTES.find((p) => p.seenAs === 'invite' && p.input.length > 500)?.input ?? '';

describe('share image sizes', () => {
  it('are the two sizes people post: feed 1080×1350 and story 1080×1920', () => {
    expect(SHARE_IMAGE_SIZES).toEqual({ feed: [1080, 1350], story: [1080, 1920] });
  });
});

describe('plainText', () => {
  it.each([
    ['<b>Ana</b>', '<b>Ana</b>'],
    ['Ana\u0007\u0000 Bea', 'Ana Bea'],
    ['\u202Eanitsirhc', 'anitsirhc'],
    ['a\u2066b\u2069c\u200Fd', 'a b c d'],
    ['  line\nbreak\r\tand  spaces ', 'line break and spaces'],
    // Joiners belong to scripts and emoji sequences: kept.
    ['👩\u200D💻 می\u200Cخواهم', '👩\u200D💻 می\u200Cخواهم'],
  ])('%j becomes %j', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('keeps at most the given number of characters, then "…"', () => {
    expect(plainText('x'.repeat(10_000))).toBe(`${'x'.repeat(200)}…`);
    expect(Array.from(plainText('🙂'.repeat(500), 30))).toEqual([...Array(30).fill('🙂'), '…']);
    expect(plainText('x'.repeat(200))).toBe('x'.repeat(200));
  });
});

describe('textDirection', () => {
  it.each([
    ['Ana', 'ltr'],
    ['نور', 'rtl'],
    ['שרה', 'rtl'],
    ['123 نور', 'rtl'],
    ['Иван', 'ltr'],
    ['小明', 'ltr'],
    [`For ${isolate('نور')}`, 'ltr'],
    [`${isolate('Ana')} لـ`, 'rtl'],
    ['', 'ltr'],
  ])('%j → %s', (text, dir) => {
    expect(textDirection(text)).toBe(dir);
  });
});

describe('ellipsize', () => {
  it('leaves text that fits unchanged', () => {
    expect(ellipsize('Ana', 30, width10)).toBe('Ana');
  });

  it('cuts by whole graphemes and adds an ellipsis within the width', () => {
    expect(ellipsize('Alexandra', 50, width10)).toBe('Alex…');
    // A family emoji is one grapheme of 7 code points: never split.
    const family = '👨‍👩‍👧‍👦';
    const cut = ellipsize(`${family}${family}${family}`, 100, width10);
    expect(cut).toBe(`${family}…`);
  });

  it('can force the ellipsis (text left over) and gives just "…" when nothing fits', () => {
    expect(ellipsize('Ana', 100, width10, true)).toBe('Ana…');
    expect(ellipsize('Ana', 5, width10)).toBe('…');
  });
});

describe('wrapText', () => {
  it('breaks between words within the width', () => {
    expect(wrapText('Open the link on your phone', 110, 5, width10)).toEqual(['Open the', 'link on', 'your phone']);
  });

  it('breaks inside a word only when it alone is wider than a line', () => {
    expect(wrapText('a verylongwordthatneverends b', 80, 9, width10)).toEqual([
      'a',
      'verylong',
      'wordthat',
      'neverend',
      's b',
    ]);
  });

  it('ends the last line kept with "…" when text is left over', () => {
    const lines = wrapText('one two three four five six', 90, 2, width10);
    expect(lines).toEqual(['one two', 'three…']);
    for (const line of lines) expect(width10(line)).toBeLessThanOrEqual(90);
  });

  it('breaks Chinese and Japanese, which have no spaces, between words', () => {
    const lines = wrapText('打开链接并注册新账户然后完成首单', 60, 9, width10, 'zh');
    expect(lines.join('')).toBe('打开链接并注册新账户然后完成首单');
    for (const line of lines) expect(width10(line)).toBeLessThanOrEqual(60);
  });

  it('gives no line for empty text', () => {
    expect(wrapText('   ', 100, 3, width10)).toEqual([]);
  });
});

describe('layoutShareImage', () => {
  it.each(['feed', 'story'] as const)('%s: everything inside the image, the code centred on whole px', (size) => {
    const [w, h] = SHARE_IMAGE_SIZES[size];
    const layout = layoutShareImage(INPUT, size, measure, 555);
    expect([layout.width, layout.height]).toEqual([w, h]);
    expect(layout.texts.map((t) => t.text)).toEqual([
      'AliExpress',
      'new-user coupons on your first order',
      `For ${isolate('Ana')}`,
      'Scan to open the link',
      '1. Open the link on your phone',
      '2. Sign up with a new account',
      '3. Pay for your first order',
    ]);
    expect(Number.isInteger(layout.qr.x) && Number.isInteger(layout.qr.y)).toBe(true);
    expect(layout.qr.x).toBe(Math.round((w - 555) / 2));
    for (const t of layout.texts) {
      expect(measure(t.text, t.px, t.bold)).toBeLessThanOrEqual(w - 2 * 96);
      expect(t.y - t.px / 2).toBeGreaterThan(40);
      expect(t.y + t.px / 2).toBeLessThan(h - 40);
      // No line overlaps the code.
      expect(t.y + t.px / 2 <= layout.qr.y || t.y - t.px / 2 >= layout.qr.y + 555).toBe(true);
    }
  });

  it('a right-to-left nickname is isolated inside the left-to-right "For" line, in logical order', () => {
    const layout = layoutShareImage({ ...INPUT, nickname: 'نور الهدى' }, 'feed', measure, 555);
    const line = layout.texts.find((t) => t.text.startsWith('For'));
    expect(line).toMatchObject({ text: 'For \u2068نور الهدى\u2069', dir: 'ltr', align: 'center' });
  });

  it('a translated "For" puts the nickname where the translation says', () => {
    const labels = { forNickname: 'Para $1 con cariño', scan: 'Escanea' };
    const layout = layoutShareImage({ ...INPUT, nickname: 'שרה', labels }, 'feed', measure, 555);
    expect(layout.texts.map((t) => t.text)).toContain('Para \u2068שרה\u2069 con cariño');
    expect(layout.texts.map((t) => t.text)).toContain('Escanea');
  });

  it('a right-to-left program and steps read right to left, steps from the right edge', () => {
    const input = { ...INPUT, programName: 'متجري', steps: ['افتح الرابط'], nickname: '' };
    const layout = layoutShareImage(input, 'story', measure, 555);
    expect(layout.texts[0]).toMatchObject({ text: 'متجري', dir: 'rtl' });
    expect(layout.texts.at(-1)).toMatchObject({ text: '1. افتح الرابط', dir: 'rtl', align: 'start' });
    expect(layout.texts.some((t) => t.text.startsWith('For'))).toBe(false);
  });

  it.each([
    ['markup', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
    ['control characters', 'Ana\u0000\u0007\u001b[31m\u007f'],
    ['an RTL override', '\u202Egnp.exe\u202C Ana'],
    ['very long', 'W'.repeat(5000)],
    ['line breaks', 'Ana\n\n\nBea\r\nCarla'],
  ])('a hostile nickname (%s) is one plain, clipped line that never moves the code', (_what, nickname) => {
    const plain = layoutShareImage(INPUT, 'feed', measure, 555);
    const layout = layoutShareImage({ ...INPUT, nickname }, 'feed', measure, 555);
    const lines = layout.texts.filter((t) => t.text.startsWith('For'));
    expect(lines).toHaveLength(1);
    const line = lines[0]?.text ?? '';
    expect(line).toMatch(/^For \u2068[^\u2066-\u2069\u202a-\u202e\p{Cc}]*\u2069$/u);
    expect(measure(line, 44, true)).toBeLessThanOrEqual(1080 - 2 * 96);
    // The nickname line is the only change: the code moves by at most its height.
    expect(Math.abs(layout.qr.y - plain.qr.y)).toBeLessThanOrEqual(44 * 1.3 + 8);
  });

  it.each(['feed', 'story'] as const)('%s: steps that do not fit stop above the bottom margin', (size) => {
    const steps = Array.from({ length: 30 }, (_, i) => `Step number ${i + 1} with a fairly long explanation here`);
    const layout = layoutShareImage({ ...INPUT, steps }, size, measure, 600);
    const shown = layout.texts.filter((t) => /^\d+\. /.test(t.text));
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(30);
    for (const t of shown) expect(t.y + t.px / 2).toBeLessThanOrEqual(SHARE_IMAGE_SIZES[size][1] - 96);
  });

  it('a step cut short ends in "…"', () => {
    const layout = layoutShareImage({ ...INPUT, steps: ['word '.repeat(500)] }, 'feed', measure, 600);
    const last = layout.texts.at(-1);
    expect(last?.text.endsWith('…')).toBe(true);
  });
});

describe('shareQr', () => {
  it.each([
    ['a short link', INPUT.link, 600],
    ['the real 505-character invite', REAL_INVITE, 600],
    ['a link of the parser maximum', `https://star.aliexpress.com/?t=${'x'.repeat(MAX_LINK_LENGTH - 31)}`, 600],
  ])('%s: whole px a module, ≥ 3, inside the box', (_what, link, box) => {
    const qr = shareQr(link, box);
    expect(qr.scale).toBeGreaterThanOrEqual(3);
    expect(qr.px).toBe((qr.modules.size + 8) * qr.scale);
    expect(qr.px).toBeLessThanOrEqual(box);
  });

  it('keeps level Q while modules get ≥ 4 px, trading it for larger modules on long links', () => {
    // Level is not exposed by the matrix; the module count tells: fewer modules at a lower level.
    const short = shareQr(INPUT.link, 600);
    expect(short.scale).toBeGreaterThanOrEqual(4);
    // 505 bytes fit version 21 at level Q (512), at 5 px a module in the feed's box.
    expect(shareQr(REAL_INVITE, 600)).toMatchObject({ scale: 5, px: 545 });
    expect(shareQr(REAL_INVITE, 600).modules.size).toBe(101);
    const long = shareQr(`https://star.aliexpress.com/?t=${'x'.repeat(MAX_LINK_LENGTH - 31)}`, 600);
    expect(long.modules.size).toBe(149); // version 33 at level L
  });

  it('throws when no QR code can hold the text', () => {
    expect(() => shareQr('x'.repeat(5000), 600)).toThrow();
  });
});
