import { browser } from 'wxt/browser';
import { markCouponUsed } from '@/lib/db/coupons';
import { snoozeNotification } from '@/lib/db/loop';
import { finishNotification } from '@/lib/db/outbox';
import type { Ctx } from '@/lib/db/result';
import type { RefShareDB } from '@/lib/db/schema';
import { findProgram } from '@/lib/referral/programs/index';
import { DAY } from '@/lib/referral/time';
import { buttonAction, notificationTarget } from './notifications';

/**
 * A click on a RefShare notification: opens where it is about (a new coupon on the program's own coupon page,
 * else the wallet; the rest in the dashboard) in a new tab, and closes the notification. Returns the URL opened.
 */
export async function onNotificationClicked(db: RefShareDB, id: string, now: number): Promise<string | undefined> {
  const entry = await db.outbox.get(id);
  // Finished before it is cleared: the onClosed the clear may cause must find nothing left to decide.
  if (entry) await finishNotification(db, id, 'opened', now);
  await browser.notifications.clear(id);
  if (!entry) return undefined;
  const invite = entry.inviteId ? await db.invites.get(entry.inviteId) : undefined;
  const coupon = entry.couponId ? await db.coupons.get(entry.couponId) : undefined;
  const programId = invite?.programId ?? coupon?.programId;
  const program = programId ? findProgram(programId, await db.programs.toArray()) : undefined;
  const { url } = notificationTarget(entry, program);
  const full = url.startsWith('/') ? browser.runtime.getURL(url as '/options.html') : url;
  await browser.tabs.create({ url: full });
  return full;
}

/** A notification button (Chrome): "Mark used" marks its coupon used; "Snooze 1 day" shows it again a day later. */
export async function onNotificationButton(db: RefShareDB, id: string, index: number, ctx: Ctx): Promise<void> {
  const entry = await db.outbox.get(id);
  const action = entry ? buttonAction(entry, index) : null;
  // The outbox first, then the clear: the onClosed the clear may cause then finds a snoozed entry waiting (left
  // alone) or a finished one, never a handed one it would finish.
  if (action === 'snooze') await snoozeNotification(db, id, ctx.now + DAY);
  else if (entry) await finishNotification(db, id, 'opened', ctx.now);
  await browser.notifications.clear(id);
  if (action === 'mark_used' && entry?.couponId) await markCouponUsed(db, { id: entry.couponId, used: true }, ctx);
}
