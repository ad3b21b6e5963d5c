// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CouponsTab } from '@/components/dashboard/CouponsTab';
import { sendCommand } from '@/lib/messaging/client';
import { DAY } from '@/lib/referral/time';
import { clearDb, db, makeCoupon } from './seed';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));

let blobs: Blob[];
let downloads: { name: string; href: string }[];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.mocked(sendCommand).mockResolvedValue({ ok: true, value: {} as never });
  blobs = [];
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:refshare/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href });
  });
  await clearDb();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Export expiry dates (.ics)', () => {
  it('downloads a calendar with one event per available coupon that has an expiry', async () => {
    const now = Date.now();
    await db.coupons.bulkAdd([
      makeCoupon('a', { title: 'First, with; specials\\', expiresAt: now + 2 * DAY }),
      makeCoupon('b', { title: 'Second', expiresAt: now + 5 * DAY, code: 'B2' }),
      makeCoupon('undated', { title: 'Undated' }),
      makeCoupon('used', { title: 'Used', state: 'used', expiresAt: now + DAY }),
      makeCoupon('gone', { title: 'Gone', expiresAt: now - DAY }),
    ]);
    render(<CouponsTab />);
    await screen.findByRole('heading', { name: 'Second' });
    await userEvent.click(screen.getByRole('button', { name: 'Export expiry dates (.ics)' }));

    expect(downloads).toEqual([{ name: 'refshare-coupons.ics', href: 'blob:refshare/1' }]);
    expect(blobs[0]?.type).toBe('text/calendar;charset=utf-8');
    const ics = (await blobs[0]?.text()) ?? '';
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(2);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('UID:a@refshare\r\n');
    expect(unfolded).toContain('UID:b@refshare\r\n');
    expect(unfolded).toContain('SUMMARY:Coupon expires: First\\, with\\; specials\\\\\r\n');
    expect(unfolded).toContain('DESCRIPTION:Value: $3.00\\nCode: B2\\nProgram: AliExpress\r\n');
    expect(unfolded).not.toMatch(/Undated|Used|Gone/);
    expect(await screen.findByText(/Calendar file saved/)).toBeTruthy();
  });

  it('is disabled, saying why, when no available coupon has an expiry', async () => {
    await db.coupons.add(makeCoupon('undated', { title: 'Undated' }));
    render(<CouponsTab />);
    await screen.findByRole('heading', { name: 'Undated' });
    const button = screen.getByRole('button', { name: 'Export expiry dates (.ics)' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('No available coupon has an expiry date to export yet.')).toBeTruthy();
  });
});
