// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsTab } from '@/components/dashboard/SettingsTab';
// useDb() is a plain singleton getter (the database the UI reads), not a React hook: safe outside components.
import { useDb as appDb } from '@/components/hooks/useDb';
import { loadSettings, saveSettings } from '@/lib/settings';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const db = appDb();

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(cleanup);

describe('Settings tab: notifications', () => {
  it('shows the four notifications with their saved values and saves a toggle', async () => {
    const user = userEvent.setup();
    await saveSettings({
      notify: { coupon_arrived: true, reward_overdue: false, coupon_expiring: true, follow_up: true },
    });
    render(<SettingsTab />);
    const arrived = await screen.findByRole('checkbox', { name: 'Coupon arrived' });
    expect(arrived).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Reward overdue' })).toHaveProperty('checked', false);
    expect(screen.getByRole('checkbox', { name: 'Coupon expiring' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Follow-up reminder' })).toHaveProperty('checked', true);

    await user.click(arrived);
    await waitFor(async () => expect((await loadSettings()).notify.coupon_arrived).toBe(false));
    expect((await loadSettings()).notify).toEqual({
      coupon_arrived: false,
      reward_overdue: false,
      coupon_expiring: true,
      follow_up: true,
    });
    await waitFor(() => expect(arrived).toHaveProperty('checked', false));
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Saved.')).toBe(true);
  });

  it('reflects a change made in another page (live settings)', async () => {
    render(<SettingsTab />);
    const overdue = await screen.findByRole('checkbox', { name: 'Reward overdue' });
    expect(overdue).toHaveProperty('checked', true);
    await saveSettings({ notify: { ...(await loadSettings()).notify, reward_overdue: false } });
    await waitFor(() => expect(overdue).toHaveProperty('checked', false));
  });

  it('turns quiet hours on with a default span, saves valid times and refuses equal ones', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const quiet = await screen.findByRole('checkbox', { name: 'No notifications during quiet hours' });
    expect(screen.queryByLabelText('Quiet hours start')).toBeNull();
    await user.click(quiet);
    await waitFor(async () => expect((await loadSettings()).quietHours).toEqual({ start: '22:00', end: '08:00' }));
    const start = await screen.findByLabelText('Quiet hours start');
    const end = screen.getByLabelText('Quiet hours end');
    fireEvent.change(start, { target: { value: '23:30' } });
    await waitFor(async () => expect((await loadSettings()).quietHours).toEqual({ start: '23:30', end: '08:00' }));

    fireEvent.change(end, { target: { value: '23:30' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/different times/);
    expect(end.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(end, { target: { value: '' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Enter both times/);
    expect((await loadSettings()).quietHours).toEqual({ start: '23:30', end: '08:00' });

    await user.click(quiet);
    await waitFor(async () => expect((await loadSettings()).quietHours).toBeNull());
  });

  it('saves reminder days within range and explains out-of-range values', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const followUp = await screen.findByRole('spinbutton', { name: 'Follow-up reminder after (days)' });
    await user.clear(followUp);
    await user.type(followUp, '14');
    await waitFor(async () => expect((await loadSettings()).followUpDays).toBe(14));
    await user.clear(followUp);
    await user.type(followUp, '0');
    await waitFor(async () => expect((await loadSettings()).followUpDays).toBe(0));

    const expiring = screen.getByRole('spinbutton', { name: 'Warn before a coupon expires (days)' });
    await user.clear(expiring);
    await user.type(expiring, '0');
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number from 1 to 30.');
    await user.clear(expiring);
    await user.type(expiring, '31');
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 1 to 30.');
    expect((await loadSettings()).couponExpiringDays).toBe(3);
    await user.clear(expiring);
    await user.type(expiring, '7');
    await waitFor(async () => expect((await loadSettings()).couponExpiringDays).toBe(7));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves the language choice', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const select = await screen.findByRole('combobox', { name: 'Display language' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Automatic (browser language)', 'English', 'Español', 'Português']);
    await user.selectOptions(select, 'pt');
    await waitFor(async () => expect((await loadSettings()).language).toBe('pt'));
  });
});

describe('Settings tab: muted sites', () => {
  it('adds a valid host (also from a pasted address), refuses invalid and duplicate ones, and removes', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const input = await screen.findByRole('textbox', { name: 'Site to hide the button on' });
    const add = screen.getByRole('button', { name: 'Hide on this site' });
    expect(screen.getByText('The button shows on every program site.')).toBeTruthy();

    await user.type(input, 'not a host');
    await user.click(add);
    expect((await screen.findByRole('alert')).textContent).toMatch(/shop\.example\.com/);
    expect((await loadSettings()).mutedSites).toEqual([]);

    await user.clear(input);
    await user.type(input, 'https://WWW.AliExpress.com/item/1.html?x=1');
    await user.click(add);
    await waitFor(async () => expect((await loadSettings()).mutedSites).toEqual(['www.aliexpress.com']));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((input as HTMLInputElement).value).toBe('');

    await user.type(input, 'www.aliexpress.com{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('www.aliexpress.com is already in the list.');

    const list = await screen.findByRole('list', { name: 'Sites where the button is hidden' });
    await user.click(within(list).getByRole('button', { name: 'Remove www.aliexpress.com' }));
    await waitFor(async () => expect((await loadSettings()).mutedSites).toEqual([]));
  });
});
