import type { QRCodeRenderersOptions } from 'qrcode';
import type { ProgramId } from '@/lib/referral/types';

/**
 * Always black on white, even in dark mode: scanners expect dark modules on a light background, and
 * inverted codes fail on many phones.
 */
const COLOR = { dark: '#000000', light: '#ffffff' } as const;

/** On screen: medium error correction keeps modules large; the 4-module quiet zone is the standard's minimum. */
export const SCREEN_QR: QRCodeRenderersOptions & { errorCorrectionLevel: 'M' } = {
  errorCorrectionLevel: 'M',
  margin: 4,
  width: 180,
  color: COLOR,
};

/** For print (flyers, stickers): higher error correction survives smudges; PNG large enough for print. */
export const PRINT_QR: QRCodeRenderersOptions & { errorCorrectionLevel: 'Q' } = {
  errorCorrectionLevel: 'Q',
  margin: 4,
  width: 1024,
  color: COLOR,
};

/** "refshare-aliexpress-qr.png"; custom ids ("custom:my-shop") become "refshare-custom-my-shop-qr.svg". */
export function qrFileName(programId: ProgramId, ext: 'png' | 'svg'): string {
  const slug =
    programId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'link';
  return `refshare-${slug}-qr.${ext}`;
}
