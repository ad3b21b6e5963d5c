/**
 * The QR code on screen scans at every link length the parser accepts, up to its 2048-character maximum: saved
 * through the popup's form, screenshotted as drawn (device scale factor 1 and 2) in the popup and in the shop
 * panel, and decoded from those pixels by two independent decoders, jsQR and ZXing (pageTools.ts says why ZXing
 * sometimes reads them as a pure image). The pixels also show whole device px a module, no grey pixel, and a
 * 4-module quiet zone; the print PNG has at least 8 px a module. The figures measured are printed at the end.
 */
import { readFile } from 'node:fs/promises';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH } from '@/lib/referral/links';
import { screenQrSize } from '@/lib/share/qrOptions';
import { REAL_PASTES } from '../corpus/realPastes';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';
import { decodePng, decodeWithJsQr, decodeWithZxing, measureQr, readQrScreenshot } from './pageTools';
import { clickAccessible, extensionFrame, findAccessible, theAccessible } from './shadowTools';

const QR_NAME = 'QR code for AliExpress referral link';
const LAUNCHER_NAME = 'Share your AliExpress referral link';

/**
 * Constructed, to reach any length: an invite link in a shape the parser accepts (share.htm with an IN code), the
 * tracking parameters app shares carry (aff_fcid, sk, srcSns…, seen on real product shares in tests/corpus), then
 * one token long enough to make exactly `length` characters. The real invite link is in LINKS below.
 */
function aliInvite(length: number): string {
  const params = [
    'platform=AE',
    'businessType=ug_referral',
    'spm=a2g0n.home-amp.referral.d0',
    'srcSns=sns_Copy',
    'tt=MG',
    'shareId=20000000123456789',
    'social_params=60000823456',
    'aff_fcid=7f3a9c1e2b4d4f6a8e0c1d2b3a4f5e6d-1733054400000-09876-_DkY2Hn1',
    'aff_fsk=_DkY2Hn1',
    'aff_platform=link-c-tool',
    'sk=_DkY2Hn1',
    'aff_trace_key=7f3a9c1e2b4d4f6a8e0c1d2b3a4f5e6d-1733054400000-09876-_DkY2Hn1',
  ];
  const tail = '&ext=';
  let url = 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9';
  for (const p of params) if (url.length + p.length + 1 + tail.length + 8 <= length) url += `&${p}`;
  url += tail;
  const alphabet = 'Qm7vX2kP9zLw4RtB8nYc3HsJ6dFg5ZaE';
  for (let i = 0; url.length < length; i++) url += alphabet[(i * 7 + Math.floor(i / 32)) % alphabet.length];
  return url;
}

/** The app's own invite link, 505 characters (tests/corpus/realPastes.ts: github TechieQian/chiffon). */
const REAL_INVITE = REAL_PASTES.find((p) => p.seenAs === 'invite' && p.input.length > 500)?.input ?? '';

/** Lengths from a short app link to the parser's maximum, the real 505-character invite among them. */
const LINKS = [
  'https://a.aliexpress.com/_mKjL9Cq',
  aliInvite(240),
  REAL_INVITE,
  aliInvite(1000),
  aliInvite(MAX_LINK_LENGTH),
];

/** Everything measured, printed at the end (the figures the README quotes). */
const report: string[] = [];

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
  console.log(`QR on screen, measured:\n${report.join('\n')}`);
});

/**
 * Saves `link` through the popup's form, as a person does (the form shows only while the program has no link, so
 * any left by an earlier test goes first), and returns the popup showing its share card.
 */
async function saveInPopup(ext: LaunchedExtension, link: string): Promise<Page> {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await page.setViewportSize({ width: 400, height: 640 });
  const old = await sendCommand<{ id: string }[]>(page, 'listLinks', {});
  for (const { id } of old.ok ? old.value : []) await sendCommand(page, 'deleteLink', { id });
  await page.getByRole('textbox', { name: 'Referral link' }).fill(link);
  await page.getByRole('button', { name: 'Save link' }).click();
  await page.getByRole('img', { name: QR_NAME }).waitFor();
  return page;
}

/** Opens the shop panel on the AliExpress fixture page and returns its frame. */
async function openPanel(ext: LaunchedExtension): Promise<{ page: Page; frame: Frame }> {
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

/**
 * Checks the code on screen: both decoders read exactly `link` from a device-px screenshot, and (at scale factor 2)
 * from a CSS-px one too; modules are whole device px, edges crisp, quiet zone 4 modules, box as screenQrSize says.
 */
async function expectScans(qr: Locator, link: string, dsf: number, where: string) {
  const size = screenQrSize(link);
  if (!size) throw new Error(`no screen size for a ${link.length}-character link`);
  const box = await qr.boundingBox();
  expect(box && [box.width, box.height]).toEqual([size.sizePx, size.sizePx]);
  const shot = await readQrScreenshot(qr);
  expect({ jsqr: shot.jsqr, zxing: shot.zxing?.text }).toEqual({ jsqr: link, zxing: link });
  // Whole device px a module, every module the same, every pixel black or white, a full quiet zone; the
  // screenshot is the image, or one CSS px more where the box sits at a fractional position (measureQr).
  expect(shot.pixels).toMatchObject({
    pxPerModule: size.scale * dsf,
    modulesAcross: size.modules,
    modulesDown: size.modules,
    greyPixels: 0,
  });
  expect(shot.pixels.quietModules).toBeGreaterThanOrEqual(4);
  for (const side of [shot.pixels.width, shot.pixels.height]) {
    expect(side - size.sizePx * dsf).toBeGreaterThanOrEqual(0);
    expect(side - size.sizePx * dsf).toBeLessThanOrEqual(dsf);
  }
  let oneX = '';
  if (dsf !== 1) {
    // Reported, not required: the same screen scaled down to 1× by Chromium's screenshot (a person on a 2× screen
    // gets the device pixels above). Where layout puts the image at a half CSS px, as in the panel, each 1× pixel
    // averages two modules' edges: grey pixels, and at 2 CSS px a module too blurred for jsQR and ZXing.
    const css = await readQrScreenshot(qr, 'css');
    const mark = (text: string | null | undefined) => (text === link ? '✓' : '✗');
    oneX =
      `; screenshot scaled to 1×: ${css.pixels.width}×${css.pixels.height} px, grey ${css.pixels.greyPixels}, ` +
      `jsQR ${mark(css.jsqr)} ZXing ${mark(css.zxing?.text)}${css.zxing ? ` (${css.zxing.mode})` : ''}`;
  }
  report.push(
    `  ${where} DSF ${dsf}, ${String(link.length).padStart(4)} chars: level ${size.errorCorrectionLevel}, ` +
      `${size.modules}+8 modules × ${size.scale} CSS px = ${size.sizePx} px box; ` +
      `screenshot ${shot.pixels.width}×${shot.pixels.height} px, ` +
      `${shot.pixels.pxPerModule} device px/module, quiet ≥ ${shot.pixels.quietModules}, grey ${shot.pixels.greyPixels}, ` +
      `jsQR ✓ ZXing ✓ (${shot.zxing?.mode})${oneX}`,
  );
}

describe.each([1, 2])('QR on screen at device scale factor %i (production build, real Chromium)', (dsf) => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension({ args: server.args, deviceScaleFactor: dsf });
  });
  afterAll(async () => ext?.close());

  it.each(LINKS.map((link) => [link.length, link] as const))(
    'a %i-character link: the popup and the shop panel show a code both decoders read',
    async (_length, link) => {
      const popup = await saveInPopup(ext, link);
      const saved = await sendCommand<{ id: string; url: string }[]>(popup, 'listLinks', {});
      if (!saved.ok) throw new Error(saved.error.message);
      // Stored exactly as typed, so the code must carry every character.
      expect(saved.value.map((l) => l.url)).toEqual([link]);
      expect(await popup.evaluate(() => window.devicePixelRatio)).toBe(dsf);
      await expectScans(popup.getByRole('img', { name: QR_NAME }), link, dsf, 'popup');

      const { page, frame } = await openPanel(ext);
      expect(await frame.evaluate(() => window.devicePixelRatio)).toBe(dsf);
      await expectScans(frame.getByRole('img', { name: QR_NAME }), link, dsf, 'panel');
      await page.close();

      // Gone again, so the next link is saved through the form (which shows only when the program has no link).
      const id = saved.value[0]?.id ?? '';
      expect(await sendCommand(popup, 'deleteLink', { id })).toMatchObject({ ok: true });
      await popup.close();
    },
  );
});

describe('print PNG (production build, real Chromium)', () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  it.each([LINKS[0] ?? '', aliInvite(520), aliInvite(MAX_LINK_LENGTH)].map((l) => [l.length, l] as const))(
    '%i characters: "Download QR (PNG)" saves ≥ 1024 px at ≥ 8 px a module, read by both decoders',
    async (_length, link) => {
      const popup = await saveInPopup(ext, link);
      const download = popup.waitForEvent('download');
      await popup.getByRole('button', { name: 'Download QR (PNG)' }).click();
      const file = await (await download).path();
      const image = decodePng(await readFile(file));
      const pixels = measureQr(image);
      expect(pixels.width).toBeGreaterThanOrEqual(1024);
      expect(Number.isInteger(pixels.pxPerModule) && pixels.pxPerModule).toBeGreaterThanOrEqual(8);
      expect(pixels).toMatchObject({ quietModules: 4, width: pixels.height });
      expect(pixels.greyPixels).toBe(0);
      const zxing = decodeWithZxing(image);
      expect({ jsqr: decodeWithJsQr(image), zxing: zxing?.text }).toEqual({ jsqr: link, zxing: link });
      report.push(
        `  print PNG, ${String(link.length).padStart(4)} chars: ${pixels.width} px, ${pixels.pxPerModule} px/module, ` +
          `jsQR ✓ ZXing ✓ (${zxing?.mode})`,
      );
      const saved = await sendCommand<{ id: string }[]>(popup, 'listLinks', {});
      const id = saved.ok ? (saved.value[0]?.id ?? '') : '';
      expect(await sendCommand(popup, 'deleteLink', { id })).toMatchObject({ ok: true });
      await popup.close();
    },
  );
});
