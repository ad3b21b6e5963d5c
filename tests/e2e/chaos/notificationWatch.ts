/**
 * Watches the notification area from outside the worker: an extension page (alive through every worker stop)
 * listens to `notifications.onClosed` and polls `notifications.getAll()` every 50 ms, keeping per id the spans of
 * time the notification was on screen. A notification that appears, disappears and appears again, or that is closed
 * twice, was shown twice, whatever the outbox says.
 */
import type { Page } from 'playwright-core';

/** The slice of the extension API the watcher uses in the page. */
declare const chrome: {
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    onClosed: { addListener(cb: (id: string, byUser: boolean) => void): void };
    create(id: string, options: object): Promise<string>;
    clear(id: string): Promise<boolean>;
  };
  runtime: { getURL(path: string): string };
};

/** What the page saw: per id, the spans it was on screen (`to` absent while it still is), and every close. */
export interface Sightings {
  spans: Record<string, { from: number; to?: number }[]>;
  closes: { id: string; byUser: boolean; at: number }[];
}

interface WatchWindow {
  refshareChaosWatch?: Sightings & { present: string[] };
}

/** Starts watching in `page` (once per page). */
export async function watchNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as WatchWindow;
    if (w.refshareChaosWatch) return;
    const watch = { spans: {} as Sightings['spans'], closes: [] as Sightings['closes'], present: [] as string[] };
    w.refshareChaosWatch = watch;
    chrome.notifications.onClosed.addListener((id, byUser) => watch.closes.push({ id, byUser, at: Date.now() }));
    let busy = false;
    const poll = async () => {
      if (busy) return;
      busy = true;
      try {
        const ids = Object.keys(await chrome.notifications.getAll());
        const now = Date.now();
        for (const id of ids) {
          if (watch.present.includes(id)) continue;
          watch.spans[id] ??= [];
          watch.spans[id].push({ from: now });
        }
        for (const id of watch.present) {
          if (ids.includes(id)) continue;
          const span = watch.spans[id]?.at(-1);
          if (span) span.to = now;
        }
        watch.present = ids;
      } finally {
        busy = false;
      }
    };
    setInterval(() => void poll(), 50);
    void poll();
  });
}

/** What the watcher has seen so far. */
export function sightings(page: Page): Promise<Sightings> {
  return page.evaluate(() => {
    const w = (window as unknown as WatchWindow).refshareChaosWatch;
    return { spans: w?.spans ?? {}, closes: w?.closes ?? [] };
  });
}

/** Ids shown more than once (two spans on screen, or two closes), each with its timeline for the failure message. */
export function shownTwice(seen: Sightings, ignore: (id: string) => boolean = () => false): Map<string, string> {
  const twice = new Map<string, string>();
  const ids = new Set([...Object.keys(seen.spans), ...seen.closes.map((c) => c.id)]);
  for (const id of ids) {
    if (ignore(id)) continue;
    const spans = seen.spans[id] ?? [];
    const closes = seen.closes.filter((c) => c.id === id);
    if (spans.length > 1 || closes.length > 1) {
      const t0 = spans[0]?.from ?? closes[0]?.at ?? 0;
      const on = spans.map((s) => `on ${s.from - t0}–${s.to === undefined ? 'now' : s.to - t0} ms`);
      const off = closes.map((c) => `closed at ${c.at - t0} ms (${c.byUser ? 'by user' : 'by browser'})`);
      twice.set(id, [...on, ...off].join(', '));
    }
  }
  return twice;
}

/**
 * Proves the watcher can fail: the page itself shows one notification, clears it and shows it again under the
 * same id, which the watcher must report as shown twice. The id starts with `chaos-self-check:`, which the
 * scenarios' checks ignore (the outbox never uses such a key).
 */
export async function showTwiceFromPage(page: Page): Promise<string> {
  const id = `chaos-self-check:${Date.now()}`;
  await page.evaluate(async (nid) => {
    const options = {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('/icon/128.png'),
      title: 'Chaos self-check',
      message: 'Shown twice on purpose',
    };
    const seen = () => new Promise((resolve) => setTimeout(resolve, 200));
    await chrome.notifications.create(nid, options);
    await seen();
    await chrome.notifications.clear(nid);
    await seen();
    await chrome.notifications.create(nid, options);
    await seen();
    await chrome.notifications.clear(nid);
    await seen();
  }, id);
  return id;
}

export const SELF_CHECK = (id: string) => id.startsWith('chaos-self-check:');
