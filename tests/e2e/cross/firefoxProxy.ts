/**
 * Firefox's way to the fixture pages, and its network recorder. Firefox sends every request that is not to the
 * loopback address here (a PAC script, firefoxDriver.ts): plain-http requests for the programs' fixture hosts are
 * passed to the fixture server (which answers by Host header, as in Chromium); every other request — any host, any
 * https CONNECT — is refused and recorded. Unlike Chromium's recorder this cannot tell the extension's requests from
 * the browser's own, so it is stricter: nothing at all may go anywhere the test did not configure (Firefox's own
 * background traffic is switched off by puppeteer's default preferences).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The fixture pages' hosts (tests/tools/fixtureServer.mjs maps the same ones in Chromium). */
const FIXTURE_HOST = /(^|\.)(aliexpress\.com|temu\.com|example\.org)$/;

export interface RecordingProxy {
  port: number;
  /** An origin the test configured (a status feed): its requests are counted, not refused. */
  allow(origin: string): void;
  /** Requests to anywhere not configured, as URLs (CONNECT as https://host:port). */
  violations(): string[];
  /** One line in test-results/network.jsonl, as Chromium's recorder writes (tests/tools/test.mjs sums them). */
  writeLog(root: string, testFile: string, deliberate: boolean): void;
  close(): Promise<void>;
}

export async function startRecordingProxy(fixturePort: number): Promise<RecordingProxy> {
  const refused: string[] = [];
  const allowed = new Set<string>();
  let toAllowed = 0;
  let fixtures = 0;
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (allowed.has(url.origin)) toAllowed++;
    if (url.protocol === 'http:' && FIXTURE_HOST.test(url.hostname)) {
      fixtures++;
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: fixturePort,
          method: req.method,
          path: url.pathname + url.search,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    if (!allowed.has(url.origin)) refused.push(url.href);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Refused by the test proxy');
  });
  server.on('connect', (req, socket) => {
    const origin = `https://${(req.url ?? '').replace(/:443$/, '')}`;
    if (allowed.has(origin)) toAllowed++;
    else refused.push(origin);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    allow: (origin) => allowed.add(new URL(origin).origin),
    violations: () => [...refused],
    writeLog: (root, testFile, deliberate) => {
      const dir = path.join(root, 'test-results');
      mkdirSync(dir, { recursive: true });
      const line = {
        file: `${testFile} (Firefox)`,
        inside: 0,
        fixtures,
        toAllowed,
        violations: refused.map((url) => ({ url, by: 'Firefox', from: 'proxy' })),
        deliberate,
      };
      appendFileSync(path.join(dir, 'network.jsonl'), `${JSON.stringify(line)}\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
