import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';
import type { ProgramId } from '@/lib/referral/types';

/**
 * Always black on white, even in dark mode: scanners expect dark modules on a light background, and
 * inverted codes fail on many phones.
 */
const COLOR = { dark: '#000000', light: '#ffffff' } as const;

/** The standard's minimum quiet zone, in modules, on every side. */
const QUIET_ZONE = 4;

/**
 * Largest on-screen code, in CSS px: the popup is 380 px wide with 14 px padding each side (352 px of content), and
 * the QR frame adds 3 px padding and a 1 px border on each side (share.css). The shop panel is as wide as the popup
 * (launcherStyles.ts).
 */
export const SCREEN_QR_MAX_PX = 344;

/** Short links keep the size the popup always had; a code with more modules grows past it. */
const SCREEN_QR_TARGET_PX = 180;

/**
 * Whole CSS px per module: 3 where the box allows it, never under 2 (at 1 px a module a camera cannot resolve a
 * laptop screen's code, and jsQR and ZXing both miss it in a screenshot).
 */
const PREFERRED_SCALE = 3;
const MIN_SCALE = 2;

/** How the on-screen code is drawn: `sizePx` = (`modules` + 2 × quiet zone) × `scale`, all integers. */
export interface ScreenQrSize {
  errorCorrectionLevel: 'M' | 'L';
  /** Modules per side, without the quiet zone (21 for version 1 … 177 for version 40). */
  modules: number;
  /** CSS px per module. */
  scale: number;
  /** Width and height of the image in CSS px, quiet zone included. */
  sizePx: number;
}

/** Modules per side of `text`'s code at `level`, or null when no QR version can hold it. */
function moduleCount(text: string, level: QRCodeErrorCorrectionLevel): number | null {
  try {
    return QRCode.create(text, { errorCorrectionLevel: level }).modules.size;
  } catch {
    return null;
  }
}

function screenFit(modules: number | null, level: 'M' | 'L', maxPx: number): ScreenQrSize | null {
  if (modules === null) return null;
  const side = modules + 2 * QUIET_ZONE;
  const largest = Math.floor(maxPx / side);
  if (largest < MIN_SCALE) return null;
  const scale = Math.min(largest, Math.max(PREFERRED_SCALE, Math.floor(SCREEN_QR_TARGET_PX / side)));
  return { errorCorrectionLevel: level, modules, scale, sizePx: side * scale };
}

/**
 * The choice screenQrSize makes, given the code's modules per side at each level (null: no version holds it). Level
 * M while it gets ≥ 3 px a module; past that, level L when its fewer modules get larger ones (a screen is not
 * smudged, so the lower level loses nothing that matters there); M at 2 px while that fits; else L.
 */
export function chooseScreenSize(
  modulesAt: (level: 'M' | 'L') => number | null,
  maxPx = SCREEN_QR_MAX_PX,
): ScreenQrSize | null {
  const medium = screenFit(modulesAt('M'), 'M', maxPx);
  if (medium && medium.scale >= PREFERRED_SCALE) return medium;
  const low = screenFit(modulesAt('L'), 'L', maxPx);
  if (low && (!medium || low.scale > medium.scale)) return low;
  return medium ?? low;
}

/**
 * Size and error correction of the on-screen code for `text` (chooseScreenSize), so that every module is a whole
 * number of px (and of device px at a device scale factor of 1 or 2) and the box fits `maxPx`. Any ASCII text of up
 * to 2048 characters (the parser's limit) fits: level L, at most version 33, 2 px a module, 314 px. Null when no
 * level fits, which only a text of more bytes can reach (e.g. 2048 non-ASCII characters).
 */
export function screenQrSize(text: string, maxPx = SCREEN_QR_MAX_PX): ScreenQrSize | null {
  return chooseScreenSize((level) => moduleCount(text, level), maxPx);
}

/** Options for `QRCode.toString(text, { ...screenQrOptions(size), type: 'svg' })`: exactly `size.sizePx` wide. */
export function screenQrOptions(size: ScreenQrSize) {
  return { errorCorrectionLevel: size.errorCorrectionLevel, margin: QUIET_ZONE, width: size.sizePx, color: COLOR };
}

/** Print files (flyers, stickers): at least this wide, and at least this many px a module. */
const PRINT_MIN_PX = 1024;
const PRINT_MIN_SCALE = 8;

/** How the print files are drawn: `sizePx` = (`modules` + 2 × quiet zone) × `scale`. */
export interface PrintQr {
  errorCorrectionLevel: 'Q' | 'M' | 'L';
  modules: number;
  scale: number;
  sizePx: number;
}

/**
 * Print code for `text`: level Q (survives smudges and scuffs) where a QR can hold the link at Q, else M, else L; a
 * whole number of px a module, at least 8 and at least 1024 px in all. Throws qrcode's own error when even level L
 * cannot hold the text.
 */
export function printQrSize(text: string): PrintQr {
  const levels = ['Q', 'M', 'L'] as const;
  for (const level of levels) {
    const modules = moduleCount(text, level);
    if (modules === null) continue;
    const side = modules + 2 * QUIET_ZONE;
    const scale = Math.max(PRINT_MIN_SCALE, Math.ceil(PRINT_MIN_PX / side));
    return { errorCorrectionLevel: level, modules, scale, sizePx: side * scale };
  }
  // Rethrows qrcode's explanation ("The amount of data is too big to be stored in a QR Code").
  QRCode.create(text, { errorCorrectionLevel: 'L' });
  throw new Error('No QR code can hold this text');
}

/**
 * Options for the print PNG and SVG. The width is an exact multiple of the code's side, so qrcode draws every module
 * the same whole number of px (any other width gives it fractional px a module, and uneven modules).
 */
export function printQrOptions(size: PrintQr) {
  return { errorCorrectionLevel: size.errorCorrectionLevel, margin: QUIET_ZONE, width: size.sizePx, color: COLOR };
}

/** "refshare-aliexpress-qr.png"; custom ids ("custom:my-shop") become "refshare-custom-my-shop-qr.svg". */
export function qrFileName(programId: ProgramId, ext: 'png' | 'svg'): string {
  const slug =
    programId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'link';
  return `refshare-${slug}-qr.${ext}`;
}
