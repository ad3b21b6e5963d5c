import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  chooseScreenSize,
  printQrOptions,
  printQrSize,
  qrFileName,
  SCREEN_QR_MAX_PX,
  type ScreenQrSize,
  screenQrOptions,
  screenQrSize,
} from '@/lib/share/qrOptions';
import { decodeQrSvg } from '../../components/share/fixtures';

/** The parser's limit (lib/referral/links.ts MAX_LINK_LENGTH), restated: this file tests the QR side of it. */
const MAX_LINK = 2048;

/** Modules per side of QR version v. */
const modulesOf = (version: number) => 17 + 4 * version;

/** A real AliExpress invite link padded with URL characters to exactly `length` (or cut to it). */
function linkOfLength(length: number): string {
  let url = 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE&ext=';
  const alphabet = 'Qm7vX2kP9zLw4RtB8nYc3HsJ6dFg5ZaE-_.~%';
  for (let i = 0; url.length < length; i++) url += alphabet[(i * 7) % alphabet.length];
  return url.slice(0, length);
}

/** What every on-screen size must be: whole px a module, ≥ 2, the 4-module quiet zone counted, within the box. */
function expectCrisp(size: ScreenQrSize | null, maxPx = SCREEN_QR_MAX_PX) {
  expect(size).not.toBeNull();
  if (!size) return;
  expect(Number.isInteger(size.scale)).toBe(true);
  expect(size.scale).toBeGreaterThanOrEqual(2);
  expect(size.sizePx).toBe((size.modules + 8) * size.scale);
  expect(size.sizePx).toBeLessThanOrEqual(maxPx);
  expect((size.modules - 17) % 4).toBe(0);
}

describe('qrFileName', () => {
  it.each([
    ['aliexpress', 'png', 'refshare-aliexpress-qr.png'],
    ['temu', 'svg', 'refshare-temu-qr.svg'],
    ['custom:my-shop', 'png', 'refshare-custom-my-shop-qr.png'],
    ['custom:../..', 'svg', 'refshare-custom-qr.svg'],
    [':::', 'svg', 'refshare-link-qr.svg'],
  ] as const)('%s (%s) → %s', (id, ext, name) => {
    expect(qrFileName(id, ext)).toBe(name);
  });
});

describe('chooseScreenSize (every pair of QR versions)', () => {
  const pairs: [number, number][] = [];
  for (let low = 1; low <= 40; low++) for (let medium = low; medium <= 41; medium++) pairs.push([low, medium]);

  it('whole px a module, ≥ 2, box ≤ the popup width, whenever level L fits at 2 px; M kept at ≥ 3 px', () => {
    for (const [low, medium] of pairs) {
      // Version 41 stands for "no version holds it at M".
      const at = (level: 'M' | 'L') => (level === 'L' ? modulesOf(low) : medium > 40 ? null : modulesOf(medium));
      const size = chooseScreenSize(at);
      if ((modulesOf(low) + 8) * 2 > SCREEN_QR_MAX_PX) {
        expect(size).toBeNull();
        continue;
      }
      expectCrisp(size);
      const mSide = medium > 40 ? Number.POSITIVE_INFINITY : modulesOf(medium) + 8;
      if (mSide * 3 <= SCREEN_QR_MAX_PX) expect(size?.errorCorrectionLevel).toBe('M');
      // L only when it buys bigger modules than M would get.
      if (size?.errorCorrectionLevel === 'L' && mSide * 2 <= SCREEN_QR_MAX_PX) {
        expect(size.scale).toBeGreaterThan(Math.floor(SCREEN_QR_MAX_PX / mSide));
      }
    }
  });

  it('short codes keep about the old 180 px box; no code is smaller than 3 px a module where 3 px fits', () => {
    expect(chooseScreenSize(() => 21)).toEqual({ errorCorrectionLevel: 'M', modules: 21, scale: 6, sizePx: 174 });
    expect(chooseScreenSize(() => 41)).toEqual({ errorCorrectionLevel: 'M', modules: 41, scale: 3, sizePx: 147 });
    expect(chooseScreenSize(() => 105)?.scale).toBe(3);
    expect(chooseScreenSize(() => 109)?.scale).toBe(2);
  });

  it('null when nothing fits (the component then says the link is too long)', () => {
    expect(chooseScreenSize(() => null)).toBeNull();
    expect(chooseScreenSize(() => 177, 300)).toBeNull();
  });
});

describe('screenQrSize (real codes)', () => {
  it.each([
    [33, 'M', 29, 4, 148],
    [240, 'M', 61, 3, 207],
    [520, 'M', 89, 3, 291],
    [1000, 'L', 105, 3, 339],
  ] as const)(
    'an invite link of %i characters: level %s, %i modules × %i px = %i px',
    (length, level, modules, scale, px) => {
      expect(screenQrSize(linkOfLength(length))).toEqual({ errorCorrectionLevel: level, modules, scale, sizePx: px });
    },
  );

  it('the worst 2048 characters (all in byte mode) still fit: level L, version 33, 2 px a module, 314 px', () => {
    expect(screenQrSize('x'.repeat(MAX_LINK))).toEqual({
      errorCorrectionLevel: 'L',
      modules: 149,
      scale: 2,
      sizePx: 314,
    });
  });

  it('property: every link of 1 to 2048 characters gets a crisp code that fits the box', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_LINK }),
        fc.string({ unit: 'binary-ascii', maxLength: 64 }),
        (n, tail) => {
          const text = (linkOfLength(Math.max(1, n - tail.length)) + tail).slice(0, n);
          const size = screenQrSize(text);
          expectCrisp(size);
          // The module count is the real code's at that level, so the drawn image is the size promised.
          expect(QRCode.create(text, { errorCorrectionLevel: size?.errorCorrectionLevel ?? 'L' }).modules.size).toBe(
            size?.modules,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a text no QR code can hold gets null, not an exception', () => {
    expect(screenQrSize('é'.repeat(MAX_LINK))).toBeNull();
  });

  it('screenQrOptions draws exactly that size, black on white, crisp edges, 4-module quiet zone', async () => {
    const text = linkOfLength(520);
    const size = screenQrSize(text);
    if (!size) throw new Error('no size');
    const svg = await QRCode.toString(text, { ...screenQrOptions(size), type: 'svg' });
    expect(svg).toContain(`width="${size.sizePx}" height="${size.sizePx}"`);
    expect(svg).toContain(`viewBox="0 0 ${size.modules + 8} ${size.modules + 8}"`);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('stroke="#000000"');
    expect(svg).toMatch(/d="M4 4\.5/);
    expect(decodeQrSvg(svg)).toBe(text);
  });
});

describe('printQrSize', () => {
  it.each([33, 240, 520, 1000, 1663, 1664, MAX_LINK])(
    '%i characters: level Q where Q holds it, ≥ 8 whole px a module, ≥ 1024 px',
    (length) => {
      const text = 'x'.repeat(length);
      const print = printQrSize(text);
      expect(print.errorCorrectionLevel).toBe(length <= 1663 ? 'Q' : 'M');
      expect(print.modules).toBe(
        QRCode.create(text, { errorCorrectionLevel: print.errorCorrectionLevel }).modules.size,
      );
      expect(Number.isInteger(print.scale) && print.scale).toBeGreaterThanOrEqual(8);
      expect(print.sizePx).toBe((print.modules + 8) * print.scale);
      expect(print.sizePx).toBeGreaterThanOrEqual(1024);
      expect(printQrOptions(print)).toMatchObject({ errorCorrectionLevel: print.errorCorrectionLevel, margin: 4 });
    },
  );

  it('throws qrcode’s own error when no level can hold the text', () => {
    expect(() => printQrSize('x'.repeat(5000))).toThrow(/too big/);
  });
});
