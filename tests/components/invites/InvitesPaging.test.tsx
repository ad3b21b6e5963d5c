// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InvitesTab } from '@/components/dashboard/InvitesTab';
// useDb() is a plain singleton getter (the database the UI reads), not a React hook: safe outside components.
import { useDb as appDb } from '@/components/hooks/useDb';
import { MINUTE } from '@/lib/referral/time';
import type { InviteStatus } from '@/lib/referral/types';
import { invite, T0 } from './fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const db = appDb();

const num = (i: number) => String(i).padStart(3, '0');

/**
 * 120 invites, "Friend 001" the oldest … "Friend 120" the newest. Every third is Temu (40), every fourth
 * is registered (30); 12 of them (every tenth) were shared by email.
 */
const INVITES = Array.from({ length: 120 }, (_, k) => {
  const i = k + 1;
  return invite({
    id: `inv-${num(i)}`,
    nickname: `Friend ${num(i)}`,
    sharedAt: T0 + i * MINUTE,
    programId: i % 3 === 0 ? 'temu' : 'aliexpress',
    status: (i % 4 === 0 ? 'registered' : 'shared') as InviteStatus,
    channel: i % 10 === 0 ? 'email' : 'whatsapp',
  });
});

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
  // Inserted oldest-last, so the table's order has to come from sharedAt.
  await db.invites.bulkAdd([...INVITES].reverse().sort((a, b) => (a.id > b.id ? 1 : -1)));
});
afterEach(cleanup);

/** Nicknames of the table's rows, top to bottom. */
function nicknames(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('.invites-nickname')?.textContent ?? '');
}

/** Waits until the table's first row is this friend's (the page has loaded). */
const topRow = (nickname: string) => waitFor(() => expect(nicknames()[0]).toBe(nickname));

const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, k) => `Friend ${num(from - k)}`);

// Rendering 50 rows in happy-dom takes a while on a busy 2-core machine: a wider margin than the 5 s default.
describe('Invites tab: paging and filters', { timeout: 20_000 }, () => {
  it('pages 50 at a time, newest first, with “Page X of Y” and the total', async () => {
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<InvitesTab />);
    await topRow('Friend 120');
    expect(await screen.findByText('Page 1 of 3')).toBeTruthy();
    expect(await screen.findByText('120 invites')).toBeTruthy();
    expect(nicknames()).toEqual(range(120, 71));
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await topRow('Friend 070');
    expect(await screen.findByText('Page 2 of 3')).toBeTruthy();
    expect(nicknames()).toEqual(range(70, 21));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await topRow('Friend 020');
    expect(nicknames()).toEqual(range(20, 1));
    expect(await screen.findByText('Page 3 of 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await topRow('Friend 070');
    expect(await screen.findByText('Page 2 of 3')).toBeTruthy();
  });

  it('filters by program and by status, back on page 1', async () => {
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<InvitesTab />);
    await topRow('Friend 120');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await topRow('Friend 070');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by program' }), 'Temu');
    await screen.findByText('40 invites');
    expect(await screen.findByText('Page 1 of 1')).toBeTruthy();
    const temu = INVITES.filter((i) => i.programId === 'temu').reverse();
    expect(nicknames()).toEqual(temu.map((i) => i.nickname));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by status' }), 'Registered');
    // Temu (every 3rd) and registered (every 4th): every 12th, 10 of them.
    await screen.findByText('10 invites');
    expect(nicknames()).toEqual(range(120, 1).filter((n) => Number(n.slice(-3)) % 12 === 0));
    for (const select of screen.getAllByRole('combobox', { name: 'Status' })) {
      expect((select as HTMLSelectElement).value).toBe('registered');
    }

    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by program' }), 'All programs');
    await screen.findByText('30 invites');
    expect(nicknames()).toEqual(range(120, 1).filter((n) => Number(n.slice(-3)) % 4 === 0));
  });

  it('searches nicknames and channels, ignoring case', async () => {
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<InvitesTab />);
    await topRow('Friend 120');
    const search = screen.getByRole('searchbox', { name: 'Search invites' });

    await user.type(search, 'fRIEND 11');
    await waitFor(() => expect(nicknames()).toEqual(range(119, 110)));
    expect(screen.getByText('10 matches')).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'EMAIL');
    await waitFor(() => expect(nicknames()).toHaveLength(12));
    expect(nicknames()).toEqual(range(120, 1).filter((n) => Number(n.slice(-3)) % 10 === 0));
  });

  it('says when nothing matches and clears the filters on request', async () => {
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<InvitesTab />);
    await topRow('Friend 120');
    await user.type(screen.getByRole('searchbox', { name: 'Search invites' }), 'nobody like this');
    expect(await screen.findByText('No invites match these filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await topRow('Friend 120');
    expect(screen.getByRole('searchbox', { name: 'Search invites' })).toHaveProperty('value', '');
    expect(await screen.findByText('120 invites')).toBeTruthy();
  });

  it('steps back when the last page empties (invites deleted elsewhere)', async () => {
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<InvitesTab />);
    await topRow('Friend 120');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Page 3 of 3');
    await db.invites.bulkDelete(INVITES.slice(0, 30).map((i) => i.id));
    await topRow('Friend 070');
    expect(await screen.findByText('Page 2 of 2')).toBeTruthy();
    expect(nicknames()).toEqual(range(70, 31));
  });
});
