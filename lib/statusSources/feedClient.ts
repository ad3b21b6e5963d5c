/** One read of a feed: a page (with the ETag to send next time), "unchanged since that ETag", or why it failed. */
export type FeedFetchResult =
  | { kind: 'ok'; body: unknown; etag?: string }
  | { kind: 'not_modified' }
  | { kind: 'error'; message: string };

const SECOND = 1000;
/** A feed that has not answered in this long is treated as down (and retried later with backoff). */
const TIMEOUT_MS = 10 * SECOND;
/** Far above a page of 10,000 events; small enough that a runaway answer cannot fill the worker's memory. */
const MAX_BYTES = 5 * 1024 * 1024;
/** ETags are short tokens; anything long or with control characters is not one and is not sent back. */
const ETAG = /^[\x21-\x7e]{1,1000}$/;

const fail = (message: string): FeedFetchResult => ({ kind: 'error', message });

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} kB`;
}

/** The body as text, or undefined when it is larger than `maxBytes` (stops reading as soon as it is). */
async function readText(res: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!res.body) {
    const text = await res.text();
    return new TextEncoder().encode(text).byteLength > maxBytes ? undefined : text;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** A short, single-line version of text from outside (an HTTP status text, an error message). */
function clean(text: string, max = 120): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .trim()
    .slice(0, max);
}

async function request(
  feed: { url: string; cursor?: string; etag?: string },
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  maxBytes: number,
): Promise<FeedFetchResult> {
  const url = new URL(feed.url);
  if (feed.cursor !== undefined && feed.cursor !== '') url.searchParams.set('cursor', feed.cursor);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (feed.etag !== undefined) headers['if-none-match'] = feed.etag;
  const res = await fetchImpl(url.href, {
    method: 'GET',
    headers,
    // No cookies or HTTP auth of the user's go with it, and nothing says which page asked.
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    // The ETag is ours to send: the browser's cache would answer 200 from a stale copy instead of asking.
    cache: 'no-store',
    // A redirect could lead to another host, one the user never allowed: fail instead of following it.
    redirect: 'error',
    signal,
  });
  if (res.status === 304) {
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'not_modified' };
  }
  if (res.type === 'opaqueredirect' || res.redirected || (res.status >= 300 && res.status < 400)) {
    await res.body?.cancel().catch(() => undefined);
    return fail('The feed redirected to another address, which RefShare does not follow. Add the final address.');
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    const status = clean(res.statusText);
    return fail(`The feed answered HTTP ${res.status}${status ? ` ${status}` : ''}.`);
  }
  const text = await readText(res, maxBytes);
  if (text === undefined) return fail(`The feed’s answer is larger than ${sizeText(maxBytes)}.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail('The feed’s answer is not valid JSON.');
  }
  const etag = res.headers.get('etag') ?? '';
  return ETAG.test(etag) ? { kind: 'ok', body, etag } : { kind: 'ok', body };
}

/**
 * Reads one page of a feed: GET its URL with `?cursor=` when it has one (other parameters kept) and
 * If-None-Match when it has an ETag, without cookies, cache or redirects, and within `timeoutMs` (10 s) for the
 * whole answer, body included. Never throws: every failure is a `{ kind: 'error' }` with an English sentence that
 * Settings shows as the feed's last error.
 */
export async function fetchFeed(
  feed: { url: string; cursor?: string; etag?: string },
  fetchImpl: typeof fetch,
  opts: { timeoutMs?: number; maxBytes?: number } = {},
): Promise<FeedFetchResult> {
  const timeoutMs = opts.timeoutMs ?? TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A race as well as the abort signal: a fetch (or a body) that ignores the signal still cannot hold the worker.
  const timedOut = new Promise<FeedFetchResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(fail(`The feed did not answer within ${timeoutMs / SECOND} seconds.`));
    }, timeoutMs);
  });
  const attempt = request(feed, fetchImpl, controller.signal, opts.maxBytes ?? MAX_BYTES).catch((e: unknown) =>
    controller.signal.aborted
      ? fail(`The feed did not answer within ${timeoutMs / SECOND} seconds.`)
      : fail(`The feed could not be reached${e instanceof Error && e.message ? ` (${clean(e.message)})` : ''}.`),
  );
  try {
    return await Promise.race([attempt, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
