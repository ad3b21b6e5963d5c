// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InvitesTab } from '@/components/dashboard/InvitesTab';
// useDb() is a plain singleton getter (the database the UI reads), not a React hook: safe outside components.
import { useDb as appDb } from '@/components/hooks/useDb';
import { sendCommand } from '@/lib/messaging/client';
import { HOUR, MINUTE } from '@/lib/referral/time';
import { invite, T0 } from './fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
const db = appDb();

const SIX = ['Shared', 'Registered', 'First purchase', 'Coupon received', 'Ineligible', 'Expired'];

const ANA = invite({ id: 'inv-ana', nickname: 'Ana', channel: 'whatsapp', sharedAt: T0 });
const BRUNO = invite({
  id: 'inv-bruno',
  nickname: 'Bruno',
  programId: 'temu',
  channel: 'email',
  sharedAt: T0 - HOUR,
  status: 'reward_pending',
  milestones: { registered: T0 - HOUR, first_purchase: T0 - HOUR, reward_pending: T0 - HOUR },
  rewardDueAt: T0 + 71 * HOUR,
});
const CARLA = invite({
  id: 'inv-carla',
  nickname: 'Carla',
  sharedAt: T0 - 2 * HOUR,
  status: 'ineligible',
  rejected: [
    {
      key: 'manual:inv-carla:registered',
      status: 'registered',
      at: T0 - HOUR,
      reason: 'Your friend was found ineligible, so it cannot be registered',
    },
  ],
});

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(cleanup);

const row = (name: string | RegExp) => screen.findByRole('row', { name });
const statusOf = async (name: string | RegExp) =>
  within(await row(name)).getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
const optionNames = (select: HTMLSelectElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('Invites tab: the table', () => {
  it('has a caption, column headers and one row per invite, newest first', async () => {
    await db.invites.bulkAdd([CARLA, ANA, BRUNO]);
    render(<InvitesTab />);
    const table = await screen.findByRole('table', { name: 'Invites, newest first' });
    await within(table).findAllByText('Carla');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Program', 'Channel', 'Nickname', 'Shared', 'Status', 'Why pending?', 'Actions']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('.invites-nickname')?.textContent)).toEqual(['Ana', 'Bruno', 'Carla']);
    const ana = await row(/Ana/);
    expect(within(ana).getByText('AliExpress')).toBeTruthy();
    expect(within(ana).getByText('WhatsApp')).toBeTruthy();
    expect(ana.querySelector('.invites-why')?.textContent).toBe('Waiting for Ana to register through your link');
    expect(within(await row(/Bruno/)).getByText('Email')).toBeTruthy();
    expect(within(await row(/Bruno/)).getByText(/^Credit (due by|overdue since)/)).toBeTruthy();
  });

  it('each row’s “Status” select offers exactly the six statuses and shows the current one', async () => {
    await db.invites.bulkAdd([ANA, BRUNO]);
    render(<InvitesTab />);
    const select = await statusOf(/Ana/);
    expect(optionNames(select)).toEqual(SIX);
    expect(select.value).toBe('shared');
    // A status set by the program's rules is shown (disabled) when it is the current one.
    const bruno = await statusOf(/Bruno/);
    expect(bruno.value).toBe('reward_pending');
    expect(optionNames(bruno)).toEqual([...SIX.slice(0, 3), 'Reward pending', ...SIX.slice(3)]);
    expect(within(bruno).getByRole('option', { name: 'Reward pending' })).toHaveProperty('disabled', true);
  });

  it('choosing “Registered” sends setInviteStatus for that invite; the row follows the database', async () => {
    const user = userEvent.setup();
    await db.invites.bulkAdd([ANA, BRUNO]);
    send.mockImplementation(async () => {
      await db.invites.update('inv-ana', { status: 'registered', milestones: { registered: T0 + MINUTE } });
      return {
        ok: true,
        value: { key: 'manual:inv-ana:registered', outcome: { result: 'applied', from: 'shared', to: 'registered' } },
      } as never;
    });
    render(<InvitesTab />);
    await user.selectOptions(await statusOf(/Ana/), 'Registered');
    expect(send).toHaveBeenCalledExactlyOnceWith('setInviteStatus', { inviteId: 'inv-ana', status: 'registered' });
    await waitFor(async () => expect((await statusOf(/Ana/)).value).toBe('registered'));
    expect(await screen.findByText('Status of Ana: now “Registered”.')).toBeTruthy();
  });

  it('a rejected choice shows the reason in an alert and the select snaps back', async () => {
    const user = userEvent.setup();
    await db.invites.add(CARLA);
    send.mockResolvedValue({
      ok: true,
      value: {
        key: 'manual:inv-carla:first_purchase',
        outcome: { result: 'rejected', reason: 'Your friend was found ineligible, so it cannot be first purchase' },
      },
    });
    render(<InvitesTab />);
    await user.selectOptions(await statusOf(/Carla/), 'First purchase');
    expect(send).toHaveBeenCalledWith('setInviteStatus', { inviteId: 'inv-carla', status: 'first_purchase' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Status of Carla not changed: Your friend was found ineligible, so it cannot be first purchase',
    );
    await waitFor(async () => expect((await statusOf(/Carla/)).value).toBe('ineligible'));
  });

  it('a refusal from the background (e.g. invite deleted meanwhile) is shown in an alert', async () => {
    const user = userEvent.setup();
    await db.invites.add(ANA);
    send.mockResolvedValue({ ok: false, error: { code: 'not_found', message: 'That invite no longer exists.' } });
    render(<InvitesTab />);
    await user.selectOptions(await statusOf(/Ana/), 'Expired');
    expect((await screen.findByRole('alert')).textContent).toBe('That invite no longer exists.');
    expect((await statusOf(/Ana/)).value).toBe('shared');
  });

  it('choosing “Shared” again sends nothing: a status never goes back', async () => {
    const user = userEvent.setup();
    await db.invites.add({ ...ANA, status: 'registered', milestones: { registered: T0 } });
    render(<InvitesTab />);
    await user.selectOptions(await statusOf(/Ana/), 'Shared');
    expect(send).not.toHaveBeenCalled();
    expect(await screen.findByText('Status of Ana stays “Registered”: a status never goes back.')).toBeTruthy();
    expect((await statusOf(/Ana/)).value).toBe('registered');
  });

  it('shows evidence that was not applied as a note on the invite', async () => {
    await db.invites.add(CARLA);
    render(<InvitesTab />);
    const carla = await row(/Carla/);
    expect(
      within(carla).getByText(
        'Not applied, “Registered”: Your friend was found ineligible, so it cannot be registered',
      ),
    ).toBeTruthy();
    expect(within(carla).getByText('Nothing pending')).toBeTruthy();
  });

  it('renders a hostile nickname as text and an RTL nickname in a .user-text element', async () => {
    await db.invites.bulkAdd([
      invite({ id: 'evil', nickname: '<img src=x onerror=alert(1)>', sharedAt: T0 }),
      invite({ id: 'rtl', nickname: 'مريم', sharedAt: T0 - MINUTE }),
    ]);
    const { container } = render(<InvitesTab />);
    const evil = await row(/<img src=x onerror=alert\(1\)>/);
    expect(evil.querySelector('.invites-nickname')?.textContent).toBe('<img src=x onerror=alert(1)>');
    // The "why pending?" sentence names the friend too, isolated, and still as text.
    expect(within(evil).getAllByText('<img src=x onerror=alert(1)>')).toHaveLength(2);
    expect(evil.querySelector('img')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    const rtl = within(await row(/مريم/)).getAllByText('مريم');
    expect(rtl.map((el) => [el.tagName, el.classList.contains('user-text')])).toEqual([
      ['SPAN', true],
      ['BDI', true],
    ]);
  });

  it('Delete asks inline; Cancel sends nothing, Confirm sends deleteInvite', async () => {
    const user = userEvent.setup();
    await db.invites.add(ANA);
    send.mockResolvedValue({ ok: true, value: { id: 'inv-ana' } });
    render(<InvitesTab />);
    const ana = await row(/Ana/);
    await user.click(within(ana).getByRole('button', { name: 'Delete invite: Ana' }));
    await user.click(within(ana).getByRole('button', { name: 'Cancel' }));
    expect(send).not.toHaveBeenCalled();
    await user.click(within(ana).getByRole('button', { name: 'Delete invite: Ana' }));
    expect(within(ana).getByRole('group', { name: 'Delete this invite?' })).toBeTruthy();
    await user.click(within(ana).getByRole('button', { name: 'Confirm' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('deleteInvite', { id: 'inv-ana' });
  });

  it('after deleting the last invite, the focus lands on the empty state, not on the page body', async () => {
    const user = userEvent.setup();
    await db.invites.add(ANA);
    send.mockImplementation(async () => {
      await db.invites.delete('inv-ana');
      return { ok: true, value: { id: 'inv-ana' } } as never;
    });
    render(<InvitesTab />);
    const ana = await row(/Ana/);
    await user.click(within(ana).getByRole('button', { name: 'Delete invite: Ana' }));
    await user.click(within(ana).getByRole('button', { name: 'Confirm' }));
    const heading = await screen.findByRole('heading', { name: 'No invites yet' });
    await waitFor(() => expect(document.activeElement).toBe(heading.parentElement));
    expect(screen.getByRole('status').textContent).toBe('Deleted the invite for Ana.');
  });

  it('shows a status changed elsewhere (popup, background) without a reload', async () => {
    await db.invites.add(ANA);
    render(<InvitesTab />);
    expect((await statusOf(/Ana/)).value).toBe('shared');
    await db.invites.update('inv-ana', { status: 'coupon_received' });
    await waitFor(async () => expect((await statusOf(/Ana/)).value).toBe('coupon_received'));
  });

  it('with no invites, explains how they appear', async () => {
    render(<InvitesTab />);
    expect(await screen.findByRole('heading', { name: 'No invites yet' })).toBeTruthy();
    expect(screen.getByText(/Invites appear here when you share a link from the RefShare popup/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
