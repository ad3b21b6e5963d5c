// Sizes of built extension pages, shared by the size-budget test and `npm run bench`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A chunk of a feature that loads on first use (a module named `*.lazy.ts(x)`, e.g. lib/share/shareImage.lazy.ts,
 * imported with `import()` on a click): not loaded when the page opens, so budgeted on its own (onDemandChunks).
 */
const ON_DEMAND = /(^|\/)[\w-]+\.lazy-[\w-]+\.js$/;

/**
 * Gzipped bytes of all the JavaScript an extension page loads when it opens: its scripts, what they preload, and
 * every chunk they import, statically or dynamically (followed through the file names the bundles mention), except
 * the chunks of features that load on first use (ON_DEMAND).
 * @param {string} dir built extension folder
 * @param {string} html page file name, e.g. 'popup.html'
 * @returns {number}
 */
export function pageJsGzip(dir, html) {
  const text = readFileSync(path.join(dir, html), 'utf8');
  return jsGzipFrom(
    dir,
    [...text.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1] ?? ''),
  );
}

/**
 * The on-demand chunks of the build (see ON_DEMAND), each with its gzipped bytes: what a first click on such a
 * feature adds to what its page already loaded (the chunks it shares with the page, e.g. qrcode, are the page's).
 * @param {string} dir built extension folder
 * @returns {{ file: string, gzip: number }[]}
 */
export function onDemandChunks(dir) {
  return readdirSync(path.join(dir, 'chunks'))
    .map((name) => `chunks/${name}`)
    .filter((file) => ON_DEMAND.test(file))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(dir, file))).length }));
}

/**
 * Gzipped bytes of the background service worker (MV3). WXT builds it as one classic script; files it names (the
 * launcher it registers for custom shops) are not its code, so only `importScripts` would add to it.
 * @param {string} dir built extension folder
 * @returns {number}
 */
export function workerJsGzip(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const file = manifest.background?.service_worker;
  if (typeof file !== 'string') throw new Error(`${dir}/manifest.json declares no background service worker`);
  const code = readFileSync(path.join(dir, file));
  const imported = [...code.toString('utf8').matchAll(/importScripts\(\s*["'`]\/?([^"'`]+)["'`]/g)].map(
    (m) => m[1] ?? '',
  );
  return gzipSync(code).length + (imported.length > 0 ? jsGzipFrom(dir, imported) : 0);
}

/**
 * @param {string} dir
 * @param {string[]} queue files to start from, relative to `dir`; on-demand chunks they name are not followed
 */
function jsGzipFrom(dir, queue) {
  const seen = new Set();
  let total = 0;
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.pop());
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(dir, file));
    total += gzipSync(code).length;
    for (const m of code.toString('utf8').matchAll(/["'`]((?:\.{1,2}\/|\/)?[\w./-]+\.js)["'`]/g)) {
      const name = m[1] ?? '';
      for (const candidate of [path.posix.join(path.posix.dirname(file), name), name.replace(/^\//, '')]) {
        if (seen.has(candidate) || !existsSync(path.join(dir, candidate))) continue;
        if (!ON_DEMAND.test(candidate)) queue.push(candidate);
      }
    }
  }
  return total;
}
