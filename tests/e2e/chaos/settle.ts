/**
 * After the chaos: let the extension settle the way it would by itself (runs on messages and the alarm, no more
 * stops), and read the outbox, the notification area and the badge from an extension page.
 */
import type { Page } from 'playwright-core';
import type { OutboxEntry } from '@/lib/db/schema';
import type { Coupon } from '@/lib/referral/types';
import { readTable, sendCommand } from '../harness';
import { sleep } from './workerStopper';

/** The slice of the extension API read from a page. */
declare const chrome: {
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

/**
 * lib/db/outbox.ts's HANDOVER_GRACE_MS (5 s) and a margin: a notification handed over and lost is shown again only
 * by a run at least this long after it was handed.
 */
const RECONCILE_GRACE_MS = 6_000;

/** The ids of the extension's notifications the browser holds now, and when (the page's clock) it was asked. */
async function heldNow(page: Page): Promise<{ ids: Set<string>; at: number }> {
  const { ids, at } = await page.evaluate(async () => {
    const asked = Date.now();
    return { ids: Object.keys(await chrome.notifications.getAll()), at: asked };
  });
  return { ids: new Set(ids), at };
}

export function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

/**
 * The badge the wallet calls for (lib/referral/coupons.ts badgeCount, restated here so the check does not run the
 * code it checks): coupons not seen yet, not used, not expired at `now`; '' for none, '99+' above 99.
 */
export function expectedBadge(coupons: readonly Coupon[], now: number): string {
  const n = coupons.filter(
    (c) => c.seenAt === undefined && c.state !== 'used' && !(c.expiresAt !== undefined && c.expiresAt <= now),
  ).length;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
}

/** Sends "sync now" until the background answers ok (a worker stopped a moment ago starts again on it). */
async function syncUntilAnswered(page: Page, tries = 40): Promise<void> {
  let last = '';
  for (let i = 0; i < tries; i++) {
    try {
      const reply = await sendCommand(page, 'syncNow', {});
      if (reply?.ok) return;
      last = JSON.stringify(reply);
    } catch (e) {
      last = String(e);
    }
    await sleep(250);
  }
  throw new Error(`syncNow never answered ok: ${last}`);
}

/** Whether a row is settled: handed and held (and known held), or finished (for good; reconcile judges why). */
function settled(row: OutboxEntry, held: ReadonlySet<string>): boolean {
  if (row.shown === 1) return held.has(row.key) && row.heldAt !== undefined;
  return row.shown === 2;
}

/**
 * Settles: "sync now" until it answers, wait out the reconcile grace, then "sync now" (about once a second) until every
 * outbox row is settled or `timeoutMs` passes. Returns the last consistent view of the outbox and the notification area.
 */
export async function settle(
  page: Page,
  timeoutMs = 20_000,
): Promise<{ outbox: OutboxEntry[]; held: Set<string>; heldAt: number; syncs: number }> {
  await syncUntilAnswered(page);
  let syncs = 1;
  await sleep(RECONCILE_GRACE_MS);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await syncUntilAnswered(page);
    syncs++;
    const outbox = await readTable<OutboxEntry>(page, 'outbox');
    // Asked after the outbox was read: a row handed and held then is still held now unless it was closed since.
    const held = await heldNow(page);
    if (outbox.every((row) => settled(row, held.ids)) || Date.now() > deadline) {
      return { outbox, held: held.ids, heldAt: held.at, syncs };
    }
    await sleep(1_000);
  }
}
