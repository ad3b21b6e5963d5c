// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { QrImage } from '@/components/share/QrImage';
import { screenQrSize } from '@/lib/share/qrOptions';
import { ALI_URL, decodeQrSvg, svgOfImage } from './fixtures';

afterEach(cleanup);

const LABEL = 'QR code for AliExpress referral link';
/** As long as the parser accepts (lib/referral/links.ts MAX_LINK_LENGTH). */
const LONGEST = `${ALI_URL}&ext=${'Qm7vX2kP9zLw4RtB'.repeat(128)}`.slice(0, 2048);

describe('QrImage', () => {
  it.each([
    ['a short link', ALI_URL],
    ['a 2048-character link', LONGEST],
  ])('%s: an image named for the program, as big as screenQrSize says, encoding exactly the link', async (_, text) => {
    render(<QrImage text={text} label={LABEL} />);
    const img = await screen.findByRole('img', { name: LABEL });
    const size = screenQrSize(text);
    expect(size).not.toBeNull();
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual([
      String(size?.sizePx),
      String(size?.sizePx),
    ]);
    const svg = svgOfImage(img);
    expect(svg).toContain(`viewBox="0 0 ${(size?.modules ?? 0) + 8} ${(size?.modules ?? 0) + 8}"`);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(decodeQrSvg(svg)).toBe(text);
  });

  it('the frame has the image’s size from the first render, before the image is drawn', () => {
    const { container } = render(<QrImage text={LONGEST} label={LABEL} />);
    const frame = container.querySelector<HTMLElement>('.qr-frame');
    expect(frame?.style.width).toBe(`${screenQrSize(LONGEST)?.sizePx}px`);
  });

  it('a text no QR code can hold: says so, shows no image', async () => {
    render(<QrImage text={'é'.repeat(2048)} label={LABEL} />);
    expect((await screen.findByRole('alert')).textContent).toBe('This link is too long to fit in a QR code.');
    expect(screen.queryByRole('img')).toBeNull();
  });
});
