// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QrDownloads } from '@/components/share/QrDownloads';
import { printQrSize } from '@/lib/share/qrOptions';
import { ALI_URL, decodeQrSvg } from './fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Captures what a click on the hidden download link would save. */
function captureDownloads() {
  const saved: { name: string; href: string }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
  return saved;
}

describe('QrDownloads', () => {
  it('"Download QR (SVG)" saves refshare-<program>-qr.svg, level Q, encoding exactly the link', async () => {
    const saved = captureDownloads();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:qr';
    });
    render(<QrDownloads text={ALI_URL} programId="aliexpress" onError={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download QR (SVG)' }));
    await waitFor(() => expect(saved).toEqual([{ name: 'refshare-aliexpress-qr.svg', href: 'blob:qr' }]));
    expect(blobs[0]?.type).toBe('image/svg+xml');
    const svg = (await blobs[0]?.text()) ?? '';
    // ≥ 1024 px and a whole number (≥ 8) of px a module: (modules + 8 quiet) × scale.
    const print = printQrSize(ALI_URL);
    expect(print.errorCorrectionLevel).toBe('Q');
    expect(print.sizePx).toBeGreaterThanOrEqual(1024);
    expect(svg).toContain(`width="${print.sizePx}"`);
    expect(svg).toContain(`viewBox="0 0 ${print.modules + 8} ${print.modules + 8}"`);
    expect(decodeQrSvg(svg)).toBe(ALI_URL);
    // The download link does not stay in the page.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('"Download QR (PNG)" saves a PNG of at least 1024 px named refshare-<program>-qr.png', async () => {
    const saved = captureDownloads();
    const onError = vi.fn();
    render(<QrDownloads text={ALI_URL} programId="custom:my-shop" onError={onError} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download QR (PNG)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(onError).not.toHaveBeenCalled();
    expect(saved[0]?.name).toBe('refshare-custom-my-shop-qr.png');
    const png = Buffer.from((saved[0]?.href ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1024);
    // Exactly the computed size, so every module is the same whole number of px.
    expect(png.readUInt32BE(16)).toBe(printQrSize(ALI_URL).sizePx);
  });

  it('a QR that cannot be made is reported, not thrown', async () => {
    const onError = vi.fn();
    render(<QrDownloads text={'x'.repeat(5000)} programId="aliexpress" onError={onError} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download QR (SVG)' }));
    await waitFor(() => expect(onError).toHaveBeenCalledOnce());
    expect(onError.mock.calls[0]?.[0]).toMatch(/^Could not create the QR file: /);
  });
});
