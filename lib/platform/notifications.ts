import { browser } from 'wxt/browser';
import type { Notifier } from '@/lib/db/loop';
import type { OutboxEntry } from '@/lib/db/schema';
import { encodeText } from '@/lib/referral/text';
import type { Program } from '@/lib/referral/types';

/** What a notification button does; the background carries it out when the button is clicked. */
type ButtonAction = 'mark_used' | 'snooze';

/** Button titles by action: i18n keys (lib/i18n/locales/<lang>/common.json). */
const BUTTON_TITLES: Record<ButtonAction, string> = {
  mark_used: 'notificationMarkUsed',
  snooze: 'notificationSnooze',
};

/** Looked up at call time (tests replace the browser's i18n). */
const getMessage = (key: string) => (browser.i18n.getMessage as (k: string) => string)(key);

/**
 * The buttons of an entry, in order: the one list both the notification and the click handler read, so a
 * button index always means the same action. "Mark used" only when the entry names its coupon (lib/db/events.ts
 * names the coupon an invite brought in that invite's "coupon arrived" notice).
 */
function buttonsOf(entry: OutboxEntry): ButtonAction[] {
  switch (entry.notification) {
    case 'coupon_arrived':
    case 'coupon_expiring':
      return entry.couponId ? ['mark_used', 'snooze'] : ['snooze'];
    case 'reward_overdue':
    case 'follow_up':
      return ['snooze'];
    default:
      return [];
  }
}

/** The action of the button at `index` of this entry's notification, or null when there is no such button. */
export function buttonAction(entry: OutboxEntry, index: number): ButtonAction | null {
  return buttonsOf(entry)[index] ?? null;
}

/**
 * Where a click on the notification leads: a new coupon to the program's own coupon page when it has one (where
 * it is used), else to the wallet; a follow-up to the popup's share card on that friend; the others to the invite or
 * coupon in the dashboard. Extension paths are
 * relative (tabs.create resolves them against the extension).
 */
export function notificationTarget(entry: OutboxEntry, program?: Program): { url: string } {
  const coupons = program?.pages.coupons;
  if (entry.notification === 'coupon_arrived') return { url: coupons ?? '/options.html#coupons' };
  if (entry.notification === 'coupon_expiring') {
    return { url: `/options.html#coupons${entry.couponId ? `?coupon=${encodeText(entry.couponId)}` : ''}` };
  }
  // A follow-up the user asked for opens the share card on that friend, "Send a reminder" chosen (the same flow).
  if (entry.notification === 'follow_up' && entry.inviteId)
    return { url: `/popup.html?remind=${encodeText(entry.inviteId)}` };
  return { url: `/options.html#invites${entry.inviteId ? `?invite=${encodeText(entry.inviteId)}` : ''}` };
}

/**
 * Shows outbox entries with browser.notifications, the outbox key as the notification id (showing an entry again
 * replaces it). Buttons only where the browser has them: Chrome does, Firefox does not (the caller passes false).
 */
export function createNotifier(opts: { buttons: boolean }): Notifier {
  return {
    async show(entry) {
      const buttons = opts.buttons
        ? buttonsOf(entry).map((action) => ({ title: getMessage(BUTTON_TITLES[action]) }))
        : [];
      await browser.notifications.create(entry.key, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: entry.title,
        message: entry.message,
        ...(buttons.length > 0 ? { buttons } : {}),
      });
    },
    async held() {
      return new Set(Object.keys(await browser.notifications.getAll()));
    },
  };
}
