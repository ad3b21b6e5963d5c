import { describe, expect, it, vi } from 'vitest';
import { fetchFeed } from '@/lib/statusSources/feedClient';

const FEED = 'https://feeds.example.com/refshare.json?token=t1';
const page = { cursor: 'c2', events: [] };

/** A fake fetch: records what it was asked and answers with `answer` (no network). */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return answer(url, init ?? {});
  });
  return { impl: impl as unknown as typeof fetch, calls };
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } });

/** A body delivered in chunks, with no Content-Length (as a chunked answer arrives). */
function chunked(chunks: string[], forever = false): Response {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = bytes[i++];
      if (next) controller.enqueue(next);
      else if (!forever) controller.close();
      else return new Promise(() => undefined);
    },
  });
  return new Response(body, { status: 200 });
}

describe('fetchFeed', () => {
  it('GETs the feed without cookies, cache or redirects, and returns the page with its ETag', async () => {
    const f = fakeFetch(() => json(page, { etag: '"v2"' }));
    expect(await fetchFeed({ url: FEED }, f.impl)).toEqual({ kind: 'ok', body: page, etag: '"v2"' });
    expect(f.calls).toHaveLength(1);
    const { url, init } = f.calls[0] ?? { url: '', init: {} };
    expect(url).toBe(FEED);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'error' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.headers).not.toHaveProperty('if-none-match');
  });

  it('sends the cursor as ?cursor= (keeping the other parameters) and the ETag as If-None-Match', async () => {
    const f = fakeFetch(() => json(page));
    await fetchFeed({ url: FEED, cursor: 'a b&c=d', etag: '"v1"' }, f.impl);
    const sent = new URL(f.calls[0]?.url ?? '');
    expect(sent.searchParams.get('token')).toBe('t1');
    expect(sent.searchParams.get('cursor')).toBe('a b&c=d');
    expect([...sent.searchParams.keys()]).toEqual(['token', 'cursor']);
    expect(f.calls[0]?.init.headers).toMatchObject({ 'if-none-match': '"v1"' });
  });

  it('replaces a cursor parameter already in the address rather than sending two', async () => {
    const f = fakeFetch(() => json(page));
    await fetchFeed({ url: 'https://feeds.example.com/f?cursor=old', cursor: 'new' }, f.impl);
    expect(new URL(f.calls[0]?.url ?? '').searchParams.getAll('cursor')).toEqual(['new']);
  });

  it('304 Not Modified → not_modified', async () => {
    const f = fakeFetch(() => new Response(null, { status: 304 }));
    expect(await fetchFeed({ url: FEED, etag: '"v1"' }, f.impl)).toEqual({ kind: 'not_modified' });
  });

  it('does not keep an ETag that is not one (too long, or with control characters)', async () => {
    const f = fakeFetch(() => json(page, { etag: 'x'.repeat(1001) }));
    expect(await fetchFeed({ url: FEED }, f.impl)).toEqual({ kind: 'ok', body: page });
  });

  it.each<[string, () => Response | Promise<Response>, RegExp]>([
    [
      'HTTP 500',
      () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }),
      /^The feed answered HTTP 500 Internal Server Error\.$/,
    ],
    ['HTTP 503 without a status text', () => new Response('', { status: 503 }), /^The feed answered HTTP 503\.$/],
    ['HTTP 404', () => new Response('', { status: 404, statusText: 'Not Found' }), /HTTP 404 Not Found/],
    ['invalid JSON', () => new Response('{"events": [', { status: 200 }), /not valid JSON/],
    ['an HTML page', () => new Response('<!doctype html><p>Login</p>', { status: 200 }), /not valid JSON/],
    ['an empty body', () => new Response('', { status: 200 }), /not valid JSON/],
    [
      'a redirect answer',
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
      /redirected/,
    ],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      /could not be reached \(Failed to fetch\)/,
    ],
    ['a thrown non-error', () => Promise.reject('boom'), /^The feed could not be reached\.$/],
  ])('%s → an error with a sentence saying so', async (_name, answer, message) => {
    const r = await fetchFeed({ url: FEED }, fakeFetch(answer).impl);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(message);
  });

  it('a redirect is refused, not followed: the browser is told redirect "error" and the failure is reported', async () => {
    // What a browser does with redirect: 'error' when the server answers 302.
    const f = fakeFetch((_url, init) =>
      init.redirect === 'error'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Response.redirect('https://elsewhere.example/feed.json', 302),
    );
    const r = await fetchFeed({ url: FEED }, f.impl);
    expect(r).toMatchObject({ kind: 'error' });
    expect(f.calls).toHaveLength(1);
    expect(f.calls.every((c) => c.url.startsWith('https://feeds.example.com/'))).toBe(true);
  });

  it('a status text with control characters is shown cleaned', async () => {
    const res = new Response('', { status: 500 });
    Object.defineProperty(res, 'statusText', { value: 'Bad\u0000\u202Enews' });
    const r = await fetchFeed({ url: FEED }, fakeFetch(() => res).impl);
    expect(r).toEqual({ kind: 'error', message: 'The feed answered HTTP 500 Bad news.' });
  });

  it('times out a fetch that never answers (and aborts it)', async () => {
    let signal: AbortSignal | undefined;
    const f = fakeFetch((_url, init) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    const r = await fetchFeed({ url: FEED }, f.impl, { timeoutMs: 20 });
    expect(r).toEqual({ kind: 'error', message: 'The feed did not answer within 0.02 seconds.' });
    expect(signal?.aborted).toBe(true);
  });

  it('times out after 10 seconds by default (fake clock)', async () => {
    vi.useFakeTimers();
    try {
      const f = fakeFetch(
        (_url, init) =>
          new Promise<Response>((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      );
      const pending = fetchFeed({ url: FEED }, f.impl);
      await vi.advanceTimersByTimeAsync(9_999);
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toEqual({ kind: 'error', message: 'The feed did not answer within 10 seconds.' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('times out a body that never ends', async () => {
    const r = await fetchFeed({ url: FEED }, fakeFetch(() => chunked(['{"events":['], true)).impl, { timeoutMs: 30 });
    expect(r).toMatchObject({ kind: 'error', message: expect.stringMatching(/did not answer/) });
  });

  it('refuses a body larger than maxBytes, by its Content-Length or while reading it', async () => {
    const big = JSON.stringify({ events: [], pad: 'x'.repeat(2000) });
    const declared = fakeFetch(
      () => new Response(big, { status: 200, headers: { 'content-length': String(big.length) } }),
    );
    expect(await fetchFeed({ url: FEED }, declared.impl, { maxBytes: 1024 })).toEqual({
      kind: 'error',
      message: 'The feed’s answer is larger than 1 kB.',
    });
    const streamed = fakeFetch(() => chunked([big.slice(0, 600), big.slice(600, 1200), big.slice(1200)]));
    expect(await fetchFeed({ url: FEED }, streamed.impl, { maxBytes: 1024 })).toMatchObject({ kind: 'error' });
    const fits = fakeFetch(() => chunked([big.slice(0, 600), big.slice(600)]));
    expect(await fetchFeed({ url: FEED }, fits.impl, { maxBytes: 4096 })).toMatchObject({ kind: 'ok' });
  });

  it('the default limit is 5 MB', async () => {
    const f = fakeFetch(
      () => new Response('{}', { status: 200, headers: { 'content-length': String(5 * 1024 * 1024 + 1) } }),
    );
    expect(await fetchFeed({ url: FEED }, f.impl)).toEqual({
      kind: 'error',
      message: 'The feed’s answer is larger than 5 MB.',
    });
  });

  it('reads UTF-8 split across chunks, and a byte-order mark', async () => {
    const text = '\uFEFF{"events":[],"cursor":"café ☕"}';
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const r = await fetchFeed({ url: FEED }, fakeFetch(() => new Response(body)).impl);
    expect(r).toEqual({ kind: 'ok', body: { events: [], cursor: 'café ☕' } });
  });

  it('never throws, even for an address that cannot be parsed', async () => {
    const f = fakeFetch(() => json(page));
    await expect(fetchFeed({ url: 'not a url' }, f.impl)).resolves.toMatchObject({ kind: 'error' });
    expect(f.calls).toHaveLength(0);
  });
});
