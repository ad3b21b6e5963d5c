import QRCode, { type BitMatrix, type QRCodeErrorCorrectionLevel } from 'qrcode';

/**
 * The share image: a PNG made on the device (canvas, no network, no font download) with the program's name, what
 * the friend gets, an optional "For <nickname>", the QR code and the friend's steps. Loaded on demand (ShareImage's
 * click): the popup has little size budget left, and the worker never needs it. The layout is pure (a `measure`
 * function stands in for the canvas), so it is unit tested without a browser.
 */

/** The two sizes people post: a portrait feed post (4:5) and a story (9:16). */
export const SHARE_IMAGE_SIZES = { feed: [1080, 1350], story: [1080, 1920] } as const;
export type ShareImageSize = keyof typeof SHARE_IMAGE_SIZES;

export interface ShareImageInput {
  programName: string;
  /** What the friend gets, one sentence. */
  gets: string;
  /** What the friend must do, one short line each. */
  steps: readonly string[];
  /** Who it is for, as typed (any text: it is cleaned and clipped here). */
  nickname?: string;
  /** The referral link, exactly as saved: the QR encodes every character. */
  link: string;
  /** The UI's language, for line breaking (Intl.Segmenter). */
  locale: string;
  /** The image's own words in the UI's language: "For $1" ($1: the nickname) and the line under the code. */
  labels: { forNickname: string; scan: string };
}

/**
 * System fonts only, nothing downloaded: the system's UI font (Segoe UI, San Francisco, Roboto, Cantarell…: Latin and
 * Cyrillic everywhere, Arabic on Windows and Android), Noto where installed, then `sans-serif` as the clear last
 * resort. Canvas text falls back glyph by glyph (Chromium and Firefox alike) to a system font that has the glyph, so
 * Arabic and CJK get the system's own fonts (Geeza/PingFang on macOS, YaHei/Meiryo on Windows, Noto on Linux) without
 * naming each one here; a script no installed font covers shows as boxes, never as other text.
 */
const font = (px: number, bold: boolean) => `${bold ? 'bold ' : ''}${px}px system-ui,"Noto Sans",sans-serif`;

/** The white card is inset this far from the coloured edge; text keeps PAD from the image's edge. */
const CARD = 40;
const PAD = 96;
/** The QR's box (quiet zone included) in each size. */
const QR_BOX = { feed: 600, story: 780 } as const;
/** Px a module worth keeping level Q for: below it, level L's fewer, larger modules scan better. */
const GOOD_SCALE = 4;
const LINE = 1.3;
const INK = '#16202a';
const MUTED = '#4a5866';
const ACCENT = '#0b6e75';

/** Width of `text` in the font of `px` px, bold or not (canvas measureText; a fake in unit tests). */
export type Measure = (text: string, px: number, bold: boolean) => number;

/** One line of text to draw: `y` is its middle, `align` 'start' puts it at the PAD edge of its direction. */
interface TextLine {
  text: string;
  y: number;
  px: number;
  bold: boolean;
  color: string;
  dir: 'ltr' | 'rtl';
  align: 'center' | 'start';
}

export interface ShareLayout {
  width: number;
  height: number;
  texts: TextLine[];
  /** Top-left corner of the code's box (quiet zone included), whole px. */
  qr: { x: number; y: number };
}

/** Bidi controls (embeddings, overrides such as U+202E, isolates, marks) and other invisible format characters. */
const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * User text as plain as the image can show it: control and bidi-formatting characters (a U+202E override would
 * reorder everything after it) become spaces, runs of space one; more than `max` characters are cut, with "…".
 */
export function plainText(text: string, max = 200): string {
  const chars = Array.from(text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** Wraps text in FSI … PDI, so a right-to-left nickname inside a left-to-right sentence keeps its own order. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** Letters of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko… (U+0590–U+08FF) and their presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** A paragraph's direction by Unicode's rule (P2, P3): that of its first strong letter outside isolates. */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text.replace(/\u2068[^\u2069]*\u2069/g, ''))?.[0] ?? '';
  return RTL.test(first) ? 'rtl' : 'ltr';
}

function segments(text: string, granularity: 'word' | 'grapheme', locale?: string): string[] {
  return Array.from(new Intl.Segmenter(locale, { granularity }).segment(text), (s) => s.segment);
}

/** `text` cut (by whole graphemes) to fit `maxWidth` with an ellipsis; unchanged if it fits, unless `cut`. */
export function ellipsize(text: string, maxWidth: number, measure: (s: string) => number, cut = false): string {
  if (!cut && measure(text) <= maxWidth) return text;
  const parts = segments(text, 'grapheme');
  const head = () => `${parts.join('').trimEnd()}…`;
  while (parts.length > 0 && measure(head()) > maxWidth) parts.pop();
  return head();
}

/**
 * Breaks text into at most `maxLines` lines of `maxWidth`: between words (Intl.Segmenter finds them in scripts
 * without spaces too), inside a word only when it alone is wider than a line; the last line kept ends in "…" when
 * text is left over.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  maxLines: number,
  measure: (s: string) => number,
  locale?: string,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of segments(text, 'word', locale)) {
    const tooWide = measure(word) > maxWidth;
    if (tooWide && line.trim()) {
      lines.push(line.trimEnd());
      line = '';
    }
    for (const piece of tooWide ? segments(word, 'grapheme') : [word]) {
      if (line.trim() && measure((line + piece).trimEnd()) > maxWidth) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else line += piece;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1] ?? '', maxWidth, measure, true);
  return kept;
}

/**
 * Where everything goes: name, what the friend gets, "For <nickname>" (one line, clipped), the code (`qrPx` square,
 * quiet zone included), the line under it, then as many of the steps as fit; all of it centred vertically.
 */
export function layoutShareImage(
  input: ShareImageInput,
  size: ShareImageSize,
  measure: Measure,
  qrPx: number,
): ShareLayout {
  const [width, height] = SHARE_IMAGE_SIZES[size];
  const { labels } = input;
  const maxWidth = width - 2 * PAD;
  const texts: TextLine[] = [];
  let y = PAD;
  const add = (text: string, px: number, bold: boolean, color: string, maxLines: number, align: TextLine['align']) => {
    const lines = wrapText(text, maxWidth, maxLines, (s) => measure(s, px, bold), input.locale);
    for (const line of lines) {
      texts.push({ text: line, y: y + (px * LINE) / 2, px, bold, color, dir: textDirection(line), align });
      y += px * LINE;
    }
    return lines.length;
  };

  add(plainText(input.programName, 80), 72, true, INK, 2, 'center');
  add(plainText(input.gets, 300), 40, false, MUTED, 3, 'center');
  const nickname = plainText(input.nickname ?? '');
  if (nickname) {
    y += 8;
    const [before = '', after = ''] = labels.forNickname.split('$1');
    const wide = (s: string) => measure(s, 44, true);
    const room = maxWidth - wide(before + after);
    add(before + isolate(ellipsize(nickname, room, (s) => wide(isolate(s)))) + after, 44, true, ACCENT, 1, 'center');
  }
  y = Math.round(y + 24);
  const qr = { x: Math.round((width - qrPx) / 2), y };
  y += qrPx;
  add(labels.scan, 32, false, MUTED, 1, 'center');
  y += 24;
  const bottom = height - PAD;
  // Smaller in the feed, where four steps of two lines each must share the space under the code.
  const stepPx = size === 'feed' ? 30 : 34;
  input.steps.forEach((step, i) => {
    // As many lines as fit; wrapText ends a step cut short with "…".
    const room = Math.floor((bottom - y) / (stepPx * LINE));
    if (room > 0) add(`${i + 1}. ${plainText(step, 300)}`, stepPx, false, INK, room, 'start');
  });
  // Centred vertically (what is left below the content, split), by whole px so the modules stay on pixel edges.
  const shift = Math.max(0, Math.floor((bottom - y) / 2));
  for (const line of texts) line.y += shift;
  qr.y += shift;
  return { width, height, texts, qr };
}

/**
 * The code for the image: level Q (survives a smudged screen or a recompressed upload) where it still gets ≥ 4 px
 * a module in `box`, else level L (fewest modules, so the largest). Throws qrcode's own error when no code can hold
 * the link. Modules are never under 3 px: the largest code (version 40) is 185 modules with its quiet zone.
 */
export function shareQr(link: string, box: number) {
  const at = (level: QRCodeErrorCorrectionLevel) => QRCode.create(link, { errorCorrectionLevel: level }).modules;
  const scaleOf = (m: BitMatrix) => Math.floor(box / (m.size + 8));
  let modules: BitMatrix | undefined;
  try {
    modules = at('Q');
  } catch {}
  if (!modules || scaleOf(modules) < GOOD_SCALE) modules = at('L');
  const scale = scaleOf(modules);
  return { modules, scale, px: (modules.size + 8) * scale };
}

/** Draws the share image of `size` and encodes it as a PNG. */
export async function renderShareImage(input: ShareImageInput, size: ShareImageSize): Promise<Blob> {
  const [width, height] = SHARE_IMAGE_SIZES[size];
  const canvas = new OffscreenCanvas(width, height);
  // A 2D context of a fresh OffscreenCanvas is never null.
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  const qr = shareQr(input.link, QR_BOX[size]);
  const measure: Measure = (text, px, bold) => {
    ctx.font = font(px, bold);
    return ctx.measureText(text).width;
  };
  const layout = layoutShareImage(input, size, measure, qr.px);

  ctx.fillStyle = ACCENT;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.beginPath();
  ctx.roundRect(CARD, CARD, width - 2 * CARD, height - 2 * CARD, 40);
  ctx.fill();
  ctx.textBaseline = 'middle';
  for (const line of layout.texts) {
    ctx.font = font(line.px, line.bold);
    ctx.fillStyle = line.color;
    ctx.direction = line.dir;
    ctx.textAlign = line.align;
    const x = line.align === 'center' ? width / 2 : line.dir === 'rtl' ? width - PAD : PAD;
    ctx.fillText(line.text, x, line.y);
  }
  // Black modules on the white card (the quiet zone), each a whole number of px on pixel edges: crisp, as scanners
  // like them. Runs of dark modules in a row are one rectangle.
  ctx.fillStyle = '#000';
  const { size: n, data } = qr.modules;
  const at = (i: number) => (i + 4) * qr.scale;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!data[row * n + col]) continue;
      let end = col;
      while (end + 1 < n && data[row * n + end + 1]) end++;
      ctx.fillRect(layout.qr.x + at(col), layout.qr.y + at(row), (end - col + 1) * qr.scale, qr.scale);
      col = end;
    }
  }
  return canvas.convertToBlob({ type: 'image/png' });
}

/** "refshare-aliexpress-feed.png"; letters of any script are kept, anything else becomes "-". */
export function shareImageFileName(programName: string, size: ShareImageSize): string {
  const slug =
    programName
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'link';
  return `refshare-${slug}-${size}.png`;
}

/** Blob URLs must outlive the click that starts the download; a minute is plenty. */
const REVOKE_AFTER_MS = 60_000;

/** Saves `file` under its name through a hidden download link. */
export function saveFile(file: File): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(file);
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), REVOKE_AFTER_MS);
}
