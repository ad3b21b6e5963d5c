#!/usr/bin/env node
/**
 * Renders the extension icons public/icon/<size>.png from tests/tools/icon.svg (48 px and up) and
 * tests/tools/icon-small.svg (16 and 32 px: simpler glyph that stays readable in the toolbar).
 *
 * Uses playwright-core with the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium):
 *   node tests/tools/ensure-browsers.mjs && node tests/tools/make-icons.mjs
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'public', 'icon');
const sources = { full: 'icon.svg', small: 'icon-small.svg' };
const sizes = [
  [16, 'small'],
  [32, 'small'],
  [48, 'full'],
  [96, 'full'],
  [128, 'full'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await mkdir(outDir, { recursive: true });
  for (const [size, variant] of sizes) {
    const svg = await readFile(path.join(root, 'tests', 'tools', sources[variant]));
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(path.join(outDir, `${size}.png`), png);
    console.log(`public/icon/${size}.png (${variant}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
