import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OutboxEntry } from '@/lib/db/schema';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { buttonAction, createNotifier, notificationTarget } from '@/lib/platform/notifications';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import type { NotificationKind } from '@/lib/referral/types';

const en = mergeLocales(localesDir(process.cwd())).en ?? {};

beforeEach(() => {
  fakeBrowser.reset();
  // The English messages, as the browser's i18n would answer them.
  fakeBrowser.i18n.getMessage = ((key: string) => en[key]?.message ?? '') as typeof fakeBrowser.i18n.getMessage;
});

const entry = (notification: NotificationKind, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  key: `${notification}:inv-1`,
  notification,
  title: 'Coupon arrived',
  message: 'Your coupon has arrived: US$3.00 — US $3 off.',
  inviteId: 'inv-1',
  createdAt: 0,
  shown: 0,
  ...extra,
});

describe('createNotifier', () => {
  it('shows the entry under its outbox key; showing it again replaces it', async () => {
    const notifier = createNotifier({ buttons: false });
    await notifier.show(entry('coupon_arrived'));
    await notifier.show(entry('coupon_arrived', { message: 'Updated' }));
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      'coupon_arrived:inv-1': {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
        title: 'Coupon arrived',
        message: 'Updated',
      },
    });
  });

  it.each<[NotificationKind, Partial<OutboxEntry>, string[]]>([
    ['coupon_arrived', { couponId: 'c-1' }, ['Mark used', 'Snooze 1 day']],
    // A notice that names no coupon has nothing to mark used.
    ['coupon_arrived', {}, ['Snooze 1 day']],
    ['coupon_expiring', { couponId: 'c-1', inviteId: undefined }, ['Mark used', 'Snooze 1 day']],
    ['reward_overdue', {}, ['Snooze 1 day']],
    ['follow_up', {}, ['Snooze 1 day']],
  ])('%s %o has the buttons %o (Chrome), in the order buttonAction reads them', async (kind, extra, titles) => {
    const e = entry(kind, extra);
    await createNotifier({ buttons: true }).show(e);
    const options = fakeBrowser.notifications.getAllCreateOptions()[e.key] as { buttons?: { title: string }[] };
    expect(options.buttons?.map((b) => b.title)).toEqual(titles);
    const actions = titles.map((_, i) => buttonAction(e, i));
    expect(actions).toEqual(titles.map((t) => (t === 'Mark used' ? 'mark_used' : 'snooze')));
    expect(buttonAction(e, titles.length)).toBeNull();
  });

  it('has no buttons where the browser has none (Firefox)', async () => {
    await createNotifier({ buttons: false }).show(entry('coupon_expiring', { couponId: 'c-1' }));
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())[0]).not.toHaveProperty('buttons');
  });

  it('a button title is a message in every language', () => {
    const locales = mergeLocales(localesDir(process.cwd()));
    for (const lang of ['en', 'es', 'pt']) {
      expect(locales[lang]?.notificationMarkUsed?.message).toMatch(/\S/);
      expect(locales[lang]?.notificationSnooze?.message).toMatch(/\S/);
    }
  });
});

describe('notificationTarget', () => {
  it.each<[string, OutboxEntry, Parameters<typeof notificationTarget>[1], string]>([
    ['a new coupon: the program’s coupon page', entry('coupon_arrived'), aliexpress, aliexpress.pages.coupons ?? ''],
    ['a new coupon of a program without one: the wallet', entry('coupon_arrived'), temu, '/options.html#coupons'],
    ['a new coupon, program unknown: the wallet', entry('coupon_arrived'), undefined, '/options.html#coupons'],
    [
      'a coupon expiring: that coupon in the wallet',
      entry('coupon_expiring', { couponId: 'c 1', inviteId: undefined }),
      aliexpress,
      '/options.html#coupons?coupon=c%201',
    ],
    ['a late reward: the invite', entry('reward_overdue'), aliexpress, '/options.html#invites?invite=inv-1'],
    ['a follow-up: the share card on that friend', entry('follow_up'), aliexpress, '/popup.html?remind=inv-1'],
    ['no invite named: the invites', entry('follow_up', { inviteId: undefined }), undefined, '/options.html#invites'],
  ])('%s', (_label, e, program, url) => {
    expect(notificationTarget(e, program)).toEqual({ url });
  });
});
