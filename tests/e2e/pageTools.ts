/**
 * What an e2e test does to a page beyond clicking: decode a QR code from what is on screen, run axe-core,
 * save the README screenshots.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the e2e run saves the screenshots the README shows. */
const SCREENSHOT_DIR = path.join(here, 'screenshots');

declare global {
  interface Window {
    jsQR?: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
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
 * Screenshots the element as the user sees it and decodes it with jsQR (an independent decoder, injected into
 * the page), so the test checks the pixels drawn, not the data the app meant to draw.
 */
export async function decodeQr(page: Page, element: Locator): Promise<string | null> {
  const png = (await element.screenshot()).toString('base64');
  await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx || !window.jsQR) return null;
    ctx.drawImage(img, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(data, width, height)?.data ?? null;
  }, png);
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
