// `npm run bench`: figures measured in real Chromium, printed as ratios from one run. Never pass/fail.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.output', 'bench');

spawnSync(process.execPath, [path.join(root, 'scripts/ensure-chromium.mjs')], { stdio: 'inherit' });

/** Bundles a page benchmark (TypeScript using lib/) into one script, production mode, like the extension. */
async function bundle(entry, name) {
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    resolve: { alias: { '@': root } },
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: path.join(root, entry), formats: ['iife'], name, fileName: () => `${name}.js` },
    },
  });
}

/** Serves the bench scripts on loopback only, from a page of our own (a real http origin for IndexedDB). */
function serve() {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>bench</title><script src="/storeBench.js"></script>');
    } else if (req.url === '/storeBench.js') {
      res.setHeader('content-type', 'text/javascript');
      res.end(readFileSync(path.join(outDir, 'storeBench.js')));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

await bundle('tests/bench/storeBench.ts', 'storeBench');
const server = await serve();
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
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const r = await page.evaluate(() => window.runStoreBench());
  console.log('\nStore (real Chromium IndexedDB)');
  console.log(
    `  ingest 10,000 status events through the engine: ${fmt(r.ingest.engineMs)} vs raw Dexie bulkPut of the same rows ${fmt(r.ingest.rawMs)} → ${r.ingest.ratio.toFixed(2)}× (goal ≤ 1.5×)`,
  );
  console.log(
    `  indexed invites query on ${r.query.rows.toLocaleString('en')} rows: newest ${r.query.pageRows} of one program+status ${fmt(r.query.pageQueryMs)} (goal ≤ 10 ms); due-time scan ${fmt(r.query.dueQueryMs)}`,
  );
} finally {
  await browser.close();
  server.close();
}
