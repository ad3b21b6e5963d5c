// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StatsTab } from '@/components/dashboard/StatsTab';
// useDb is a plain singleton getter outside React; renamed so the hooks lint rule reads it as what it is here.
import { useDb as uiDatabase } from '@/components/hooks/useDb';
import { newCoupon } from '@/lib/referral/coupons';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { DAY, HOUR } from '@/lib/referral/time';
import type { Channel, Invite, ObservedStatus, Program } from '@/lib/referral/types';

// No built-in program has a monthly cap today; the tab must show one when a program declares it.
vi.mock('@/components/hooks/usePrograms', async () => {
  const { aliexpress } = await import('@/lib/referral/programs/aliexpress');
  const { temu } = await import('@/lib/referral/programs/temu');
  const programs = [aliexpress, { ...temu, rules: { ...temu.rules, monthlyCap: 10 } }];
  return { usePrograms: () => programs };
});
const capped: Program = { ...temu, rules: { ...temu.rules, monthlyCap: 10 } };

/** The UI's own database singleton (a plain getter despite its hook-like name), where tests seed data. */
const db = uiDatabase();

/** Invites built through the real engine, so the tab reads what the background really stores. */
function invite(id: string, program: Program, channel: Channel, steps: ObservedStatus[]): Invite {
  const now = Date.now();
  let inv = newInvite({ id, programId: program.id, linkId: 'l', channel, now: now - 2 * DAY }, program);
  for (const [n, status] of steps.entries()) {
    const at = now - HOUR + n * 1000;
    inv = applyEvent(
      inv,
      { key: `${id}:${status}`, inviteId: id, status, at, source: 'manual' },
      program,
      DEFAULT_SETTINGS,
      now,
    ).invite;
  }
  return inv;
}

async function seed() {
  await db.invites.bulkAdd([
    invite('a1', aliexpress, 'whatsapp', []),
    invite('a2', aliexpress, 'whatsapp', ['registered']),
    invite('a3', aliexpress, 'sms', ['registered', 'first_purchase']),
    invite('a4', aliexpress, 'whatsapp', ['registered', 'first_purchase', 'coupon_received']),
    invite('a5', aliexpress, 'email', ['ineligible']),
    invite('t1', capped, 'telegram', ['registered', 'first_purchase', 'coupon_received']),
    invite('t2', capped, 'telegram', ['registered']),
    invite('t3', capped, 'x', []),
  ]);
  const now = Date.now();
  await db.coupons.bulkAdd([
    newCoupon({ title: 'A', value: 3, currency: 'USD' }, { id: 'c1', programId: 'aliexpress', inviteId: 'a4', now }),
    newCoupon({ title: 'T', value: 2.5, currency: 'USD' }, { id: 'c2', programId: 'temu', inviteId: 't1', now }),
    // A sale coupon, not from an invite: not "earned".
    newCoupon({ title: 'Sale', value: 50, currency: 'USD' }, { id: 'c3', programId: 'aliexpress', now }),
  ]);
}

const cells = (table: HTMLElement, step: string) =>
  within(within(table).getByRole('row', { name: new RegExp(`^${step}`) }))
    .getAllByRole('cell')
    .map((c) => c.textContent);

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([db.invites.clear(), db.coupons.clear()]);
});
afterEach(cleanup);

describe('StatsTab', () => {
  it('explains where stats come from when there are no invites', async () => {
    render(<StatsTab />);
    expect(await screen.findByText('No invites yet')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws the overall funnel as an image named with the numbers, and a table with the same data', async () => {
    await seed();
    render(<StatsTab />);
    const chart = await screen.findByRole('img', { name: /^All programs:/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.getAttribute('aria-label')).toBe(
      'All programs: 8 shared, 5 registered (63%), 3 made a first purchase (38%), 2 brought a coupon (25%).',
    );
    const table = screen.getByRole('table', { name: 'All programs: from share to coupon' });
    expect(cells(table, 'Shared')).toEqual(['8', '100%', '—']);
    expect(cells(table, 'Registered')).toEqual(['5', '63%', '63%']);
    expect(cells(table, 'First purchase')).toEqual(['3', '38%', '60%']);
    expect(cells(table, 'Coupon received')).toEqual(['2', '25%', '67%']);
    const overall = screen.getByRole('region', { name: 'All programs' });
    expect(within(overall).getByText('Ended without a reward: ineligible 1, expired 0, taken back 0.')).toBeTruthy();
  });

  it('draws one funnel per program when several programs have invites', async () => {
    await seed();
    render(<StatsTab />);
    await screen.findByRole('img', { name: /^All programs:/ });
    const ali = screen.getByRole('article', { name: 'AliExpress' });
    expect(within(ali).getByRole('img').getAttribute('aria-label')).toBe(
      'AliExpress: 5 shared, 3 registered (60%), 2 made a first purchase (40%), 1 brought a coupon (20%).',
    );
    expect(cells(within(ali).getByRole('table'), 'Registered')).toEqual(['3', '60%', '60%']);
    const t = screen.getByRole('article', { name: 'Temu' });
    expect(within(t).getByRole('img').getAttribute('aria-label')).toMatch(/^Temu: 3 shared, 2 registered \(67%\)/);
  });

  it('shows one funnel when a single program has invites, and a capped program’s empty meter', async () => {
    await db.invites.bulkAdd([invite('a1', aliexpress, 'copy', []), invite('a2', aliexpress, 'qr', ['registered'])]);
    render(<StatsTab />);
    await screen.findByRole('img', { name: /^All programs: 2 shared, 1 registered \(50%\)/ });
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(
      within(screen.getByRole('article', { name: 'Temu' })).getByText('0 of 10 rewarded invites this month'),
    ).toBeTruthy();
    expect(screen.getByText('No coupons from invites yet.', { selector: '.stats-overall *' })).toBeTruthy();
  });

  it('shows the monthly cap meter, or says there is none', async () => {
    await seed();
    render(<StatsTab />);
    const t = await screen.findByRole('article', { name: 'Temu' });
    expect(within(t).getByText('1 of 10 rewarded invites this month')).toBeTruthy();
    const meter = within(t).getByRole('meter', { name: '1 of 10 rewarded invites this month' });
    // Attributes, not properties: happy-dom's HTMLMeterElement clamps max and value to 1.
    expect([meter.getAttribute('value'), meter.getAttribute('max')]).toEqual(['1', '10']);
    expect(within(screen.getByRole('article', { name: 'AliExpress' })).getByText('No monthly cap')).toBeTruthy();
  });

  it('ranks channels by conversion and marks the best', async () => {
    await seed();
    render(<StatsTab />);
    await screen.findByRole('img', { name: /^All programs:/ });
    const list = screen.getByRole('heading', { name: 'Which channel works best' }).nextElementSibling as HTMLElement;
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.channel-name')?.textContent)).toEqual([
      'TelegramBest',
      'WhatsApp',
      'SMS',
      'Email',
      'X',
    ]);
    expect(rows[1]?.textContent).toContain('Shared 3 · registered 2 · coupon 1 (33%)');
  });

  it('adds up the value earned through invites per currency', async () => {
    await seed();
    render(<StatsTab />);
    const heading = await screen.findByRole('heading', { name: 'Value earned', level: 4 });
    expect(heading.nextElementSibling?.textContent).toBe('$5.50');
    expect(within(screen.getByRole('article', { name: 'Temu' })).getByText('$2.50')).toBeTruthy();
  });

  it('updates live when the background records a share', async () => {
    await seed();
    render(<StatsTab />);
    await screen.findByRole('img', { name: /^All programs: 8 shared/ });
    await db.invites.add(invite('a6', aliexpress, 'qr', []));
    expect(await screen.findByRole('img', { name: /^All programs: 9 shared/ })).toBeTruthy();
  });
});
