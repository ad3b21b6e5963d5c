// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CouponsTab } from '@/components/dashboard/CouponsTab';
import { sendCommand } from '@/lib/messaging/client';
import { DAY, HOUR } from '@/lib/referral/time';
import { clearDb, db, makeCoupon, makeInvite } from './seed';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  send.mockResolvedValue({ ok: true, value: {} as never });
  await clearDb();
});
afterEach(cleanup);

const titles = async () => {
  const list = await screen.findByRole('list', { name: 'Coupons' });
  return within(list)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
};
const card = (title: string) => screen.getByRole('listitem', { name: title });
const commands = (name: string) => send.mock.calls.filter(([c]) => c === name);

describe('CouponsTab', () => {
  it('explains how coupons arrive when the wallet is empty', async () => {
    render(<CouponsTab />);
    expect(await screen.findByText('Your coupon wallet is empty')).toBeTruthy();
    expect(screen.getByText(/mark an invite as “Coupon received”/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add coupon' })).toBeTruthy();
  });

  it('lists coupons expiring soon first, then undated, used and expired ones', async () => {
    const now = Date.now();
    await db.coupons.bulkAdd([
      makeCoupon('later', { title: 'Later', expiresAt: now + 10 * DAY + HOUR }),
      makeCoupon('used', { title: 'Used one', state: 'used', usedAt: now - DAY, expiresAt: now + DAY }),
      makeCoupon('undated', { title: 'No date' }),
      // Stored as available, but its expiry has passed: the wallet must call it expired.
      makeCoupon('lapsed', { title: 'Lapsed', expiresAt: now - 3 * DAY - HOUR }),
      makeCoupon('soon', { title: 'Soon', expiresAt: now + 2 * DAY + HOUR }),
    ]);
    render(<CouponsTab />);
    await waitFor(async () => expect(await titles()).toEqual(['Soon', 'Later', 'No date', 'Used one', 'Lapsed']));
    expect(within(card('Soon')).getByText('Expires in 2 days')).toBeTruthy();
    expect(within(card('Soon')).getByText('Expiring soon')).toBeTruthy();
    expect(within(card('Later')).getByText('Expires in 10 days')).toBeTruthy();
    expect(within(card('Later')).queryByText('Expiring soon')).toBeNull();
    expect(within(card('Lapsed')).getByText('Expired 3 days ago')).toBeTruthy();
    expect(within(card('Lapsed')).getByText('Expired')).toBeTruthy();
    expect(within(card('Lapsed')).queryByRole('button', { name: 'Mark used' })).toBeNull();
    expect(within(card('No date')).getByText('No expiry date')).toBeTruthy();
    expect(within(card('Used one')).getByText('Used')).toBeTruthy();
  });

  it('shows value, minimum spend, program, code and the invite it came from', async () => {
    await db.invites.add(makeInvite('inv-1', { nickname: 'مريم' }));
    await db.coupons.add(
      makeCoupon('c1', { title: 'Welcome', value: 3.5, minSpend: 20, code: 'SAVE3', inviteId: 'inv-1' }),
    );
    render(<CouponsTab />);
    await screen.findByRole('heading', { name: 'Welcome' });
    const c = card('Welcome');
    expect(within(c).getByText('$3.50')).toBeTruthy();
    expect(within(c).getByText('Minimum spend $20.00')).toBeTruthy();
    expect(within(c).getByText('AliExpress')).toBeTruthy();
    expect(within(c).getByText('From your invite to مريم').className).toContain('user-text');
    expect(within(c).getByText('SAVE3').tagName).toBe('CODE');
  });

  it('sends markCouponUsed for "Mark used" and "Mark available"', async () => {
    await db.coupons.bulkAdd([
      makeCoupon('a', { title: 'Fresh' }),
      makeCoupon('u', { title: 'Spent', state: 'used', usedAt: Date.now() - HOUR }),
    ]);
    render(<CouponsTab />);
    await screen.findByRole('heading', { name: 'Fresh' });
    await userEvent.click(within(card('Fresh')).getByRole('button', { name: 'Mark used' }));
    await userEvent.click(within(card('Spent')).getByRole('button', { name: 'Mark available' }));
    expect(commands('markCouponUsed')).toEqual([
      ['markCouponUsed', { id: 'a', used: true }],
      ['markCouponUsed', { id: 'u', used: false }],
    ]);
  });

  it('shows the background’s refusal in an alert', async () => {
    await db.coupons.add(makeCoupon('a', { title: 'Fresh' }));
    send.mockImplementation(async (command) =>
      command === 'markCouponUsed'
        ? { ok: false, error: { code: 'not_found', message: 'That coupon no longer exists.' } }
        : { ok: true, value: {} as never },
    );
    render(<CouponsTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark used' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That coupon no longer exists.');
  });

  it('filters by state', async () => {
    await db.coupons.bulkAdd([
      makeCoupon('a', { title: 'Fresh' }),
      makeCoupon('u', { title: 'Spent', state: 'used', usedAt: Date.now() - HOUR }),
      makeCoupon('x', { title: 'Old', expiresAt: Date.now() - DAY }),
    ]);
    render(<CouponsTab />);
    await screen.findByRole('heading', { name: 'Fresh' });
    await userEvent.click(screen.getByRole('radio', { name: /^Used/ }));
    expect(await titles()).toEqual(['Spent']);
    await userEvent.click(screen.getByRole('radio', { name: /^Expired/ }));
    expect(await titles()).toEqual(['Old']);
    await userEvent.click(screen.getByRole('radio', { name: /^Available/ }));
    expect(await titles()).toEqual(['Fresh']);
    await userEvent.click(screen.getByRole('radio', { name: /^All/ }));
    expect(await titles()).toEqual(['Fresh', 'Spent', 'Old']);
    expect(screen.getByRole('radio', { name: 'Expired 1' })).toBeTruthy();
  });

  it('renders a hostile title as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await db.coupons.add(makeCoupon('h', { title: hostile, code: 'X1' }));
    const { container } = render(<CouponsTab />);
    const heading = await screen.findByRole('heading', { name: hostile });
    expect(heading.className).toContain('user-text');
    expect(container.querySelector('img')).toBeNull();
  });

  it('updates live when the background adds a coupon', async () => {
    render(<CouponsTab />);
    await screen.findByText('Your coupon wallet is empty');
    await db.coupons.add(makeCoupon('new', { title: 'Just arrived' }));
    expect(await screen.findByRole('heading', { name: 'Just arrived' })).toBeTruthy();
  });

  it('marks unseen coupons as seen once', async () => {
    await db.coupons.bulkAdd([
      makeCoupon('seen', { title: 'Seen' }),
      makeCoupon('new', { title: 'New', seenAt: undefined }),
    ]);
    render(<CouponsTab />);
    await waitFor(() => expect(commands('markCouponsSeen')).toEqual([['markCouponsSeen', { ids: ['new'] }]]));
    // The background then writes seenAt; the live query re-runs and must not ask again.
    await db.coupons.update('new', { seenAt: Date.now() });
    await db.coupons.add(makeCoupon('newer', { title: 'Newer', seenAt: undefined }));
    await screen.findByRole('heading', { name: 'Newer' });
    await waitFor(() => expect(commands('markCouponsSeen')).toHaveLength(2));
    expect(commands('markCouponsSeen')[1]).toEqual(['markCouponsSeen', { ids: ['newer'] }]);
  });

  it('copies the code and says so', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await db.coupons.add(makeCoupon('c', { title: 'Coded', code: 'ABC-123' }));
    render(<CouponsTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith('ABC-123');
    expect(await screen.findByText('Code copied')).toBeTruthy();
  });
});
