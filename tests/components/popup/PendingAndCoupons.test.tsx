// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SEEN_AFTER_MS } from '@/components/popup/NewCoupons';
import { Popup } from '@/components/popup/Popup';
import { sendCommand } from '@/lib/messaging/client';
import { HOUR, MINUTE } from '@/lib/referral/time';
import { aliLink } from '../share/fixtures';
import { clearDb, coupon, db, invite } from './seed';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);

async function renderPopup() {
  const view = render(<Popup />);
  await screen.findByRole('combobox', { name: 'Program' });
  return view;
}

const section = (name: string) => screen.findByRole('region', { name });

beforeEach(async () => {
  fakeBrowser.reset();
  await clearDb();
  await db.links.add(aliLink());
  send.mockReset();
  send.mockResolvedValue({ ok: true, value: { count: 0 } as never });
  vi.spyOn(browser.tabs, 'query').mockImplementation(() => Promise.resolve([]) as never);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Popup: pending invites', () => {
  it('lists open invites newest first, with who and why they are pending', async () => {
    const now = Date.now();
    await db.invites.bulkAdd([
      invite({ id: 'old', sharedAt: now - 3 * HOUR, nickname: 'Ana' }),
      invite({ id: 'new', sharedAt: now - HOUR, channel: 'telegram' }),
      invite({ id: 'done', sharedAt: now - 2 * HOUR, nickname: 'Zé', status: 'coupon_received', at: now - MINUTE }),
    ]);
    await renderPopup();
    const items = within(await section('Waiting for rewards')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Shared via Telegram · AliExpressWaiting for your friend to register through your link',
      'Ana · AliExpressWaiting for Ana to register through your link',
    ]);
  });

  it('shows at most five, and how many more the dashboard has', async () => {
    const now = Date.now();
    await db.invites.bulkAdd(Array.from({ length: 7 }, (_, i) => invite({ id: `i${i}`, sharedAt: now - i * MINUTE })));
    await renderPopup();
    const region = await section('Waiting for rewards');
    expect(within(region).getAllByRole('listitem')).toHaveLength(5);
    expect(within(region).getByText('2 more in the dashboard')).toBeTruthy();
  });

  it('updates live when an invite changes elsewhere (e.g. in the dashboard)', async () => {
    const now = Date.now();
    await db.invites.add(invite({ id: 'a', sharedAt: now - 2 * HOUR, nickname: 'Ana' }));
    await renderPopup();
    expect(await screen.findByText('Waiting for Ana to register through your link')).toBeTruthy();
    await act(async () => {
      await db.invites.put(
        invite({ id: 'a', sharedAt: now - 2 * HOUR, nickname: 'Ana', status: 'first_purchase', at: now - HOUR }),
      );
    });
    expect(await screen.findByText(/^Coupon due by .* after Ana's first payment$/)).toBeTruthy();
    await act(async () => {
      await db.invites.put(
        invite({ id: 'a', sharedAt: now - 2 * HOUR, nickname: 'Ana', status: 'coupon_received', at: now }),
      );
    });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Waiting for rewards' })).toBeNull());
  });

  it('renders a hostile nickname as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await db.invites.add(invite({ id: 'x', sharedAt: Date.now(), nickname: evil }));
    const { container } = await renderPopup();
    expect(await screen.findByText(evil)).toBeTruthy();
    expect(screen.getByText(`Waiting for ${evil} to register through your link`)).toBeTruthy();
    expect(container.querySelector('img[src="x"]')).toBeNull();
  });

  it('shows nothing when no invite is open', async () => {
    await renderPopup();
    await screen.findByRole('img', { name: /QR code/ });
    expect(screen.queryByRole('region', { name: 'Waiting for rewards' })).toBeNull();
  });
});

describe('Popup: new coupons', () => {
  it('lists unseen available coupons with value and expiry, then marks them seen once, after a moment', async () => {
    const now = Date.now();
    await db.coupons.bulkAdd([
      coupon({ id: 'c1', title: 'Referral reward', value: 3.5, minSpend: 20, expiresAt: now + 3 * 24 * HOUR }),
      coupon({ id: 'c2', title: 'Already seen', seenAt: now - HOUR }),
      coupon({ id: 'c3', title: 'Used', state: 'used' }),
      coupon({ id: 'c4', title: 'Expired', expiresAt: now - HOUR }),
    ]);
    await renderPopup();
    const region = await section('New coupons');
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toMatch(/^\$3\.50 Referral reward/);
    expect(items[0]?.textContent).toContain('Min. spend $20.00');
    expect(items[0]?.textContent).toMatch(/Expires (on \w+ \d+|tomorrow)/);
    expect(send).not.toHaveBeenCalledWith('markCouponsSeen', expect.anything());
    await waitFor(() => expect(send).toHaveBeenCalledWith('markCouponsSeen', { ids: ['c1'] }), {
      timeout: SEEN_AFTER_MS + 1000,
    });
    // The background marks them; they stay on screen while the popup is open, and are not sent again.
    await act(async () => {
      await db.coupons.update('c1', { seenAt: Date.now() });
    });
    await new Promise((r) => setTimeout(r, SEEN_AFTER_MS + 200));
    expect(send.mock.calls.filter(([c]) => c === 'markCouponsSeen')).toHaveLength(1);
    expect(within(region).getByText('Referral reward')).toBeTruthy();
  });

  it('shows nothing when there is no new coupon', async () => {
    await db.coupons.add(coupon({ id: 'c2', title: 'Already seen', seenAt: Date.now() - HOUR }));
    await renderPopup();
    await screen.findByRole('img', { name: /QR code/ });
    expect(screen.queryByRole('region', { name: 'New coupons' })).toBeNull();
  });
});
