// Serves fixture pages under the programs' real host names without the internet: Chromium maps the hosts to
// 127.0.0.1 (--host-resolver-rules) and this server answers by Host header from tests/e2e/fixtures/<host>/.
// The production build's content scripts then run on them unchanged, since `*://*.aliexpress.com/*` matches
// http://www.aliexpress.com:PORT/… too. Used by the e2e tests and by `npm run bench`.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e/fixtures');

/** Host names the fixtures use; every one is mapped to loopback. */
const HOSTS = ['*.aliexpress.com', '*.temu.com', 'temu.com', 'aliexpress.com', 'shop.example.org', '*.example.org'];

/**
 * Starts the server on a free loopback port.
 * @returns {Promise<import('./fixtureServer.d.mts').FixtureServer>}
 */
export async function startFixtureServer() {
  const server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const root = path.join(FIXTURES, host);
    const file = path.normalize(path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = file.endsWith('.html') || file.endsWith('.htm') ? 'text/html; charset=utf-8' : 'text/plain';
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res
        .writeHead(404, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Not found</title><h1>Not found</h1>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    args: [`--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`],
    url: (host, pathname) => `http://${host}:${port}${pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
