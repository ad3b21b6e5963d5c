/**
 * Serves fixture pages under the programs' real host names without the internet: Chromium maps the hosts to
 * 127.0.0.1 (--host-resolver-rules) and this server answers by Host header from tests/e2e/fixtures/<host>/.
 * The production build's content scripts then run on them unchanged, since `*://*.aliexpress.com/*` matches
 * http://www.aliexpress.com:PORT/… too.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Host names the fixtures use; every one is mapped to loopback. */
const HOSTS = ['*.aliexpress.com', '*.temu.com', 'temu.com', 'aliexpress.com', 'shop.example.org', '*.example.org'];

export interface FixtureServer {
  port: number;
  /** Chromium switches that send the fixture hosts to this server. */
  args: string[];
  /** http://<host>:<port><path> */
  url(host: string, pathname: string): string;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.normalize(path.join(FIXTURES, host, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(path.join(FIXTURES, host) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/plain' });
      res.end(body);
    } catch {
      res
        .writeHead(404, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Not found</title><h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    args: [`--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`],
    url: (host, pathname) => `http://${host}:${port}${pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
