/**
 * "Download share image" in real Chromium: the popup and the shop panel save a PNG of exactly 1080×1350 (feed) or
 * 1080×1920 (story), drawn on the device, whose QR code both jsQR and ZXing read as exactly the saved link, from a
 * short app link to the parser's 2048-character maximum; a right-to-left nickname and hostile ones (markup, control
 * characters, an RTL override, 40 of the widest letter) change nothing of that. The story image of the first link is
 * kept as the README's picture. The figures measured are printed at the end.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BinaryBitmap,
  ChecksumException,
  DecodeHintType,
  FormatException,
  HybridBinarizer,
  NotFoundException,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH } from '@/lib/referral/links';
import { layoutShareImage, type Measure, SHARE_IMAGE_SIZES, type ShareImageSize } from '@/lib/share/shareImage.lazy';
import { REAL_PASTES } from '../corpus/realPastes';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';
import { decodePng, decodeWithJsQr, decodeWithZxing, measureQr, type Rgba } from './pageTools';
import { clickAccessible, extensionFrame, findAccessible, theAccessible } from './shadowTools';

const SCREENSHOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots', 'share-image.png');
const QR_NAME = 'QR code for AliExpress referral link';
const LAUNCHER_NAME = 'Share your AliExpress referral link';
const SIZE_NAMES: Record<ShareImageSize, string> = { feed: 'Feed (1080×1350)', story: 'Story (1080×1920)' };

/** The app's own invite link, 505 characters (tests/corpus/realPastes.ts). */
const REAL_INVITE = REAL_PASTES.find((p) => p.seenAs === 'invite' && p.input.length > 500)?.input ?? '';
/** An invite link in a shape the parser accepts, made exactly as long as the parser allows. */
const LONGEST = (() => {
  let url = 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE&ext=';
  const alphabet = 'Qm7vX2kP9zLw4RtB8nYc3HsJ6dFg5ZaE';
  for (let i = 0; url.length < MAX_LINK_LENGTH; i++) url += alphabet[(i * 7 + Math.floor(i / 32)) % alphabet.length];
  return url;
})();
const SHORT = 'https://a.aliexpress.com/_mKjL9Cq';

/** Everything measured, printed at the end. */
const report: string[] = [];

let server: FixtureServer;
let ext: LaunchedExtension;
beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ args: server.args });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  console.log(`Share image, measured:\n${report.join('\n')}`);
});

/** Saves `link` through the popup's form (any earlier link removed first) and returns the popup showing it. */
async function saveInPopup(link: string): Promise<Page> {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await page.setViewportSize({ width: 400, height: 640 });
  const old = await sendCommand<{ id: string }[]>(page, 'listLinks', {});
  for (const { id } of old.ok ? old.value : []) await sendCommand(page, 'deleteLink', { id });
  await page.getByRole('textbox', { name: 'Referral link' }).fill(link);
  await page.getByRole('button', { name: 'Save link' }).click();
  await page.getByRole('img', { name: QR_NAME }).waitFor();
  const saved = await sendCommand<{ url: string }[]>(page, 'listLinks', {});
  expect(saved.ok && saved.value.map((l) => l.url)).toEqual([link]);
  return page;
}

/** Opens the shop panel on the AliExpress fixture page and returns its frame. */
async function openPanel(): Promise<{ page: Page; frame: Frame }> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.goto(server.url('www.aliexpress.com', '/item/1005006.html'));
  await expect
    .poll(async () => (await findAccessible(page, 'button', LAUNCHER_NAME)).length, { timeout: 10_000 })
    .toBe(1);
  await clickAccessible(page, await theAccessible(page, 'button', LAUNCHER_NAME));
  await expect.poll(() => extensionFrame(page)?.url() ?? '').toMatch(/\/panel\.html\?program=aliexpress/);
  const frame = extensionFrame(page);
  if (!frame) throw new Error('no panel frame');
  await frame.getByRole('img', { name: QR_NAME }).waitFor();
  return { page, frame };
}

/** Chooses the size, presses "Download share image" and returns the file Chromium saved, with its name. */
async function download(page: Page, root: Page | Frame, size: ShareImageSize) {
  await root.getByRole('radio', { name: SIZE_NAMES[size] }).check();
  const started = page.waitForEvent('download');
  await root.getByRole('button', { name: 'Download share image' }).click();
  const file = await started;
  const png = await readFile(await file.path());
  await root.getByRole('status').getByText(`Share image saved (${file.suggestedFilename()})`).waitFor();
  return { png, name: file.suggestedFilename() };
}

/**
 * The code's square cut out of the image: the pure-black pixels are the modules (all text is drawn in other
 * colours), and 4 modules of white card around them are the quiet zone the layout keeps free.
 */
function cropCode(image: Rgba): Rgba {
  const { width, data } = image;
  const black = (i: number) => data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0;
  let [left, top, right, bottom] = [width, image.height, -1, -1];
  for (let i = 0; i < data.length; i += 4) {
    if (!black(i)) continue;
    const [x, y] = [(i / 4) % width, Math.floor(i / 4 / width)];
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  }
  let run = 0;
  while (black((top * width + left + run) * 4)) run++;
  const quiet = (run / 7) * 4;
  const [x0, y0, side] = [left - quiet, top - quiet, right - left + 1 + 2 * quiet];
  const out = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    out.set(data.subarray(((y0 + y) * width + x0) * 4, ((y0 + y) * width + x0 + side) * 4), y * side * 4);
  }
  return { width: side, height: side, data: out };
}

/**
 * ZXing's finder-pattern detector on the whole image with TRY_HARDER, which makes it look at every third row: by
 * default it looks at one row in 3 × height / 388 (14 in a story), and can step over the 3-module-high centre of a
 * finder pattern drawn at 3–4 px a module. A phone's camera fills its frame with the code, so this mode matters only
 * for reading a whole poster-sized image.
 */
function zxingTryHarder(image: Rgba): string | null {
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r = 0, g = 0, b = 0] = image.data.subarray(i * 4, i * 4 + 3);
    luminance[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)));
  try {
    return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.TRY_HARDER, true]])).getText();
  } catch (e) {
    if (e instanceof NotFoundException || e instanceof ChecksumException || e instanceof FormatException) return null;
    throw e;
  }
}

/**
 * The PNG is exactly the size asked for; jsQR reads the link from the whole image; ZXing from the whole image
 * (its finder-pattern detector) or, where that detector misses (pageTools.ts says why), from the code's square cut
 * out of it; the code's modules are whole px, crisp, with a 4-module quiet zone.
 */
function expectScans(png: Buffer, link: string, size: ShareImageSize, where: string) {
  const image = decodePng(png);
  expect([image.width, image.height]).toEqual([...SHARE_IMAGE_SIZES[size]]);
  expect(decodeWithJsQr(image)).toBe(link);
  const code = cropCode(image);
  const whole = decodeWithZxing(image);
  const zxing = whole?.mode === 'detector' ? { text: whole.text, from: 'whole image' } : undefined;
  const cut = decodeWithZxing(code);
  const harder = zxingTryHarder(image);
  expect(zxing?.text ?? cut?.text).toBe(link);
  expect(cut?.text).toBe(link);
  const pixels = measureQr(code);
  expect(Number.isInteger(pixels.pxPerModule) && pixels.pxPerModule).toBeGreaterThanOrEqual(3);
  expect(pixels.greyPixels).toBe(0);
  expect(pixels.quietModules).toBe(4);
  report.push(
    `  ${where} ${size} ${image.width}×${image.height}, ${String(link.length).padStart(4)}-char link: ` +
      `${pixels.modulesAcross} modules × ${pixels.pxPerModule} px, PNG ${(png.length / 1024).toFixed(0)} kB; ` +
      `jsQR ✓ (whole image), ZXing ✓ (${zxing ? 'whole image, and' : 'detector missed the whole image;'} the code cut out: ${cut?.mode}; ` +
      `whole image with TRY_HARDER ${harder === link ? '✓' : '✗'})`,
  );
}

describe('share image (production build, real Chromium)', () => {
  it.each([
    ['a short app link', SHORT],
    ['the real 505-character invite', REAL_INVITE],
    [`the longest link the parser accepts (${MAX_LINK_LENGTH})`, LONGEST],
  ])('%s: feed and story PNGs from the popup, read by jsQR and ZXing', async (_what, link) => {
    const popup = await saveInPopup(link);
    await popup.getByRole('textbox', { name: 'Who is it for?' }).fill('Ana');
    for (const size of ['feed', 'story'] as const) {
      const { png, name } = await download(popup, popup, size);
      expect(name).toBe(`refshare-aliexpress-${size}.png`);
      expectScans(png, link, size, 'popup');
      if (link === SHORT && size === 'story') {
        await mkdir(path.dirname(SCREENSHOT), { recursive: true });
        await writeFile(SCREENSHOT, png);
      }
    }
    // Made on the device: no request left the extension (launchExtension's recorder fails the run otherwise).
    expect(ext.network.violations()).toEqual([]);
    // "Share image…" is offered exactly where the browser can share files (not headless Chromium on Linux).
    const canShare = await popup.evaluate(
      () => navigator.canShare?.({ files: [new File([], 'a.png', { type: 'image/png' })] }) === true,
    );
    expect(await popup.getByRole('button', { name: 'Share image…' }).count()).toBe(canShare ? 1 : 0);
    if (link === SHORT) report.push(`  files can be shared here: ${canShare}`);
    await popup.close();
  });

  it('an Arabic nickname: the image still scans, and the layout isolates the name in the "For" line', async () => {
    const nickname = 'نور الهدى';
    const popup = await saveInPopup(REAL_INVITE);
    await popup.getByRole('textbox', { name: 'Who is it for?' }).fill(nickname);
    for (const size of ['feed', 'story'] as const) {
      const { png } = await download(popup, popup, size);
      expectScans(png, REAL_INVITE, size, 'popup, Arabic nickname,');
    }
    // The layout the renderer drew from, with canvas measureText standing in for by a fixed width: the nickname
    // sits between FSI and PDI in logical order, in a left-to-right line, so Chromium's bidi algorithm shows it
    // right to left inside "For …" without moving "For".
    const measure: Measure = (text, px) => Array.from(text).length * px * 0.55;
    const labels = { forNickname: 'For $1', scan: 'Scan to open my invite link' };
    const input = { programName: 'AliExpress', gets: '', steps: [], nickname, link: REAL_INVITE, locale: 'en', labels };
    const line = layoutShareImage(input, 'story', measure, 600).texts.find((t) => t.text.startsWith('For'));
    expect(line).toMatchObject({ text: `For \u2068${nickname}\u2069`, dir: 'ltr', align: 'center' });
    // Drawn by Chromium's canvas as the renderer draws it (direction ltr): "For " comes out exactly as drawn alone,
    // at the left, and the name exactly as drawn alone right to left just after it, so isolation kept both orders.
    const same = await popup.evaluate(
      ([text, name]) => {
        const draw = (value: string, x: number, dir: CanvasDirection) => {
          const ctx = new OffscreenCanvas(900, 80).getContext('2d') as OffscreenCanvasRenderingContext2D;
          ctx.font = 'bold 44px system-ui,"Noto Sans",sans-serif';
          ctx.direction = dir;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(value, x, 40);
          return { ctx, width: ctx.measureText(value).width };
        };
        const line = draw(text, 0, 'ltr');
        const prefix = draw('For ', 0, 'ltr');
        const alone = draw(name, prefix.width, 'rtl');
        const differ = (
          a: OffscreenCanvasRenderingContext2D,
          b: OffscreenCanvasRenderingContext2D,
          x0: number,
          x1: number,
        ) => {
          const [p, q] = [a.getImageData(x0, 0, x1 - x0, 80).data, b.getImageData(x0, 0, x1 - x0, 80).data];
          let n = 0;
          for (let i = 3; i < p.length; i += 4) if (Math.abs((p[i] ?? 0) - (q[i] ?? 0)) > 16) n++;
          return n;
        };
        const split = Math.floor(prefix.width);
        return {
          prefix: differ(line.ctx, prefix.ctx, 0, split),
          name: differ(line.ctx, alone.ctx, split + 1, Math.ceil(prefix.width + alone.width) + 2),
          inked: differ(line.ctx, draw('', 0, 'ltr').ctx, split + 1, 900),
        };
      },
      [line?.text ?? '', nickname] as const,
    );
    expect(same.inked).toBeGreaterThan(100);
    expect({ prefix: same.prefix, name: same.name }).toEqual({ prefix: 0, name: 0 });
    await popup.close();
  });

  it.each([
    ['markup', '<img src=x onerror=alert(1)><b>Ana</b>'],
    ['control characters', 'Ana\u0007\u001b[31m\u007f\u0000Bea'],
    ['an RTL override', '\u202Egnp.exe Ana\u202C'],
    ['40 of the widest letter', 'W'.repeat(40)],
  ])('a hostile nickname (%s): plain text, the image still scans', async (what, nickname) => {
    const popup = await saveInPopup(REAL_INVITE);
    const dialogs: string[] = [];
    popup.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await popup.getByRole('textbox', { name: 'Who is it for?' }).fill(nickname);
    for (const size of ['feed', 'story'] as const) {
      const { png } = await download(popup, popup, size);
      expectScans(png, REAL_INVITE, size, `popup, hostile nickname (${what}),`);
    }
    expect(dialogs).toEqual([]);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    await popup.close();
  });

  it('the shop panel downloads the same images', async () => {
    const popup = await saveInPopup(REAL_INVITE);
    await popup.close();
    const { page, frame } = await openPanel();
    for (const size of ['feed', 'story'] as const) {
      const { png, name } = await download(page, frame, size);
      expect(name).toBe(`refshare-aliexpress-${size}.png`);
      expectScans(png, REAL_INVITE, size, 'panel');
    }
    await page.close();
  });
});
