// Sizes of built extension pages, shared by the size-budget test and `npm run bench`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzipped bytes of the JavaScript an extension page loads: its module script and every chunk it preloads.
 * @param {string} dir built extension folder
 * @param {string} html page file name, e.g. 'popup.html'
 * @returns {number}
 */
export function pageJsGzip(dir, html) {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const files = [...text.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f))).length, 0);
}
