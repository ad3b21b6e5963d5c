/**
 * A status feed served by the test on 127.0.0.1 (the test build holds that host's permission): it answers
 * `GET /feed.json` with whatever the test put in it, honours `If-None-Match` when an ETag is set, can be told to
 * fail, and records every request so a test can check what the extension asked (and that it asked nothing else).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

interface FeedRequest {
  path: string;
  cursor: string | null;
  ifNoneMatch: string | undefined;
  cookie: string | undefined;
}

export interface FeedServer {
  url: string;
  requests: FeedRequest[];
  /** What the next GETs return. */
  serve(page: { cursor?: string; events: unknown[] }, etag?: string): void;
  /** Answer with this HTTP status (and no feed) until `serve` is called again. */
  fail(status: number): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  let body = JSON.stringify({ events: [] });
  let etag: string | undefined;
  let failing: number | undefined;
  const requests: FeedRequest[] = [];
  const record = (req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({
      path: url.pathname,
      cursor: url.searchParams.get('cursor'),
      ifNoneMatch: req.headers['if-none-match'],
      cookie: req.headers.cookie,
    });
    return url;
  };
  const server = createServer((req, res) => {
    const url = record(req);
    if (url.pathname !== '/feed.json') {
      res.writeHead(404).end();
      return;
    }
    if (failing !== undefined) {
      res.writeHead(failing, { 'content-type': 'text/plain' }).end('Service unavailable');
      return;
    }
    if (etag !== undefined && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', ...(etag ? { etag } : {}) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed.json`,
    requests,
    serve(page, tag) {
      body = JSON.stringify(page);
      etag = tag;
      failing = undefined;
    },
    fail(status) {
      failing = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
