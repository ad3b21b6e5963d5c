import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordNotificationClosed } from '@/lib/db/outbox';
import type { OutboxEntry, RefShareDB } from '@/lib/db/schema';
import { onNotificationButton, onNotificationClicked } from '@/lib/platform/notificationActions';
import { DAY } from '@/lib/referral/time';
import { freshDb, testCtx } from '../db/testDb';

const entry = (extra: Partial<OutboxEntry>): OutboxEntry => ({
  key: 'coupon_expiring:c-1',
  notification: 'coupon_expiring',
  title: 'Coupon expiring',
  message: 'US $3 off expires tomorrow.',
  couponId: 'c-1',
  createdAt: 0,
  shown: 1,
  ...extra,
});

async function withCoupon(db: RefShareDB, programId = 'aliexpress') {
  await db.coupons.add({
    id: 'c-1',
    programId,
    title: 'US $3 off',
    value: 3,
    currency: 'USD',
    state: 'available',
    addedAt: 0,
    dedupeKey: 'k',
  });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('notification clicks', () => {
  it('a new coupon opens the program’s own coupon page, and the notification closes', async () => {
    const db = freshDb();
    await withCoupon(db);
    await db.outbox.add(entry({ key: 'coupon_arrived:coupon:c-1', notification: 'coupon_arrived' }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    const url = await onNotificationClicked(db, 'coupon_arrived:coupon:c-1', 5);
    expect(url).toMatch(/^https:\/\/[a-z.]*aliexpress\.com\//);
    expect(create).toHaveBeenCalledWith({ url });
    expect(clear).toHaveBeenCalledWith('coupon_arrived:coupon:c-1');
    // Opened: finished before the clear, so the clear's onClosed finds nothing to decide and it never comes back.
    expect(await db.outbox.get('coupon_arrived:coupon:c-1')).toMatchObject({
      shown: 2,
      closedBy: 'opened',
      closedAt: 5,
    });
  });

  it('an expiring coupon opens the wallet in the dashboard', async () => {
    const db = freshDb();
    await withCoupon(db);
    await db.outbox.add(entry({}));
    expect(await onNotificationClicked(db, 'coupon_expiring:c-1', 5)).toBe(
      'chrome-extension://test-extension-id/options.html#coupons?coupon=c-1',
    );
  });

  it('a notification RefShare no longer knows (data deleted) only closes', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await onNotificationClicked(freshDb(), 'gone', 5)).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
  });
});

describe('notification buttons', () => {
  it('"Mark used" marks the coupon used', async () => {
    const db = freshDb();
    await withCoupon(db);
    await db.outbox.add(entry({}));
    await onNotificationButton(db, 'coupon_expiring:c-1', 0, testCtx());
    expect((await db.coupons.get('c-1'))?.state).toBe('used');
    expect(await db.outbox.get('coupon_expiring:c-1')).toMatchObject({ shown: 2, closedBy: 'opened' });
  });

  it('"Snooze 1 day" puts the notification back in the outbox for a day later', async () => {
    const db = freshDb();
    await withCoupon(db);
    await db.outbox.add(entry({}));
    const ctx = testCtx();
    await onNotificationButton(db, 'coupon_expiring:c-1', 1, ctx);
    expect(await db.outbox.get('coupon_expiring:c-1')).toMatchObject({ shown: 0, notBefore: ctx.now + DAY });
    expect((await db.coupons.get('c-1'))?.state).toBe('available');
  });

  it('snoozes before it clears: the onClosed the clear causes finds the entry waiting and leaves it', async () => {
    const db = freshDb();
    await withCoupon(db);
    await db.outbox.add(entry({}));
    const atClear: (number | undefined)[] = [];
    vi.spyOn(fakeBrowser.notifications, 'clear').mockImplementation(async (id) => {
      atClear.push((await db.outbox.get(id))?.shown);
      return true;
    });
    const ctx = testCtx();
    await onNotificationButton(db, 'coupon_expiring:c-1', 1, ctx);
    expect(atClear).toEqual([0]);
    expect(await recordNotificationClosed(db, 'coupon_expiring:c-1', false, ctx.now)).toBe(false);
    expect(await db.outbox.get('coupon_expiring:c-1')).toMatchObject({ shown: 0, notBefore: ctx.now + DAY });
  });
});
