import { describe, expect, it } from 'vitest';
import { quietUntil } from '@/lib/referral/quietHours';

const night = { start: '22:00', end: '07:00' };
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('quietUntil', () => {
  it.each<[string, { start: string; end: string } | null, string, string | undefined]>([
    ['no quiet hours', null, '2026-06-10T23:00', undefined],
    ['start === end means none', { start: '08:00', end: '08:00' }, '2026-06-10T08:00', undefined],
    ['a malformed time never silences', { start: '22:00', end: '7am' }, '2026-06-10T23:00', undefined],
    ['outside, at midday', night, '2026-06-10T12:00', undefined],
    ['late evening: until tomorrow morning', night, '2026-06-10T23:15', '2026-06-11T07:00'],
    ['exactly at the start: quiet', night, '2026-06-10T22:00', '2026-06-11T07:00'],
    ['after midnight: until this morning', night, '2026-06-11T03:30', '2026-06-11T07:00'],
    ['exactly at the end: no longer quiet', night, '2026-06-11T07:00', undefined],
    ['a window within one day', { start: '13:00', end: '14:30' }, '2026-06-10T13:59', '2026-06-10T14:30'],
    ['before a window within one day', { start: '13:00', end: '14:30' }, '2026-06-10T12:59', undefined],
  ])('%s (UTC)', (_label, hours, now, expected) => {
    expect(quietUntil(utc(now), hours, 'UTC')).toBe(expected === undefined ? undefined : utc(expected));
  });

  it('reads the clock in the given zone', () => {
    // 23:00 in São Paulo (UTC−3, no DST since 2019) is 02:00 UTC; quiet until 07:00 there, 10:00 UTC.
    expect(quietUntil(utc('2026-06-11T02:00'), night, 'America/Sao_Paulo')).toBe(utc('2026-06-11T10:00'));
    // 12:00 UTC is 09:00 there: not quiet, though 22:00–07:00 would cover it in Tokyo's evening.
    expect(quietUntil(utc('2026-06-11T12:00'), night, 'America/Sao_Paulo')).toBeUndefined();
    expect(quietUntil(utc('2026-06-11T14:00'), night, 'Asia/Tokyo')).toBe(utc('2026-06-11T22:00'));
  });

  it('an unknown zone is read as UTC', () => {
    expect(quietUntil(utc('2026-06-10T23:00'), night, 'Mars/Olympus_Mons')).toBe(utc('2026-06-11T07:00'));
    expect(quietUntil(utc('2026-06-10T23:00'), night, '')).toBe(utc('2026-06-11T07:00'));
  });

  describe('DST days', () => {
    it('New York, clocks forward (8 Mar 2026, 02:00 EST → 03:00 EDT): the night is an hour shorter', () => {
      // 23:00 EST on the 7th; 07:00 EDT on the 8th is 11:00 UTC (12:00 UTC at the old offset).
      expect(quietUntil(utc('2026-03-08T04:00'), night, 'America/New_York')).toBe(utc('2026-03-08T11:00'));
      // At 01:59 EST, one minute before the jump: still 07:00 EDT.
      expect(quietUntil(utc('2026-03-08T06:59'), night, 'America/New_York')).toBe(utc('2026-03-08T11:00'));
    });

    it('New York, clocks back (1 Nov 2026, 02:00 EDT → 01:00 EST): the night is an hour longer', () => {
      // 23:00 EDT on 31 Oct; 07:00 EST is 12:00 UTC.
      expect(quietUntil(utc('2026-11-01T03:00'), night, 'America/New_York')).toBe(utc('2026-11-01T12:00'));
    });

    it('Lisbon, an end time the clock jumps over (29 Mar 2026, 01:00 WET → 02:00 WEST) ends at the jump', () => {
      const hours = { start: '00:00', end: '01:30' };
      // 00:30 WET = 00:30 UTC; 01:30 never happens that night: quiet ends when the clock jumps, at 01:00 UTC.
      expect(quietUntil(utc('2026-03-29T00:30'), hours, 'Europe/Lisbon')).toBe(utc('2026-03-29T01:00'));
      // The day before, an ordinary night: 01:30 WET.
      expect(quietUntil(utc('2026-03-28T00:30'), hours, 'Europe/Lisbon')).toBe(utc('2026-03-28T01:30'));
    });

    it('Lisbon, clocks back (25 Oct 2026, 02:00 WEST → 01:00 WET): the clock reads the window twice', () => {
      const lisbon = quietUntil(utc('2026-10-24T22:00'), night, 'Europe/Lisbon');
      // 23:00 WEST on the 24th; 07:00 WET on the 25th is 07:00 UTC: nine hours of quiet.
      expect(lisbon).toBe(utc('2026-10-25T07:00'));
      // A window the clock jumps back out of: 01:50 WEST (00:50 UTC) → at 01:00 UTC it reads 01:00 WET, outside.
      const hours = { start: '01:45', end: '02:30' };
      expect(quietUntil(utc('2026-10-25T00:50'), hours, 'Europe/Lisbon')).toBe(utc('2026-10-25T01:00'));
      expect(quietUntil(utc('2026-10-25T01:10'), hours, 'Europe/Lisbon')).toBeUndefined();
      // …and back in it at 01:45 WET, until 02:30 WET (02:30 UTC).
      expect(quietUntil(utc('2026-10-25T01:50'), hours, 'Europe/Lisbon')).toBe(utc('2026-10-25T02:30'));
    });

    it('São Paulo when it had DST (4 Nov 2018, midnight → 01:00): an end the clock skips ends at the jump', () => {
      const hours = { start: '23:00', end: '00:30' };
      // 23:30 BRT on the 3rd is 02:30 UTC; at 03:00 UTC the clock jumps from 00:00 to 01:00.
      expect(quietUntil(utc('2018-11-04T02:30'), hours, 'America/Sao_Paulo')).toBe(utc('2018-11-04T03:00'));
      // 22:00–07:00 that night: 07:00 BRST (UTC−2) is 09:00 UTC.
      expect(quietUntil(utc('2018-11-04T02:30'), night, 'America/Sao_Paulo')).toBe(utc('2018-11-04T09:00'));
    });
  });

  it('keeps the seconds of now out of the answer: the period ends on the minute', () => {
    const now = utc('2026-06-10T23:15') + 42_123;
    expect(quietUntil(now, night, 'UTC')).toBe(utc('2026-06-11T07:00'));
  });
});
