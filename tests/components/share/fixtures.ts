import jsQR from 'jsqr';
import type { ReferralLink } from '@/lib/referral/types';

/** A real-format AliExpress invite link (lib/referral/programs/aliexpress.ts linkExamples). */
export const ALI_URL = 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE';

export function aliLink(patch: Partial<ReferralLink> = {}): ReferralLink {
  return {
    id: 'link-ali',
    programId: 'aliexpress',
    url: ALI_URL,
    code: 'IN7XK2P9',
    label: 'My AliExpress link',
    primary: 1,
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

/**
 * Decodes a QR code drawn by the `qrcode` package's SVG renderer (a path of horizontal runs: "M x y" starts a
 * row, "m dx 0" skips, "h n" draws n modules) by painting it to pixels and reading it back with jsQR. happy-dom
 * has no canvas, so this proves what the image encodes without a browser.
 */
export function decodeQrSvg(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !d) return null;
  const dark = new Set<number>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a = '0', b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') {
      x = Number(a);
      y = Math.floor(Number(b));
    } else if (cmd === 'm') {
      x += Number(a);
    } else {
      for (let i = 0; i < Number(a); i++) dark.add(y * size + x + i);
      x += Number(a);
    }
  }
  const scale = 4;
  const px = size * scale;
  const data = new Uint8ClampedArray(px * px * 4);
  for (let i = 0; i < px * px; i++) {
    const module = Math.floor(Math.floor(i / px) / scale) * size + Math.floor((i % px) / scale);
    const v = dark.has(module) ? 0 : 255;
    data.set([v, v, v, 255], i * 4);
  }
  return jsQR(data, px, px)?.data ?? null;
}

/** The SVG text inside an <img src="data:image/svg+xml;charset=utf-8,…">. */
export function svgOfImage(img: HTMLElement): string {
  const src = img.getAttribute('src') ?? '';
  const prefix = 'data:image/svg+xml;charset=utf-8,';
  if (!src.startsWith(prefix)) throw new Error(`not an SVG data URL: ${src.slice(0, 40)}`);
  return decodeURIComponent(src.slice(prefix.length));
}
