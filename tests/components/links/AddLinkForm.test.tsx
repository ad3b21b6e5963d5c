// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LinksTab } from '@/components/dashboard/LinksTab';
// useDb() is a plain singleton getter (the database the UI reads), not a React hook: safe outside components.
import { useDb as appDb } from '@/components/hooks/useDb';
import { sendCommand } from '@/lib/messaging/client';
import { link } from '../invites/fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
const db = appDb();

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(cleanup);

describe('Links tab: adding a link', () => {
  it('refuses a javascript: address in an alert, keeps the input and sends nothing', async () => {
    const user = userEvent.setup();
    render(<LinksTab />);
    const input = screen.getByRole('textbox', { name: 'Referral link' });
    await user.type(input, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save link' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/This is a javascript: address: it runs code/);
    expect(send).not.toHaveBeenCalledWith('saveLink', expect.anything());
    expect(input).toHaveProperty('value', 'javascript:alert(1)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await db.links.count()).toBe(0);
  });

  it('shows the background’s refusal in an alert, keeping the input', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({
      ok: false,
      error: { code: 'conflict', message: 'You already have 50 links for this program; delete one first.' },
    });
    render(<LinksTab />);
    const input = screen.getByRole('textbox', { name: 'Referral link' });
    await user.type(input, 'INABCD12');
    await user.click(screen.getByRole('button', { name: 'Save link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You already have 50 links for this program; delete one first.',
    );
    expect(send).toHaveBeenCalledWith('saveLink', { input: 'INABCD12' });
    expect(input).toHaveProperty('value', 'INABCD12');
  });

  it('sends the chosen program, label and notes, then clears the form and says where it went', async () => {
    const user = userEvent.setup();
    const saved = link({ id: 'l1', programId: 'temu', url: 'https://temu.com/s/AbC123', label: 'Family', primary: 1 });
    send.mockResolvedValue({ ok: true, value: saved });
    render(<LinksTab />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Program' }), 'Temu');
    await user.type(screen.getByRole('textbox', { name: 'Referral link' }), 'https://temu.com/s/AbC123');
    await user.type(screen.getByRole('textbox', { name: 'Label (optional)' }), 'Family');
    await user.type(screen.getByRole('textbox', { name: 'Notes (optional)' }), 'For the cousins');
    await user.click(screen.getByRole('button', { name: 'Save link' }));

    expect(send).toHaveBeenCalledWith('saveLink', {
      input: 'https://temu.com/s/AbC123',
      label: 'Family',
      notes: 'For the cousins',
      programId: 'temu',
    });
    expect(await screen.findByText('Saved “Family” to Temu.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Referral link' })).toHaveProperty('value', '');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('leaves the program to the background when none is chosen', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: true, value: link({ id: 'l1' }) });
    render(<LinksTab />);
    await user.type(screen.getByRole('textbox', { name: 'Referral link' }), 'INABCD12');
    await user.click(screen.getByRole('button', { name: 'Save link' }));
    expect(send).toHaveBeenCalledWith('saveLink', { input: 'INABCD12' });
  });

  it('“Add a link for <Program>” chooses that program and puts the focus in the link input', async () => {
    const user = userEvent.setup();
    render(<LinksTab />);
    await user.click(await screen.findByRole('button', { name: 'Add a link for Temu' }));
    expect(screen.getByRole('combobox', { name: 'Program' })).toHaveProperty('value', 'temu');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Referral link' }));
  });
});
