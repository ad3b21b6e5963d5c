import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { PRINT_QR, qrFileName, SCREEN_QR } from '@/lib/share/qrOptions';

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

describe('QR options', () => {
  it('screen: level M, 4-module quiet zone, black on white', async () => {
    const svg = await QRCode.toString('https://a.aliexpress.com/_mKXyZab', { ...SCREEN_QR, type: 'svg' });
    expect(SCREEN_QR.errorCorrectionLevel).toBe('M');
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('stroke="#000000"');
    const modules = QRCode.create('https://a.aliexpress.com/_mKXyZab', SCREEN_QR).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
  });

  it('print: level Q and at least 1024 px', () => {
    expect(PRINT_QR.errorCorrectionLevel).toBe('Q');
    expect(PRINT_QR.width).toBeGreaterThanOrEqual(1024);
    expect(QRCode.create('x', PRINT_QR).errorCorrectionLevel).toEqual(
      QRCode.create('x', { errorCorrectionLevel: 'Q' }).errorCorrectionLevel,
    );
  });
});
