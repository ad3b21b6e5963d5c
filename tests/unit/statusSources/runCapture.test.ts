// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { t } from '@/lib/i18n/t';
import type { Coupon } from '@/lib/referral/types';
import { aliexpressAdapter } from '@/lib/statusSources/adapters/aliexpress';
import { captureInvite, importCoupons, type SendPageCommand } from '@/lib/statusSources/runCapture';
import { fixturePage, page } from './fixturePage';

const NOW = new Date(2026, 10, 24, 12, 0).getTime();
const INVITE = fixturePage('star.aliexpress.com/share/share.htm');
const COUPONS = fixturePage('www.aliexpress.com/p/coupon-pc/index.html');

/** A background that answers every command with `reply`. */
function background(reply: unknown) {
  return vi.fn(async () => reply) as unknown as SendPageCommand & ReturnType<typeof vi.fn>;
}

describe('Save this link to RefShare', () => {
  it('sends the link read from the page and confirms', async () => {
    const send = background({ ok: true, value: { id: 'l1' } });
    expect(await captureInvite(INVITE, aliexpressAdapter, send, t)).toEqual({ ok: true, text: 'Saved to RefShare' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('captureLink', { input: expect.stringContaining('IN7XK2P9') });
  });

  it('sends nothing when the page shows no link, and says so', async () => {
    const send = background({ ok: true, value: {} });
    expect(await captureInvite(page('<h1>Sign in</h1>'), aliexpressAdapter, send, t)).toEqual({
      ok: false,
      text: 'RefShare could not find your invite link on this page',
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('shows the background’s refusal as it is', async () => {
    const send = background({ ok: false, error: { code: 'forbidden', message: 'This page belongs to no program.' } });
    expect(await captureInvite(INVITE, aliexpressAdapter, send, t)).toEqual({
      ok: false,
      text: 'This page belongs to no program.',
    });
  });
});

describe('Import these coupons', () => {
  const coupon = (id: string) => ({ id }) as Coupon;

  it('imports the coupons read and says how many were new, already there, or unreadable', async () => {
    const send = background({ ok: true, value: { added: [coupon('a'), coupon('b')], existing: [coupon('c')] } });
    expect(await importCoupons(COUPONS, aliexpressAdapter, NOW, send, t)).toEqual({
      ok: true,
      text: 'Imported 2 coupons (1 already in your wallet, 1 could not be read)',
    });
    const sent = vi.mocked(send).mock.calls[0] as unknown as [string, { coupons: unknown[] }];
    expect(sent[0]).toBe('importCoupons');
    expect(sent[1].coupons).toHaveLength(3);
  });

  it('one new coupon reads in the singular', async () => {
    const one = page(`<div class="coupon-card--wrap--1"><div class="coupon-card--amount--2">US $1.00</div>
      <div class="coupon-card--title--3">Welcome</div></div>`);
    const send = background({ ok: true, value: { added: [coupon('a')], existing: [] } });
    expect(await importCoupons(one, aliexpressAdapter, NOW, send, t)).toEqual({ ok: true, text: 'Imported 1 coupon' });
  });

  it('sends nothing from a page without coupons', async () => {
    const send = background({ ok: true, value: { added: [], existing: [] } });
    expect(await importCoupons(INVITE, aliexpressAdapter, NOW, send, t)).toEqual({
      ok: false,
      text: 'RefShare could not find any coupons on this page',
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('sends a long wallet in messages of at most 100 coupons', async () => {
    const cards = Array.from(
      { length: 230 },
      (_, i) => `<div class="coupon-card--wrap--1"><div class="coupon-card--amount--2">US $${i + 1}.00</div>
        <div class="coupon-card--title--3">Coupon ${i + 1}</div></div>`,
    ).join('');
    const send = vi.fn(async (_command: string, data: { coupons: unknown[] }) => ({
      ok: true,
      value: { added: data.coupons.map((_, i) => coupon(String(i))), existing: [] },
    }));
    const result = await importCoupons(page(cards), aliexpressAdapter, NOW, send as unknown as SendPageCommand, t);
    expect(send.mock.calls.map(([, data]) => data.coupons.length)).toEqual([100, 100, 30]);
    expect(result).toEqual({ ok: true, text: 'Imported 230 coupons' });
  });
});
