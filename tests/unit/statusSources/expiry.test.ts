import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '@/lib/referral/time';
import { readExpiry } from '@/lib/statusSources/expiry';

const NOW = new Date(2026, 10, 24, 12, 0).getTime();
const endOfDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();

describe('coupon expiry as pages write it', () => {
  it.each([
    ['Expires 2026-12-31', endOfDay(2026, 12, 31)],
    ['Valid until Dec 31, 2026', endOfDay(2026, 12, 31)],
    ['Valid until December 31st 2026', endOfDay(2026, 12, 31)],
    ['Valid until 15 Jan 2027', endOfDay(2027, 1, 15)],
    ['Válido hasta el 31 de diciembre de 2026', endOfDay(2026, 12, 31)],
    ['Válido até 31 de dezembro de 2026', endOfDay(2026, 12, 31)],
    ['Vence em 31/12/2026', endOfDay(2026, 12, 31)],
    ['Valid Dec 1 – Dec 31, 2026', endOfDay(2026, 12, 31)],
    ['2026.12.01-2026.12.31', endOfDay(2026, 12, 31)],
    ['Expires 2026-12-31 08:30', new Date(2026, 11, 31, 8, 30).getTime()],
    ['Expires Dec 31', endOfDay(2026, 12, 31)],
    // A year-less date already past this year is next year's.
    ['Expires Jan 5', endOfDay(2027, 1, 5)],
    ['Expires in 3 days', new Date(NOW + 3 * DAY).setHours(23, 59, 59, 999)],
    ['Expira en 3 días', new Date(NOW + 3 * DAY).setHours(23, 59, 59, 999)],
    ['Expires in 5 hours', NOW + 5 * HOUR],
  ])('%s', (text, at) => {
    expect(readExpiry(text, NOW, true)).toEqual({ ok: true, at });
  });

  it('05/06/2026 follows the page: May 6 in US English, 5 June elsewhere', () => {
    expect(readExpiry('Expires 05/06/2026', NOW, true)).toEqual({ ok: true, at: endOfDay(2026, 5, 6) });
    expect(readExpiry('Expires 05/06/2026', NOW, false)).toEqual({ ok: true, at: endOfDay(2026, 6, 5) });
  });

  it.each(['Expires soon', 'Valid until further notice', 'Expires 2026-02-30'])(
    '%s: talks about expiry without a date that can be read → not ok',
    (text) => {
      expect(readExpiry(text, NOW, true)).toEqual({ ok: false });
    },
  );

  it.each(['', 'All items', 'Orders over US $20.00', 'Ganhe 5 mais cupons'])(
    '%s: says nothing about expiry',
    (text) => {
      expect(readExpiry(text, NOW, true)).toEqual({ ok: true });
    },
  );
});
