import { describe, expect, it } from 'vitest';
import { couponsToIcs, exportableCoupons } from '@/lib/ics/couponsToIcs';
import { DAY, HOUR } from '@/lib/referral/time';
import type { Coupon } from '@/lib/referral/types';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const ZONE = 'America/Sao_Paulo'; // UTC-3, no daylight saving time since 2019
/** 23:59:59 on a calendar day in São Paulo. */
const endOfDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 23 + 3, 59, 59);

function coupon(id: string, patch: Partial<Coupon> = {}): Coupon {
  return {
    id,
    programId: 'aliexpress',
    title: `Coupon ${id}`,
    value: 3,
    currency: 'USD',
    state: 'available',
    addedAt: NOW - DAY,
    dedupeKey: id,
    expiresAt: NOW + 2 * DAY,
    ...patch,
  };
}

/** Unfolds and splits into logical lines, the way a calendar reader does. */
const logical = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');
const events = (ics: string) =>
  ics
    .replace(/\r\n /g, '')
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((e) => e.split('END:VEVENT')[0] ?? '');

describe('couponsToIcs', () => {
  it('is a VCALENDAR with VERSION and PRODID, CRLF line endings only', () => {
    const ics = couponsToIcs([coupon('c1')], { now: NOW, timeZone: ZONE });
    const lines = logical(ics);
    expect(lines.slice(0, 3)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//RefShare//Coupon expiry dates//EN',
    ]);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes one event per available coupon with an expiry, none for used, expired or undated ones', () => {
    const coupons = [
      coupon('soon', { expiresAt: NOW + HOUR }),
      coupon('later', { expiresAt: NOW + 10 * DAY }),
      coupon('used', { state: 'used', usedAt: NOW - HOUR }),
      coupon('stored-expired', { state: 'expired', expiresAt: NOW - DAY }),
      // Stored as available but past its expiry: expired by time, so no reminder.
      coupon('lapsed', { expiresAt: NOW - 1 }),
      coupon('undated', { expiresAt: undefined }),
    ];
    const ics = couponsToIcs(coupons, { now: NOW, timeZone: ZONE });
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(2);
    expect(ics.match(/^END:VEVENT$/gm)).toHaveLength(2);
    expect(events(ics).map((e) => e.match(/^UID:(.*)$/m)?.[1])).toEqual(['soon@refshare', 'later@refshare']);
    expect(exportableCoupons(coupons, NOW).map((c) => c.id)).toEqual(['soon', 'later']);
  });

  it('gives each event a stable UID, a DTSTAMP, a summary and an alarm', () => {
    const ics = couponsToIcs([coupon('c1', { expiresAt: Date.UTC(2026, 10, 26, 15, 0) })], {
      now: NOW,
      timeZone: ZONE,
    });
    const [e] = events(ics);
    expect(e).toContain('UID:c1@refshare\r\n');
    expect(e).toContain('DTSTAMP:20261124T120000Z\r\n');
    expect(e).toContain('DTSTART:20261126T150000Z\r\n');
    expect(e).toContain('SUMMARY:Coupon expires: Coupon c1\r\n');
    expect(e).toMatch(
      /BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Coupon expires: Coupon c1\r\nTRIGGER:-P1D\r\nEND:VALARM/,
    );
    expect(couponsToIcs([coupon('c1')], { now: NOW + HOUR, timeZone: ZONE })).toContain('UID:c1@refshare\r\n');
  });

  it('makes an end-of-day expiry an all-day event on that local day, reminded the morning before', () => {
    const ics = couponsToIcs([coupon('eod', { expiresAt: endOfDay(2026, 11, 30) })], { now: NOW, timeZone: ZONE });
    const [e] = events(ics);
    expect(e).toContain('DTSTART;VALUE=DATE:20261130\r\n');
    expect(e).toContain('DTEND;VALUE=DATE:20261201\r\n');
    expect(e).toContain('TRIGGER:-PT15H\r\n');
    // The same instant is another day's 02:59 in UTC: a timed event there.
    expect(
      couponsToIcs([coupon('eod', { expiresAt: endOfDay(2026, 11, 30) })], { now: NOW, timeZone: 'UTC' }),
    ).toContain('DTSTART:20261201T025959Z');
  });

  it('rolls the all-day end over a year boundary', () => {
    const ics = couponsToIcs([coupon('nye', { expiresAt: endOfDay(2026, 12, 31) })], { now: NOW, timeZone: ZONE });
    expect(ics).toContain('DTEND;VALUE=DATE:20270101\r\n');
  });

  it('escapes hostile titles so they cannot add properties or events', () => {
    const title = 'US $3, off; \\ <img src=x onerror=alert(1)>\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:pwned';
    const ics = couponsToIcs([coupon('h', { title })], {
      now: NOW,
      timeZone: ZONE,
      description: (c) => `Code: ${c.title}`,
    });
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(logical(ics).filter((l) => l.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:Coupon expires: US $3\\, off\\; \\\\ <img src=x onerror=alert(1)>\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned',
    ]);
    expect(logical(ics)).toContain(
      'DESCRIPTION:Code: US $3\\, off\\; \\\\ <img src=x onerror=alert(1)>\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned',
    );
  });

  it('folds long lines at 75 octets, also for multi-byte titles', () => {
    const title = `Cupom de ${'desconto ção 😀 '.repeat(8)}`;
    const ics = couponsToIcs([coupon('long', { title })], {
      now: NOW,
      timeZone: ZONE,
      summary: (c) => `O cupom expira: ${c.title}`,
    });
    const physical = ics.split('\r\n');
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    expect(logical(ics)).toContain(`SUMMARY:O cupom expira: ${title}`);
  });

  it('names the calendar when asked, and lists events by expiry', () => {
    const ics = couponsToIcs([coupon('b', { expiresAt: NOW + 3 * DAY }), coupon('a', { expiresAt: NOW + DAY })], {
      now: NOW,
      timeZone: ZONE,
      calendarName: 'RefShare, coupons',
    });
    expect(ics).toContain('X-WR-CALNAME:RefShare\\, coupons\r\n');
    expect(events(ics).map((e) => e.match(/^UID:(.*)$/m)?.[1])).toEqual(['a@refshare', 'b@refshare']);
  });

  it('is a valid empty calendar when nothing qualifies', () => {
    expect(couponsToIcs([], { now: NOW, timeZone: ZONE })).not.toContain('VEVENT');
  });
});
