// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeedsSection } from '@/components/dashboard/settings/FeedsSection';
// useDb() is a plain singleton getter (the database the UI reads), not a React hook: safe outside components.
import { useDb as appDb } from '@/components/hooks/useDb';
import { sendCommand } from '@/lib/messaging/client';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
const db = appDb();
const FEED = 'https://tracker.example.com/refshare.json';

function permission(granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((() => Promise.resolve(granted)) as never);
}

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(cleanup);

describe('Settings: status feeds', () => {
  it('"Add feed" asks for that site only, then adds the feed and reads it at once', async () => {
    const user = userEvent.setup();
    const request = permission(true);
    send.mockResolvedValue({ ok: true, value: {} } as never);
    render(<FeedsSection />);
    expect(await screen.findByText(/No feed yet/)).toBeTruthy();
    await user.type(screen.getByLabelText('Feed URL'), FEED);
    await user.click(screen.getByRole('button', { name: 'Add feed' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('addFeed', { url: FEED }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://tracker.example.com/*'] });
    expect(send).toHaveBeenCalledWith('syncNow', {});
    expect((await screen.findByRole('status')).textContent).toMatch(/Feed added/);
  });

  it.each([
    ['javascript:alert(1)', /https/i],
    ['http://tracker.example.com/feed.json', /https/i],
    ['https://user:secret@tracker.example.com/feed.json', /password|credential|user name/i],
    ['not a url', /.+/],
  ])('refuses %s with a reason, asks for nothing and sends nothing', async (input, reason) => {
    const user = userEvent.setup();
    const request = permission(true);
    render(<FeedsSection />);
    await user.type(screen.getByLabelText('Feed URL'), input);
    await user.click(screen.getByRole('button', { name: 'Add feed' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(reason);
    expect(request).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('when the user declines access, says so and adds nothing', async () => {
    const user = userEvent.setup();
    permission(false);
    render(<FeedsSection />);
    await user.type(screen.getByLabelText('Feed URL'), FEED);
    await user.click(screen.getByRole('button', { name: 'Add feed' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /needs access to https:\/\/tracker\.example\.com\/\*/,
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('shows each feed’s health — last read, last error as text, refused updates — and removes it', async () => {
    const user = userEvent.setup();
    await db.feeds.add({
      id: 'f1',
      url: FEED,
      addedAt: 0,
      failures: 1,
      nextAttemptAt: Date.UTC(2026, 10, 24, 13, 0),
      lastSuccessAt: Date.UTC(2026, 10, 24, 11, 0),
      lastErrorAt: Date.UTC(2026, 10, 24, 12, 0),
      lastError: '<img src=x onerror=alert(1)> The feed answered HTTP 503 Service Unavailable.',
      lastEventCount: 3,
      rejected: [{ id: 'ev-9', reason: 'No invite matches this update.' }],
    });
    send.mockResolvedValue({ ok: true, value: { id: 'f1' } } as never);
    render(<FeedsSection />);
    const list = await screen.findByRole('list', { name: 'Status feeds' });
    const item = within(list).getAllByRole('listitem')[0] as HTMLElement;
    expect(item.textContent).toContain('Last read');
    expect(item.textContent).toContain('HTTP 503');
    // Shown as text, never as markup.
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toContain('Updates: 3 · refused: 1');
    expect(item.textContent).toContain('ev-9: No invite matches this update.');
    await user.click(within(item).getByRole('button', { name: `Remove feed ${FEED}` }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('removeFeed', { id: 'f1' }));
  });
});
