/**
 * Compares, after the settle, what the outbox says about each notification with what the notification area holds and
 * what the watching page saw, and tells each row's story when something does not add up.
 */
import type { OutboxEntry } from '@/lib/db/schema';
import type { Sightings } from './notificationWatch';

/** Why a notification may have left the notification area in a run without a tray: closed by the user or the browser (its ~9 s timeout), or opened. */
const CLOSED_OK = new Set(['user', 'browser', 'opened']);

/** Tells a row's story for a failure message, and which notification ids are not the outbox's (the self-check's). */
export interface Story {
  of(row: OutboxEntry, spans: Sightings['spans'][string], closes: Sightings['closes']): string;
  ignore(id: string): boolean;
  /** Whether the worker was stopped within 1 s of this moment. */
  stoppedNear(at: number): boolean;
}

/**
 * A row's times relative to the scenario's start (ms): handed, held, closed in the outbox; on screen and closed as
 * the watcher saw it; and the worker stops near each close (within 1 s), which is where a lost onClosed comes from.
 */
export function storyTeller(t0: number, stops: readonly number[], ignore: (id: string) => boolean): Story {
  const rel = (t: number | undefined) => (t === undefined ? '-' : String(t - t0));
  return {
    ignore,
    stoppedNear: (at) => stops.some((s) => Math.abs(s - at) <= 1_000),
    of(row, spans, closes) {
      const near = closes.flatMap((c) => stops.filter((s) => Math.abs(s - c.at) <= 1_000).map((s) => rel(s)));
      return [
        `handed ${rel(row.shownAt)}, held ${rel(row.heldAt)}, closed ${rel(row.closedAt)}`,
        `seen ${spans.map((s) => `${rel(s.from)}–${rel(s.to)}`).join(' ') || 'never'}`,
        `onClosed ${closes.map((c) => `${rel(c.at)}${c.byUser ? ' by user' : ''}`).join(' ') || 'none'}`,
        `stops near ${near.join(' ') || 'none'}`,
      ].join(', ');
    },
  };
}

/**
 * A close the outbox missed because of a stop, not a flaw in the bookkeeping: on screen once, closed once (the page
 * got the onClosed the worker should have got too), and the worker stopped within a second of that close.
 */
function lostOnClosed(spans: Sightings['spans'][string], closes: Sightings['closes'], story: Story): boolean {
  const close = closes[0];
  return spans.length === 1 && closes.length === 1 && close !== undefined && story.stoppedNear(close.at);
}

/** The outcome of comparing the outbox with the notification area and the watcher. */
export interface Reconciled {
  /** Outbox rows checked against the notification area. */
  verified: number;
  /** Rows handed to the browser more than once (lost on the way and shown again: legitimate, counted). */
  reshown: number;
  /** Rows finished as 'gone' because their onClosed reached a worker being stopped (see lostOnClosed), with their story. */
  lostOnClosed: string[];
  /** Everything wrong, one sentence each (empty when all is well). */
  problems: string[];
}

/**
 * Each outbox row is: waiting (a failure, there are no quiet hours), handed and held by the browser (and seen held by
 * a run), or finished by the user, the browser or a click; never 'gave_up' or 'switched_off' here, and 'gone' only
 * when its onClosed demonstrably reached a worker being stopped (lostOnClosed). The watcher must have seen each one
 * on screen at most once, closed at most once, a finished one closed exactly once, and no notification that is not
 * in the outbox.
 */
export function reconcile(
  outbox: readonly OutboxEntry[],
  held: { ids: ReadonlySet<string>; at: number },
  seen: Sightings,
  story: Story,
): Reconciled {
  const problems: string[] = [];
  const lost: string[] = [];
  let reshown = 0;
  for (const row of outbox) {
    const spans = seen.spans[row.key] ?? [];
    const closes = seen.closes.filter((c) => c.id === row.key);
    const what = `${row.key} (shown ${row.shown}, shows ${row.shows ?? 0}, closedBy ${row.closedBy ?? '-'}; ${story.of(row, spans, closes)})`;
    if ((row.shows ?? 0) > 1) reshown++;
    if (row.shown === 0) problems.push(`${what}: still waiting to be shown`);
    else if (row.shown === 1) {
      if (!held.ids.has(row.key)) problems.push(`${what}: handed to the browser but not in the notification area`);
      else if (row.heldAt === undefined) problems.push(`${what}: on screen but never recorded as held`);
      // A close after the notification area was read is news the outbox could not have yet.
      if (closes.some((c) => c.at < held.at)) {
        problems.push(`${what}: the browser closed it but the outbox still calls it on screen`);
      }
    } else if (row.closedBy === 'gone' && lostOnClosed(spans, closes, story)) {
      // The browser closed it and said so, but the worker was stopped as the news came: the onClosed handler's
      // write never committed, and the next run found it gone (lib/db/outbox.ts). Shown once, never again: what
      // the user saw is right, only the reason recorded differs. Counted and reported, not failed.
      lost.push(what);
    } else if (!CLOSED_OK.has(row.closedBy ?? '')) {
      problems.push(`${what}: finished as "${row.closedBy}" in a run where every close is reported`);
    } else if (row.closedBy !== 'opened' && closes.length !== 1) {
      problems.push(`${what}: finished as closed, but the page saw ${closes.length} closes`);
    }
    if (row.shown !== 0 && spans.length === 0) problems.push(`${what}: never seen in the notification area`);
  }
  const keys = new Set(outbox.map((r) => r.key));
  for (const id of Object.keys(seen.spans)) {
    if (!story.ignore(id) && !keys.has(id)) problems.push(`${id}: on screen, but not in the outbox`);
  }
  return { verified: outbox.length, reshown, lostOnClosed: lost, problems };
}
