// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LinksTab } from '@/components/dashboard/LinksTab';
// useDb() is a plain singleton getter (the database the UI reads), not a React hook: safe outside components.
import { useDb as appDb } from '@/components/hooks/useDb';
import { sendCommand } from '@/lib/messaging/client';
import { link, T0 } from '../invites/fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
const db = appDb();

const MAIN = link({ id: 'main', label: 'Main', primary: 1, notes: 'The one on my profile' });
const SPRING = link({
  id: 'spring',
  label: 'Spring',
  url: 'https://a.aliexpress.com/_mKXyZab',
  primary: 0,
  createdAt: T0 + 1,
});

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await Promise.all(db.tables.map((table) => table.clear()));
  await db.links.bulkAdd([SPRING, MAIN]);
});
afterEach(cleanup);

/** The list item of a link, found by its label (its accessible name). */
const item = (label: string) => screen.findByRole('listitem', { name: label });

describe('Links tab: a program’s links', () => {
  it('lists the links under their program, primary first, with URL as text, code, notes and the marker', async () => {
    render(<LinksTab />);
    const list = await screen.findByRole('list', { name: 'AliExpress links' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.links-item-label')?.textContent)).toEqual(['Main', 'Spring']);
    const main = await item('Main');
    expect(within(main).getByText('Primary')).toBeTruthy();
    expect(within(main).getByText(MAIN.url)).toBeTruthy();
    expect(within(main).getByText('IN7XK2P9')).toBeTruthy();
    expect(within(main).getByText('The one on my profile')).toBeTruthy();
    // The URL is shown to read and copy, not as a link to follow.
    expect(within(main).queryByRole('link')).toBeNull();
    // Only a link that is not primary offers "Make primary".
    expect(within(main).queryByRole('button', { name: /Make primary/ })).toBeNull();
    expect(within(await item('Spring')).queryByText('Primary')).toBeNull();
    expect(screen.getByText('No Temu links yet.')).toBeTruthy();
  });

  it('“Make primary” sends setPrimaryLink for that link', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: true, value: { ...SPRING, primary: 1 } });
    render(<LinksTab />);
    await user.click(within(await item('Spring')).getByRole('button', { name: 'Make primary: Spring' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('setPrimaryLink', { id: 'spring' });
  });

  it('Edit changes the label and notes with updateLink and closes on success', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: true, value: { ...SPRING, label: 'Spring sale' } });
    render(<LinksTab />);
    await user.click(within(await item('Spring')).getByRole('button', { name: 'Edit Spring' }));
    const form = screen.getByRole('form', { name: 'Edit Spring' });
    const label = within(form).getByRole('textbox', { name: 'Label' });
    expect(document.activeElement).toBe(label);
    await user.clear(label);
    await user.type(label, 'Spring sale');
    await user.type(within(form).getByRole('textbox', { name: 'Notes' }), 'Until April');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('updateLink', {
      id: 'spring',
      label: 'Spring sale',
      notes: 'Until April',
    });
    expect(screen.queryByRole('form', { name: 'Edit Spring' })).toBeNull();
  });

  it('Edit shows a refusal in an alert and keeps the form open', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: false, error: { code: 'invalid_input', message: 'A link needs a label.' } });
    render(<LinksTab />);
    await user.click(within(await item('Spring')).getByRole('button', { name: 'Edit Spring' }));
    const form = screen.getByRole('form', { name: 'Edit Spring' });
    await user.clear(within(form).getByRole('textbox', { name: 'Label' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('A link needs a label.');
    expect(screen.getByRole('form', { name: 'Edit Spring' })).toBeTruthy();
  });

  it('Delete asks inline first: Cancel sends nothing, Confirm sends deleteLink', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: true, value: { id: 'spring' } });
    render(<LinksTab />);
    const spring = await item('Spring');
    await user.click(within(spring).getByRole('button', { name: 'Delete Spring' }));
    const question = within(spring).getByRole('group', { name: 'Delete this link?' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(send).not.toHaveBeenCalled();
    expect(within(spring).queryByRole('group', { name: 'Delete this link?' })).toBeNull();

    await user.click(within(spring).getByRole('button', { name: 'Delete Spring' }));
    await user.click(within(spring).getByRole('button', { name: 'Confirm' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('deleteLink', { id: 'spring' });
  });

  it('shows a link saved elsewhere (popup, background) without a reload', async () => {
    render(<LinksTab />);
    await item('Main');
    await db.links.add(
      link({ id: 'temu1', programId: 'temu', url: 'https://temu.com/s/Zz9', label: 'Temu one', primary: 1 }),
    );
    const list = await screen.findByRole('list', { name: 'Temu links' });
    expect(within(list).getByText('Temu one')).toBeTruthy();
  });

  it('renders labels and notes as text, never as HTML', async () => {
    await db.links.put({ ...SPRING, label: '<img src=x onerror=alert(1)>', notes: '<b>bold</b>' });
    const { container } = render(<LinksTab />);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('<b>bold</b>').classList.contains('user-text')).toBe(true);
    expect(container.querySelector('img, b')).toBeNull();
  });
});
