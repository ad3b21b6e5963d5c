// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ArrivedPrograms } from '@/components/dashboard/ArrivedPrograms';
import { BrowserSyncSection } from '@/components/dashboard/settings/BrowserSyncSection';
import { useDb as appDb } from '@/components/hooks/useDb';
import { SYNC_MEMORY, SYNC_PROMPTS_PUT_OFF, SYNC_SWITCH } from '@/lib/browserSync/keys';
import type { SyncStatus } from '@/lib/browserSync/run';

const db = appDb();
const AT = Date.UTC(2026, 11, 4, 9, 30);

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const remember = (status: SyncStatus, arrived: string[] = []) =>
  fakeBrowser.storage.local.set({ [SYNC_SWITCH]: true, [SYNC_MEMORY]: { device: 'd', shadow: {}, status, arrived } });

describe('Settings → Your other browsers', () => {
  it('is off by default, says where the data goes, and turning it on or off is saved at once', async () => {
    render(<BrowserSyncSection />);
    const box = screen.getByRole<HTMLInputElement>('checkbox', {
      name: 'Sync links and settings across your browsers',
    });
    expect(box.checked).toBe(false);
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/browser’s own sync .*never a RefShare server/);
    await userEvent.click(box);
    expect(box.checked).toBe(true);
    expect((await fakeBrowser.storage.local.get(SYNC_SWITCH))[SYNC_SWITCH]).toBe(true);
    await userEvent.click(box);
    expect(box.checked).toBe(false);
    expect((await fakeBrowser.storage.local.get(SYNC_SWITCH))[SYNC_SWITCH]).toBe(false);
  });

  it('after a meeting: how much of the browser’s room is used', async () => {
    await remember({ at: AT, items: [], bytes: 20_480 });
    render(<BrowserSyncSection />);
    expect((await screen.findByRole('status')).textContent).toMatch(/^Synced at .+ \(20 kB of the browser’s 100 kB/);
  });

  it('names what is waiting and why, never with text from a refused item', async () => {
    await remember({
      at: AT,
      bytes: 102_000,
      items: [
        { key: 'l:1', name: 'Family group', reason: 'quota_bytes' },
        { key: 't:aliexpress', name: 'AliExpress', reason: 'item_too_large' },
        { key: 'l:2', name: 'Corner shop link', reason: 'waiting_program' },
        { key: 'l:evil', name: '', reason: 'refused' },
      ],
    });
    render(<BrowserSyncSection />);
    const list = await screen.findByRole('list', { name: /^Synced at .+ Not synced, kept on this device:$/ });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Link “Family group”: the browser’s sync is full (100 kB for each extension). Delete or shorten something to make room.',
      'Share texts for AliExpress: too large for one item of the browser’s sync (8 kB). Shorten it to sync it.',
      'Link “Corner shop link”: waits for its program to arrive from your other browser.',
      'An item from another browser was not valid RefShare data and was left alone.',
    ]);
  });

  it('a refused write says so, and that nothing is lost', async () => {
    await remember({ at: AT, bytes: 0, items: [], error: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' });
    render(<BrowserSyncSection />);
    expect((await screen.findByRole('status')).textContent).toBe(
      'The browser did not take the last changes (MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded). They are kept here and sent again in a minute.',
    );
  });

  it('writes held back for the browser’s rate say so', async () => {
    await remember({ at: AT, bytes: 0, items: [], held: true });
    render(<BrowserSyncSection />);
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Many changes in a short time: .*120 writes a minute/,
    );
  });
});

describe('Dashboard: a custom program from another browser', () => {
  const program = {
    id: 'custom:corner-shop',
    name: 'Corner Shop',
    shoppingHosts: ['shop.example.com'],
    linkPattern: 'https://shop.example.com/i/{code}',
    rewardDelayHours: 24,
    createdAt: AT,
  };

  it('asks for its site access with a visible prompt; "Not now" puts it off', async () => {
    await db.programs.put(program);
    await remember({ at: AT, bytes: 0, items: [] }, [program.id]);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    render(<ArrivedPrograms />);
    const prompt = await screen.findByRole('region', { name: 'From your other browser: Corner Shop' });
    expect(prompt.textContent).toContain('(shop.example.com)');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Allow on Corner Shop’s sites' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://shop.example.com/*'] });
    // Declined: the prompt stays.
    expect(screen.getByRole('region', { name: 'From your other browser: Corner Shop' })).toBe(prompt);
    await userEvent.click(within(prompt).getByRole('button', { name: 'Not now' }));
    expect(await fakeBrowser.storage.local.get(SYNC_PROMPTS_PUT_OFF)).toEqual({
      [SYNC_PROMPTS_PUT_OFF]: [program.id],
    });
    await vi.waitFor(() => expect(screen.queryByRole('region')).toBeNull());
  });

  it('granted, or made on this browser: no prompt', async () => {
    await db.programs.put(program);
    await db.programs.put({ ...program, id: 'custom:mine', name: 'Mine' });
    await remember({ at: AT, bytes: 0, items: [] }, [program.id]);
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    render(<ArrivedPrograms />);
    // Asked only about the program that arrived, and it is granted.
    await vi.waitFor(() => expect(contains).toHaveBeenCalledWith({ origins: ['https://shop.example.com/*'] }));
    await new Promise((r) => setTimeout(r, 50));
    expect(contains).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
