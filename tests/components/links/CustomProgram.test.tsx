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
import type { CustomProgramData } from '@/lib/referral/types';
import { T0 } from '../invites/fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
const db = appDb();

const SHOPLY: CustomProgramData = {
  id: 'custom:shoply',
  name: 'Shoply',
  shoppingHosts: ['shop.example.com', '*.example.net'],
  linkPattern: 'https://example.com/invite/{code}',
  rewardDelayHours: 48,
  perkText: '10% off the first order',
  createdAt: T0,
};

/** The fake browser types these methods as returning nothing; the real ones resolve to a boolean. */
function stubPermission(method: 'request' | 'contains', granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, method).mockImplementation((() => Promise.resolve(granted)) as never);
}

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  vi.restoreAllMocks();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(cleanup);

async function fillForm(user: ReturnType<typeof userEvent.setup>, hosts = 'shop.example.com,\n*.example.net') {
  const form = screen.getByRole('form', { name: 'Add a custom program' });
  await user.type(within(form).getByRole('textbox', { name: 'Program name' }), 'Shoply');
  await user.type(within(form).getByRole('textbox', { name: 'Shopping sites' }), hosts);
  // userEvent reads { as a key descriptor: {{ types one brace.
  await user.type(
    within(form).getByRole('textbox', { name: 'Invite link pattern' }),
    'https://example.com/invite/{{code}',
  );
  const delay = within(form).getByRole('spinbutton', { name: 'Reward delay (hours)' });
  await user.clear(delay);
  await user.type(delay, '48');
  await user.type(within(form).getByRole('textbox', { name: 'What your friend gets (optional)' }), '10% off');
  return form;
}

describe('Links tab: custom programs', () => {
  it('asks for host access to the shopping sites from the click, then sends saveCustomProgram', async () => {
    const user = userEvent.setup();
    const request = stubPermission('request', true);
    send.mockResolvedValue({ ok: true, value: SHOPLY });
    render(<LinksTab />);
    const form = await fillForm(user);
    await user.click(within(form).getByRole('button', { name: 'Add program' }));

    expect(request).toHaveBeenCalledExactlyOnceWith({
      origins: ['https://shop.example.com/*', 'https://*.example.net/*'],
    });
    expect(send).toHaveBeenCalledExactlyOnceWith('saveCustomProgram', {
      name: 'Shoply',
      shoppingHosts: ['shop.example.com', '*.example.net'],
      linkPattern: 'https://example.com/invite/{code}',
      rewardDelayHours: 48,
      perkText: '10% off',
    });
    // The prompt is asked for before anything is sent, i.e. within the user's gesture.
    expect(request.mock.invocationCallOrder[0]).toBeLessThan(send.mock.invocationCallOrder[0] ?? 0);
    expect(await screen.findByText('Added Shoply.')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Program name' })).toHaveProperty('value', '');
  });

  it('saves the program even when access is declined, and says the button will not appear there', async () => {
    const user = userEvent.setup();
    stubPermission('request', false);
    send.mockResolvedValue({ ok: true, value: SHOPLY });
    render(<LinksTab />);
    const form = await fillForm(user);
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect(send).toHaveBeenCalledWith('saveCustomProgram', expect.objectContaining({ name: 'Shoply' }));
    expect(await screen.findByText(/Added Shoply\. Its shop-page button won't appear/)).toBeTruthy();
  });

  it('still saves when the permissions API is missing', async () => {
    const user = userEvent.setup();
    const permissions = fakeBrowser.permissions;
    // biome-ignore lint/suspicious/noExplicitAny: simulating a browser without the API.
    (fakeBrowser as any).permissions = undefined;
    try {
      send.mockResolvedValue({ ok: true, value: SHOPLY });
      render(<LinksTab />);
      const form = await fillForm(user);
      await user.click(within(form).getByRole('button', { name: 'Add program' }));
      expect(send).toHaveBeenCalledWith('saveCustomProgram', expect.objectContaining({ name: 'Shoply' }));
      expect(await screen.findByText(/won't appear/)).toBeTruthy();
    } finally {
      fakeBrowser.permissions = permissions;
    }
  });

  it('refuses an invalid form in an alert without asking for access or sending', async () => {
    const user = userEvent.setup();
    const request = stubPermission('request', true);
    render(<LinksTab />);
    const form = await fillForm(user, 'not a host!');
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/is not a valid host name/);
    expect(request).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('shows the background’s refusal in an alert', async () => {
    const user = userEvent.setup();
    stubPermission('request', true);
    send.mockResolvedValue({
      ok: false,
      error: { code: 'conflict', message: 'You already have a program named Shoply.' },
    });
    render(<LinksTab />);
    const form = await fillForm(user);
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You already have a program named Shoply.');
    expect(within(form).getByRole('textbox', { name: 'Program name' })).toHaveProperty('value', 'Shoply');
  });

  it('shows a custom program with its rules, sites and pattern; Delete shows the background’s refusal', async () => {
    const user = userEvent.setup();
    stubPermission('contains', true);
    await db.programs.add(SHOPLY);
    send.mockResolvedValue({ ok: false, error: { code: 'conflict', message: 'Delete its 1 link(s) first.' } });
    render(<LinksTab />);
    const section = await screen.findByRole('region', { name: /Shoply/ });
    expect(within(section).getByText("Coupon within 2 days of your friend's first payment")).toBeTruthy();
    expect(within(section).getByText('10% off the first order')).toBeTruthy();
    expect(within(section).getByText('shop.example.com, *.example.net')).toBeTruthy();
    expect(within(section).getByText('https://example.com/invite/{code}')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Delete program Shoply' }));
    await user.click(within(section).getByRole('button', { name: 'Confirm' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('deleteCustomProgram', { id: 'custom:shoply' });
    expect((await within(section).findByRole('alert')).textContent).toBe('Delete its 1 link(s) first.');
  });

  it('offers “Allow access” when the program’s sites are not granted, and asks from the click', async () => {
    const user = userEvent.setup();
    stubPermission('contains', false);
    const request = stubPermission('request', true);
    await db.programs.add(SHOPLY);
    render(<LinksTab />);
    const section = await screen.findByRole('region', { name: /Shoply/ });
    await user.click(await within(section).findByRole('button', { name: 'Allow access' }));
    expect(request).toHaveBeenCalledExactlyOnceWith({
      origins: ['https://shop.example.com/*', 'https://*.example.net/*'],
    });
    expect(within(section).queryByRole('button', { name: 'Allow access' })).toBeNull();
  });

  it('explains each built-in program’s rules', async () => {
    render(<LinksTab />);
    const ali = await screen.findByRole('region', { name: 'AliExpress' });
    expect(within(ali).getByText("Coupon within 24 h of your friend's first payment")).toBeTruthy();
    expect(within(ali).getByText('new-user coupons on their first order')).toBeTruthy();
    expect(within(ali).getByText(/must never have registered on AliExpress/)).toBeTruthy();
    const temu = screen.getByRole('region', { name: 'Temu' });
    expect(within(temu).getByText("Credit within 3 days of your friend's first payment")).toBeTruthy();
  });
});
