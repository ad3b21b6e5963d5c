import { describe, expect, it } from 'vitest';
import { relativeTime } from '@/components/dashboard/coupons/relativeTime';
import { DAY, HOUR, MINUTE } from '@/lib/referral/time';
import type { Locale } from '@/lib/referral/types';

const NOW = Date.UTC(2026, 10, 24, 12, 0);

describe('relativeTime', () => {
  it.each<[number, Locale, boolean, string]>([
    [2 * DAY + HOUR, 'en', false, 'in 2 days'],
    [-(3 * DAY + HOUR), 'en', true, '3 days ago'],
    [2 * DAY + HOUR, 'es', false, 'dentro de 2 días'],
    [-(3 * DAY + HOUR), 'es', true, 'hace 3 días'],
    [2 * DAY + HOUR, 'pt', false, 'em 2 dias'],
    [-(3 * DAY + HOUR), 'pt', true, 'há 3 dias'],
    // Up to two days it counts hours: "in 1 day" would hide that most of it is gone.
    [30 * HOUR, 'en', false, 'in 30 hours'],
    [47 * HOUR + 59 * MINUTE, 'en', false, 'in 47 hours'],
    [5 * HOUR + 59 * MINUTE, 'en', false, 'in 5 hours'],
    [59 * MINUTE, 'en', false, 'in 59 minutes'],
    [20_000, 'en', false, 'in 1 minute'],
    [0, 'en', true, '1 minute ago'],
    [-HOUR, 'pt', true, 'há 1 hora'],
    [59 * DAY, 'en', false, 'in 59 days'],
    [75 * DAY, 'en', false, 'in 2 months'],
    [-400 * DAY, 'es', true, 'hace 1 año'],
  ])('%d ms in %s → past %s, %j', (offset, locale, past, phrase) => {
    expect(relativeTime(NOW + offset, NOW, locale)).toEqual({ past, phrase });
  });
});
