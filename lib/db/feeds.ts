import { allPrograms } from '@/lib/referral/programs/index';
import { trimInvisible } from '@/lib/referral/text';
import { HOUR, MINUTE } from '@/lib/referral/time';
import type { Settings } from '@/lib/referral/types';
import { feedUrlError, parseFeed } from '@/lib/statusSources/feed';
import { fetchFeed } from '@/lib/statusSources/feedClient';
import type { FeedRefusal } from '@/lib/statusSources/feedEvent';
import { feedEventKey, feedIdFor, matchFeedEvents } from '@/lib/statusSources/feedMatch';
import { ingestEvents } from './events';
import { type Ctx, err, ok, type Result } from './result';
import type { FeedRecord, RefShareDB } from './schema';

/** A healthy feed is read this often (the alarm may come more often; a feed is only read once due). */
export const FEED_INTERVAL = 15 * MINUTE;
/**
 * After a failure the wait doubles from 1 minute (1, 2, 4 … min) up to 6 hours: a short outage costs minutes,
 * while a feed that stays down is asked a few times a day rather than hammered.
 */
const FIRST_RETRY = MINUTE;
const MAX_RETRY = 6 * HOUR;
/** Refused events kept on the feed for Settings: enough to see what is wrong, not a log. */
const MAX_REFUSALS_KEPT = 20;
/** A person follows a few services at most; the bound keeps a runaway page from adding thousands. */
const MAX_FEEDS = 20;

/** What one read of a feed did. `error` is set when the feed could not be read (then nothing was applied). */
export interface FeedPullResult {
  applied: number;
  duplicates: number;
  rejected: number;
  error?: string;
}

/** Wait before the next attempt after `failures` failures in a row: 1 min × 2^(failures − 1), at most 6 h. */
export function feedBackoff(failures: number): number {
  return Math.min(FIRST_RETRY * 2 ** Math.min(Math.max(failures - 1, 0), 30), MAX_RETRY);
}

/**
 * Adds a status feed the user typed (its host permission is the page's to ask for, with the user's click).
 * The address is checked (feedUrlError), stored normalised (no fragment: it never reaches the server) and due at
 * once; the same address twice is refused. `ctx` gives the time only: the id comes from the address (feedIdFor).
 */
export async function addFeed(db: RefShareDB, url: string, ctx: Ctx): Promise<Result<FeedRecord>> {
  const problem = feedUrlError(url);
  if (problem) return err('invalid_input', problem);
  const parsed = new URL(trimInvisible(url));
  parsed.hash = '';
  const href = parsed.href;
  return db.transaction('rw', db.feeds, async () => {
    if (await db.feeds.where('url').equals(href).first()) return err('conflict', 'This feed is already in the list.');
    if ((await db.feeds.count()) >= MAX_FEEDS) {
      return err('conflict', `You already have ${MAX_FEEDS} feeds; remove one first.`);
    }
    const feed: FeedRecord = { id: feedIdFor(href), url: href, addedAt: ctx.now, failures: 0, nextAttemptAt: ctx.now };
    await db.feeds.add(feed);
    return ok(feed);
  });
}

/** Removes a feed. What it brought stays: those are the user's invites and coupons now. */
export async function removeFeed(db: RefShareDB, id: string): Promise<Result<{ id: string }>> {
  return db.transaction('rw', db.feeds, async () => {
    if (!(await db.feeds.get(id))) return err('not_found', 'That feed is no longer in the list.');
    await db.feeds.delete(id);
    return ok({ id });
  });
}

/** Feeds whose next attempt is due at `now`, oldest first. A handful at most, so a scan rather than an index. */
export async function feedsDue(db: RefShareDB, now: number): Promise<FeedRecord[]> {
  const feeds = await db.feeds.filter((f) => f.nextAttemptAt <= now).toArray();
  return feeds.sort((a, b) => a.addedAt - b.addedAt);
}

async function recordFailure(db: RefShareDB, feed: FeedRecord, error: string, now: number): Promise<FeedPullResult> {
  const failures = feed.failures + 1;
  await db.feeds.update(feed.id, {
    failures,
    lastError: error,
    lastErrorAt: now,
    nextAttemptAt: now + feedBackoff(failures),
  });
  return { applied: 0, duplicates: 0, rejected: 0, error };
}

/**
 * Reads one page of a feed and applies it. The order is what makes a crash harmless: the events are stored and
 * applied (one transaction, keyed `feed:<feedId>:<event id>`) BEFORE the cursor moves, so a worker stopped in
 * between reads the same page again next time, and the replay changes nothing. Invites are matched as
 * matchFeedEvents (lib/statusSources/feedMatch.ts) documents; an event matching none, or malformed, is refused and kept
 * on the feed (at most 20) while the rest applies. A feed that cannot be read (network, HTTP error, not JSON,
 * not the feed format) is retried with backoff (feedBackoff) and its error shown in Settings. Throws only when
 * the database itself fails.
 */
export async function pullFeed(
  db: RefShareDB,
  feed: FeedRecord,
  fetchImpl: typeof fetch,
  settings: Settings,
  ctx: Ctx,
): Promise<FeedPullResult> {
  const page = await fetchFeed(feed, fetchImpl);
  if (page.kind === 'error') return recordFailure(db, feed, page.message, ctx.now);
  const healthy = { lastSuccessAt: ctx.now, failures: 0, nextAttemptAt: ctx.now + FEED_INTERVAL };
  if (page.kind === 'not_modified') {
    await db.feeds.update(feed.id, { ...healthy, lastEventCount: 0, rejected: [] });
    return { applied: 0, duplicates: 0, rejected: 0 };
  }
  const parsed = parseFeed(page.body, ctx.now);
  if (!parsed.ok) return recordFailure(db, feed, parsed.reason, ctx.now);

  const result = { applied: 0, duplicates: 0, rejected: 0 };
  const refusals: FeedRefusal[] = [...parsed.rejected];
  // Matching reads and the ingest share one transaction, so a pull running at the same time (alarm and
  // "sync now") sees this one's events as known and cannot send them to another invite.
  const tables = [db.links, db.invites, db.events, db.coupons, db.outbox, db.programs];
  await db.transaction('rw', tables, async () => {
    const programIds = [...new Set(parsed.events.map((e) => e.program))];
    const links = await db.links.where('programId').anyOf(programIds).toArray();
    const invites = await db.invites
      .where('linkId')
      .anyOf(links.map((l) => l.id))
      .toArray();
    const stored = await db.events.bulkGet(parsed.events.map((e) => feedEventKey(feed.id, e.id)));
    const known = new Map<string, string>();
    for (const e of stored) if (e) known.set(e.key, e.inviteId);
    const programs = allPrograms(await db.programs.toArray());
    const matched = matchFeedEvents({ feedId: feed.id, events: parsed.events, programs, links, invites, known });
    refusals.push(...matched.refused);
    result.duplicates += matched.replays;
    const reports = await ingestEvents(db, matched.events, settings, ctx);
    for (const [i, { outcome }] of reports.entries()) {
      if (outcome.result === 'applied') result.applied++;
      else if (outcome.result === 'duplicate') result.duplicates++;
      else {
        const reason = outcome.result === 'rejected' ? outcome.reason : 'The invite was deleted meanwhile.';
        const id = matched.eventIds[i];
        refusals.push(id === undefined ? { reason } : { id, reason });
      }
    }
  });
  result.rejected = refusals.length;

  // Only now does the cursor move (see above).
  await db.feeds.update(feed.id, {
    ...healthy,
    ...(parsed.cursor !== undefined && { cursor: parsed.cursor }),
    // An answer without an ETag clears the old one: sending it back would ask about a page no longer current.
    etag: page.etag,
    lastEventCount: parsed.events.length + parsed.rejected.length,
    rejected: refusals.slice(0, MAX_REFUSALS_KEPT),
  });
  return result;
}

/** What pullDueFeeds did, feed by feed and in total. */
export interface FeedsPullSummary {
  feeds: { id: string; url: string; result: FeedPullResult }[];
  applied: number;
  duplicates: number;
  rejected: number;
  failed: number;
}

/**
 * Reads every due feed (every feed with `all`, for "sync now"), one after another. One feed failing, even with
 * a database error, does not stop the others; its error is in the summary.
 */
export async function pullDueFeeds(
  db: RefShareDB,
  fetchImpl: typeof fetch,
  settings: Settings,
  ctx: Ctx,
  opts: { all?: boolean } = {},
): Promise<FeedsPullSummary> {
  const due = opts.all ? await db.feeds.orderBy('url').toArray() : await feedsDue(db, ctx.now);
  const summary: FeedsPullSummary = { feeds: [], applied: 0, duplicates: 0, rejected: 0, failed: 0 };
  for (const feed of due) {
    let result: FeedPullResult;
    try {
      result = await pullFeed(db, feed, fetchImpl, settings, ctx);
    } catch (e) {
      console.error('RefShare: feed not read', e);
      result = { applied: 0, duplicates: 0, rejected: 0, error: 'RefShare could not save what the feed sent.' };
    }
    summary.feeds.push({ id: feed.id, url: feed.url, result });
    summary.applied += result.applied;
    summary.duplicates += result.duplicates;
    summary.rejected += result.rejected;
    if (result.error !== undefined) summary.failed++;
  }
  return summary;
}
