// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AddCouponForm } from '@/components/dashboard/coupons/AddCouponForm';
import { sendCommand } from '@/lib/messaging/client';
import type { Coupon } from '@/lib/referral/types';
import { clearDb, makeCoupon } from './seed';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await clearDb();
});
afterEach(cleanup);

const reply = (added: Coupon[], existing: Coupon[] = []) => ({ ok: true as const, value: { added, existing } });

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Program' }), 'Temu');
  await user.type(screen.getByRole('textbox', { name: 'Title' }), '  €5 off €30  ');
  await user.type(screen.getByRole('textbox', { name: 'Value' }), '5,50');
  const currency = screen.getByRole('textbox', { name: 'Currency' });
  await user.clear(currency);
  await user.type(currency, 'eur');
  await user.type(screen.getByRole('textbox', { name: 'Minimum spend (optional)' }), '30');
  await user.type(screen.getByRole('textbox', { name: 'Code (optional)' }), 'TEMU5');
  await user.type(screen.getByLabelText('Expiry date (optional)'), '2027-03-15');
}

describe('AddCouponForm', () => {
  it('sends addCoupons with the coupon, then clears the form', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue(reply([makeCoupon('new')]));
    render(<AddCouponForm />);
    expect((screen.getByRole('textbox', { name: 'Currency' }) as HTMLInputElement).value).toBe('USD');
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Add coupon' }));
    expect(send).toHaveBeenCalledWith('addCoupons', {
      programId: 'temu',
      coupons: [
        {
          title: '€5 off €30',
          value: 5.5,
          currency: 'EUR',
          minSpend: 30,
          code: 'TEMU5',
          // The coupon lasts until the end of the chosen day, in the user's time zone.
          expiresAt: new Date(2027, 2, 15, 23, 59, 59, 999).getTime(),
        },
      ],
    });
    expect(await screen.findByText('Coupon added to your wallet.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends only the fields that were filled in', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue(reply([makeCoupon('new')]));
    render(<AddCouponForm />);
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Gift');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), '2');
    await user.click(screen.getByRole('button', { name: 'Add coupon' }));
    expect(send).toHaveBeenCalledWith('addCoupons', {
      programId: 'aliexpress',
      coupons: [{ title: 'Gift', value: 2, currency: 'USD' }],
    });
  });

  it('shows the background’s refusal in an alert and keeps what was typed', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue({
      ok: false,
      error: { code: 'invalid_input', message: 'The currency must be a 3-letter ISO code, like USD, EUR or BRL.' },
    });
    render(<AddCouponForm />);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Add coupon' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The currency must be a 3-letter ISO code, like USD, EUR or BRL.',
    );
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('  €5 off €30  ');
  });

  it('says "Already in your wallet" when the coupon was there before', async () => {
    const user = userEvent.setup();
    send.mockResolvedValue(reply([], [makeCoupon('old')]));
    render(<AddCouponForm />);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Add coupon' }));
    expect(await screen.findByText('Already in your wallet')).toBeTruthy();
    expect(screen.queryByText('Coupon added to your wallet.')).toBeNull();
  });

  it.each([
    ['', '3', 'USD', '', 'Enter the coupon’s title.'],
    ['Gift', '', 'USD', '', 'Enter the coupon’s value as a number, like 3 or 3.50.'],
    ['Gift', 'three', 'USD', '', 'Enter the coupon’s value as a number, like 3 or 3.50.'],
    ['Gift', '3', 'US', '', 'The currency must be a 3-letter code, like USD, EUR or BRL.'],
    ['Gift', '3', 'USD', 'lots', 'Enter the minimum spend as a number, or leave it empty.'],
  ])(
    'refuses title %j value %j currency %j min %j before asking the background',
    async (title, value, currency, min, message) => {
      const user = userEvent.setup();
      render(<AddCouponForm />);
      const currencyBox = await screen.findByRole('textbox', { name: 'Currency' });
      if (title) await user.type(screen.getByRole('textbox', { name: 'Title' }), title);
      if (value) await user.type(screen.getByRole('textbox', { name: 'Value' }), value);
      await user.clear(currencyBox);
      await user.type(currencyBox, currency);
      if (min) await user.type(screen.getByRole('textbox', { name: 'Minimum spend (optional)' }), min);
      await user.click(screen.getByRole('button', { name: 'Add coupon' }));
      expect((await screen.findByRole('alert')).textContent).toBe(message);
      expect(send).not.toHaveBeenCalled();
    },
  );
});
