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

const STEPS_LABEL = 'Steps for your friend (one per line)';
const SHOPLY: CustomProgramData = {
  id: 'custom:shoply',
  name: 'Shoply',
  shoppingHosts: ['shop.example.com'],
  linkPattern: 'https://example.com/invite/{code}',
  rewardDelayHours: 48,
  friendSteps: ['Sign up through this link', 'Pay for a first order'],
  createdAt: T0,
};

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((() => Promise.resolve(true)) as never);
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(cleanup);

/** Fills the required fields and types `steps` into the steps box ("{Enter}" makes a new line). */
async function fillForm(user: ReturnType<typeof userEvent.setup>, steps: string) {
  const form = screen.getByRole('form', { name: 'Add a custom program' });
  await user.type(within(form).getByRole('textbox', { name: 'Program name' }), 'Shoply');
  await user.type(within(form).getByRole('textbox', { name: 'Shopping sites' }), 'shop.example.com');
  // userEvent reads { as a key descriptor: {{ types one brace.
  await user.type(
    within(form).getByRole('textbox', { name: 'Invite link pattern' }),
    'https://example.com/invite/{{code}',
  );
  if (steps) await user.type(within(form).getByRole('textbox', { name: STEPS_LABEL }), steps);
  return form;
}

describe('Links tab: the friend’s steps of a custom program', () => {
  it('offers a steps box with a hint that says what to write and the limits', () => {
    render(<LinksTab />);
    const form = screen.getByRole('form', { name: 'Add a custom program' });
    const box = within(form).getByRole('textbox', { name: STEPS_LABEL });
    expect(box.tagName).toBe('TEXTAREA');
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/what your friend must do for the invite to count/i);
    expect(hint?.textContent).toMatch(/6 lines of 120 characters/);
  });

  it('sends one step per line, trimmed, without blank lines, and empties the box once saved', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: true, value: SHOPLY });
    render(<LinksTab />);
    const form = await fillForm(
      user,
      '  Sign up through this link  {Enter}{Enter}   {Enter}Pay for a first order{Enter}',
    );
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect(send).toHaveBeenCalledExactlyOnceWith(
      'saveCustomProgram',
      expect.objectContaining({ name: 'Shoply', friendSteps: ['Sign up through this link', 'Pay for a first order'] }),
    );
    expect(await screen.findByText('Added Shoply.')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: STEPS_LABEL })).toHaveProperty('value', '');
  });

  it('sends no steps field when the box is left empty or blank', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: true, value: { ...SHOPLY, friendSteps: undefined } });
    render(<LinksTab />);
    const form = await fillForm(user, '   {Enter}  ');
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0]?.[1]).not.toHaveProperty('friendSteps');
  });

  it('refuses a seventh step in an alert, keeps what was typed, and sends nothing', async () => {
    const user = userEvent.setup();
    render(<LinksTab />);
    const typed = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'].join('{Enter}');
    const form = await fillForm(user, typed);
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/steps for your friend must be at most 6 lines/);
    expect(send).not.toHaveBeenCalled();
    expect(within(form).getByRole('textbox', { name: STEPS_LABEL })).toHaveProperty(
      'value',
      'One\nTwo\nThree\nFour\nFive\nSix\nSeven',
    );
  });

  it('refuses a step longer than 120 characters', async () => {
    const user = userEvent.setup();
    render(<LinksTab />);
    const form = await fillForm(user, 'x'.repeat(121));
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/1–120 characters/);
    expect(send).not.toHaveBeenCalled();
  });

  it('"Monthly cap (optional)" sends a whole number when filled, nothing when left empty', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({ ok: true, value: SHOPLY });
    render(<LinksTab />);
    const form = await fillForm(user, '');
    const cap = within(form).getByRole('spinbutton', { name: 'Monthly cap (optional)' });
    expect(document.getElementById(cap.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /only if the program's terms say so/i,
    );
    await user.type(cap, '5');
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('saveCustomProgram', expect.objectContaining({ monthlyCap: 5 }));
  });

  it('a cap that is not a whole number from 1 to 1000 is refused in an alert, and nothing is sent', async () => {
    const user = userEvent.setup();
    render(<LinksTab />);
    const form = await fillForm(user, '');
    await user.type(within(form).getByRole('spinbutton', { name: 'Monthly cap (optional)' }), '2.5');
    await user.click(within(form).getByRole('button', { name: 'Add program' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'The monthly cap must be a whole number of rewarded invites from 1 to 1000.',
    );
    expect(send).not.toHaveBeenCalled();
  });
});
