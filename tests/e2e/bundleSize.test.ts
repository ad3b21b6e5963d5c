import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { onDemandChunks, pageJsGzip, workerJsGzip } from '../tools/bundleSize.mjs';

const prod = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.output/chrome-mv3');

/** Size budgets on the production build: what every user downloads and parses. */
describe('bundle size budgets (production build, gzipped)', () => {
  it('the popup loads at most 130 kB of JavaScript when it opens', () => {
    expect(pageJsGzip(prod, 'popup.html')).toBeLessThanOrEqual(130 * 1024);
  });

  it('features that load on first use (share image, website snippets, backup encryption) are on-demand chunks of at most 8 kB each', () => {
    const chunks = onDemandChunks(prod);
    // Each named here, so a feature cannot silently fall back into the pages' own bundles.
    expect(chunks.map((c) => c.file.replace(/^chunks\/|-[\w-]+\.js$/g, '')).sort()).toEqual([
      'backupCrypto.lazy',
      'shareImage.lazy',
      'websiteSnippets.lazy',
    ]);
    for (const chunk of chunks) expect(chunk.gzip, chunk.file).toBeLessThanOrEqual(8 * 1024);
  });

  it('the dashboard loads at most 200 kB of JavaScript', () => {
    expect(pageJsGzip(prod, 'options.html')).toBeLessThanOrEqual(200 * 1024);
  });

  it('the background worker, started again after every idle stop, is at most 60 kB', () => {
    expect(workerJsGzip(prod)).toBeLessThanOrEqual(60 * 1024);
  });

  it('the shop-page launcher, parsed on every shop page load, is at most 8 kB', () => {
    expect(gzipSync(readFileSync(path.join(prod, 'content-scripts/shop.js'))).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('the shop-page launcher runs in its own light context, not WXT’s (about 1 ms of every shop page load)', () => {
    const launcher = readFileSync(path.join(prod, 'content-scripts/shop.js'), 'utf8');
    // WXT's ContentScriptContext announces itself with this event and watches the address through the Navigation
    // API; wxt.config.ts points the shop build at lib/launcher/launcherContext.ts instead.
    expect(launcher).not.toContain('content-script-started');
    expect(launcher).not.toContain('navigation');
    expect(launcher).not.toContain('polyfill');
  });
});
