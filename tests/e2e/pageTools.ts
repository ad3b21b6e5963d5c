/**
 * What an e2e test does to a page beyond clicking: decode a QR code from what is on screen, run axe-core,
 * save the README screenshots.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
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
import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the e2e run saves the screenshots the README shows. */
const SCREENSHOT_DIR = path.join(here, 'screenshots');

declare global {
  interface Window {
    axe?: { run(context?: unknown, options?: unknown): Promise<{ violations: AxeViolation[] }> };
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Screenshots the element as the user sees it and decodes it with jsQR (an independent decoder), so the test checks
 * the pixels drawn, not the data the app meant to draw. The same PNG reading as the QR suite's (decodePng).
 */
export async function decodeQr(element: Locator): Promise<string | null> {
  return decodeWithJsQr(decodePng(await element.screenshot()));
}

/** Runs axe-core on the page and returns the serious and critical violations (an empty list is a pass). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; help: string; targets: string }[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe?.run(document))?.violations ?? []);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: JSON.stringify(v.nodes.map((n) => n.target)) }));
}

/** Saves a screenshot for the README (tests/e2e/screenshots/<name>.png). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** A decoded image: `data` holds 4 bytes (RGBA) a pixel, row after row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Decodes a PNG as Chromium's screenshots and qrcode's files write them: 8 bits a channel, grey, RGB or RGBA, not
 * interlaced (anything else throws). Node's zlib inflates; this undoes the row filters. Small enough to read, and
 * the QR checks need no image library.
 */
export function decodePng(png: Uint8Array): Rgba {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour ?? -1] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`);
      }
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (rows[y * stride + i - channels] ?? 0) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + i] ?? 0) : 0;
      const c = y > 0 && i >= channels ? (rows[(y - 1) * stride + i - channels] ?? 0) : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter ?? 0] ?? 0;
      rows[y * stride + i] = ((raw[src + i] ?? 0) + predictor) & 0xff;
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const px = rows.subarray(i * channels, (i + 1) * channels);
    const [r = 0, g = r, b = r] = channels < 3 ? [px[0], px[0], px[0]] : px;
    data.set([r, g, b, channels === 4 || channels === 2 ? (px[channels - 1] ?? 255) : 255], i * 4);
  }
  return { width, height, data };
}

/** jsQR, run in Node on the pixels. */
export function decodeWithJsQr(image: Rgba): string | null {
  return jsQR(image.data, image.width, image.height)?.data ?? null;
}

/**
 * ZXing's QR reader (a second, independent decoder) on the same pixels, through its hybrid binarizer: first as a
 * camera frame (its finder-pattern detector), then, if that fails, as a pure image of one code (PURE_BARCODE:
 * it measures the modules from the top-left finder pattern and samples every module's centre). Both run ZXing's
 * own format reading and error correction. The second mode is needed because zxing-js's detector (an old port of
 * ZXing's) takes a lookalike 1:1:3:1:1 run in the data for a corner on some codes, even perfect synthetic ones
 * (measured with 0.21.3 and 0.23.0: e.g. a 100-character link at level L fails at every scale from 2 to 8).
 */
export function decodeWithZxing(image: Rgba): { text: string; mode: 'detector' | 'pure' } | null {
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r = 0, g = 0, b = 0] = image.data.subarray(i * 4, i * 4 + 3);
    luminance[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)));
  for (const mode of ['detector', 'pure'] as const) {
    const hints = mode === 'pure' ? new Map([[DecodeHintType.PURE_BARCODE, true]]) : undefined;
    try {
      return { text: new QRCodeReader().decode(bitmap, hints).getText(), mode };
    } catch (e) {
      if (!(e instanceof NotFoundException || e instanceof ChecksumException || e instanceof FormatException)) throw e;
    }
  }
  return null;
}

/** What the pixels of a QR image show: how big its modules are and whether every pixel is pure black or white. */
export interface QrPixels {
  width: number;
  height: number;
  /** Px a module, from the top-left finder pattern (7 modules wide). */
  pxPerModule: number;
  /** Modules from the first dark pixel to the last, across and down: the symbol's size if every module is equal. */
  modulesAcross: number;
  modulesDown: number;
  /** The narrowest white margin between the dark modules and the image's edge, in modules (the standard asks 4). */
  quietModules: number;
  /** Pixels neither black nor white: 0 when every module edge falls on a pixel edge. */
  greyPixels: number;
}

/**
 * Measures a QR image (a screenshot of the code on screen, or the print PNG). A screenshot of a box at a fractional
 * position takes in one more row or column than the image (the clip is rounded outwards while the image is drawn
 * snapped to whole px), so sizes are measured on the dark modules, and the margins may differ by that one px.
 */
export function measureQr(image: Rgba): QrPixels {
  const { width, height, data } = image;
  const dark = (x: number, y: number) => (data[(y * width + x) * 4] ?? 255) < 128;
  let greyPixels = 0;
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r = 0, g = 0, b = 0] = data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3);
      if (!((r === 0 && g === 0 && b === 0) || (r === 255 && g === 255 && b === 255))) greyPixels++;
      if (dark(x, y)) {
        left = Math.min(left, x);
        top = Math.min(top, y);
        right = Math.max(right, x);
        bottom = y;
      }
    }
  }
  // The top-left dark pixel is the corner of the top-left finder pattern, 7 modules wide.
  let run = 0;
  while (left + run < width && dark(left + run, top)) run++;
  const pxPerModule = run / 7;
  return {
    width,
    height,
    pxPerModule,
    modulesAcross: (right - left + 1) / pxPerModule,
    modulesDown: (bottom - top + 1) / pxPerModule,
    quietModules: Math.min(left, top, width - 1 - right, height - 1 - bottom) / pxPerModule,
    greyPixels,
  };
}

/** The QR element as on screen: a screenshot ('device': one pixel a device px; 'css': one a CSS px), decoded twice. */
export async function readQrScreenshot(
  element: Locator,
  scale: 'device' | 'css' = 'device',
): Promise<{ jsqr: string | null; zxing: ReturnType<typeof decodeWithZxing>; pixels: QrPixels }> {
  const image = decodePng(await element.screenshot({ scale, animations: 'disabled' }));
  return { jsqr: decodeWithJsQr(image), zxing: decodeWithZxing(image), pixels: measureQr(image) };
}

/** What a page script can reach: its DOM, every open shadow root, every frame it may read, and the window's frames. */
export function readEverythingAPageCan(): string {
  const seen: string[] = [document.documentElement.outerHTML, document.cookie, location.href];
  for (const el of document.querySelectorAll('*')) {
    if (el.shadowRoot) seen.push(el.shadowRoot.innerHTML);
    if (el instanceof HTMLIFrameElement) {
      try {
        seen.push(el.contentDocument?.documentElement.outerHTML ?? 'no document');
      } catch (e) {
        seen.push(`blocked: ${e}`);
      }
    }
  }
  for (let i = 0; i < window.frames.length; i++) {
    try {
      seen.push(window.frames[i]?.document.documentElement.outerHTML ?? 'no document');
    } catch (e) {
      seen.push(`blocked: ${e}`);
    }
    try {
      seen.push(String(window.frames[i]?.location.href));
    } catch (e) {
      seen.push(`blocked: ${e}`);
    }
  }
  return seen.join('\n');
}
