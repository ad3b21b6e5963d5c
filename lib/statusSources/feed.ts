import { schemeOf } from '@/lib/referral/linkScheme';
import { firstControlChar, trimInvisible } from '@/lib/referral/text';
import { type FeedEvent, type FeedRefusal, isRecord, own, parseFeedEvent } from './feedEvent';

/**
 * The optional JSON status feed (ARCHITECTURE.md, lib/statusSources): checking a page the feed served and an address the
 * user typed. Pure: no browser API, no clock (`now` is a parameter); lib/statusSources/feedClient.ts fetches, and
 * lib/db/feeds.ts applies.
 */

/** Most events read from one page: a service with more pages them with its cursor. */
const MAX_FEED_EVENTS = 10_000;
const PAGE_LIMIT = MAX_FEED_EVENTS.toLocaleString('en');
const MAX_CURSOR = 1_000;
const MAX_FEED_URL = 2048;
/** Hosts that are this computer: a service running there may use plain http (nothing crosses a network). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type ParsedFeed =
  | { ok: true; cursor?: string; events: FeedEvent[]; rejected: FeedRefusal[] }
  | { ok: false; reason: string };

/**
 * Checks a page of the feed. The page itself must be well-formed (an object with an `events` list of at most
 * 10,000 and, optionally, a text `cursor`), or none of it is used; then each event is checked on its own: bad
 * ones go to `rejected` with the reason, the others to `events`. An id seen twice in one page keeps the first.
 */
export function parseFeed(body: unknown, now: number): ParsedFeed {
  if (!isRecord(body)) return { ok: false, reason: 'The feed did not send a JSON object.' };
  const list = own(body, 'events');
  if (!Array.isArray(list)) return { ok: false, reason: 'The feed’s answer has no "events" list.' };
  if (list.length > MAX_FEED_EVENTS) {
    return {
      ok: false,
      reason: `The feed sent ${list.length} events in one page; at most ${PAGE_LIMIT} are read.`,
    };
  }
  const cursor = own(body, 'cursor');
  if (cursor !== undefined && cursor !== null && (typeof cursor !== 'string' || cursor.length > MAX_CURSOR)) {
    return {
      ok: false,
      reason: `The feed’s "cursor" must be text of at most ${MAX_CURSOR.toLocaleString('en')} characters.`,
    };
  }
  const events: FeedEvent[] = [];
  const rejected: FeedRefusal[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const r = parseFeedEvent(item, now);
    if (!r.ok) rejected.push(r.refusal);
    else if (seen.has(r.event.id)) {
      rejected.push({ id: r.event.id, reason: 'The same event id appears twice in this page; the first was used.' });
    } else {
      seen.add(r.event.id);
      events.push(r.event);
    }
  }
  return { ok: true, ...(typeof cursor === 'string' && { cursor }), events, rejected };
}

/**
 * Why a feed address the user typed cannot be used, or undefined when it can. Only https (http only for a
 * service on this computer), no user name or password in it (it would be stored and sent in clear), at most
 * 2,048 characters; javascript:, data: and other schemes are refused with a sentence saying why.
 */
export function feedUrlError(input: string): string | undefined {
  const tooLong = (length: number) =>
    `This address is ${length} characters long; ` +
    `feed addresses over ${MAX_FEED_URL.toLocaleString('en')} characters are refused.`;
  // Cheap guard before scanning: nothing this long can be under the limit once trimmed.
  if (typeof input === 'string' && input.length > MAX_FEED_URL * 8) return tooLong(input.length);
  const text = typeof input === 'string' ? trimInvisible(input) : '';
  if (text === '') return 'Enter the feed’s address, starting with https://.';
  if (text.length > MAX_FEED_URL) return tooLong(text.length);
  const scheme = schemeOf(text);
  const only = 'Use the feed’s https:// address.';
  if (scheme === 'javascript')
    return `This is a javascript: address: it runs code instead of pointing to a feed. ${only}`;
  if (scheme === 'data') return `This is a data: address: it carries content instead of pointing to a feed. ${only}`;
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http')
    return `"${scheme}:" addresses are not supported. ${only}`;
  const control = firstControlChar(text);
  if (control) return `The address contains an invisible control character (${control}). Copy it again.`;
  if (/\s/u.test(text)) return 'The address contains spaces. Paste only the address.';
  if (!/^https?:\/\//i.test(text)) return 'The feed’s address must start with https://.';
  if (text.includes('\\')) return 'The address contains a backslash (\\). Copy it again.';
  const authority = text.replace(/^https?:\/\//i, '').split(/[/?#]/)[0] ?? '';
  const credentials =
    'The address contains a user name or password (before "@"). ' +
    'RefShare does not keep passwords: ask the service for an address without one.';
  if (authority.includes('@')) return credentials;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a valid web address.';
  }
  if (url.username !== '' || url.password !== '') return credentials;
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return (
      'Feeds must use https://, so nobody on the network can read or change them. http:// is allowed only for a ' +
      'service on this computer (localhost, 127.0.0.1 or [::1]).'
    );
  }
  return undefined;
}

/**
 * The host permission to request for a feed (an optional permission, asked for when the user adds it): the
 * feed's scheme and host, any path, e.g. `https://feeds.example.com/*` or `http://127.0.0.1/*` (match patterns
 * carry no port). `url` must have passed feedUrlError; anything else throws.
 */
export function feedOrigin(url: string): string {
  const u = new URL(trimInvisible(url));
  return `${u.protocol}//${u.hostname}/*`;
}
