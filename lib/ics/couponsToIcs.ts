import { couponState } from '@/lib/referral/coupons';
import { calendarDate, clockTime } from '@/lib/referral/dates';
import type { Coupon } from '@/lib/referral/types';
import { dateValue, escapeText, foldLine, utcDateTime } from './icsText';

/** What the calendar says; the UI passes translated texts, the defaults are English. */
export interface IcsOptions {
  /** DTSTAMP, and what "available" means (a coupon past its expiry gets no event). */
  now: number;
  /** The user's IANA time zone: decides whether an expiry is "end of a day" and which day that is. */
  timeZone: string;
  summary?: (coupon: Coupon) => string;
  description?: (coupon: Coupon) => string | undefined;
  calendarName?: string;
}

/** Coupons worth a calendar entry: still available and with an expiry. */
export function exportableCoupons(coupons: Coupon[], now: number): (Coupon & { expiresAt: number })[] {
  return coupons.filter(
    (c): c is Coupon & { expiresAt: number } => c.expiresAt !== undefined && couponState(c, now) === 'available',
  );
}

/**
 * Expiry as calendar properties. A coupon that lasts until the end of a day (23:59 local, as the wallet's
 * own form stores it and as shops word it) is an all-day event on that day, reminded at 09:00 the day before
 * (-PT15H from the day's midnight) rather than at midnight. Any other expiry is a timed event at that
 * moment, reminded exactly one day before.
 */
function when(expiresAt: number, timeZone: string): { dates: string[]; trigger: string } {
  if (!clockTime(expiresAt, timeZone).startsWith('23:59')) {
    return { dates: [`DTSTART:${utcDateTime(expiresAt)}`], trigger: 'TRIGGER:-P1D' };
  }
  const { year, month, day } = calendarDate(expiresAt, timeZone);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return {
    dates: [
      `DTSTART;VALUE=DATE:${dateValue(year, month, day)}`,
      `DTEND;VALUE=DATE:${dateValue(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())}`,
    ],
    trigger: 'TRIGGER:-PT15H',
  };
}

function event(coupon: Coupon & { expiresAt: number }, options: IcsOptions): string[] {
  const summary = escapeText(options.summary?.(coupon) ?? `Coupon expires: ${coupon.title}`);
  const description = options.description?.(coupon);
  const { dates, trigger } = when(coupon.expiresAt, options.timeZone);
  return [
    'BEGIN:VEVENT',
    // Stable per coupon: importing the file again updates the same events instead of adding copies.
    `UID:${escapeText(`${coupon.id}@refshare`)}`,
    `DTSTAMP:${utcDateTime(options.now)}`,
    ...dates,
    `SUMMARY:${summary}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${summary}`,
    trigger,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/**
 * An iCalendar file (RFC 5545) with one event per available coupon that has an expiry: CRLF line endings,
 * escaped text, lines folded at 75 octets.
 */
export function couponsToIcs(coupons: Coupon[], options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//RefShare//Coupon expiry dates//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.calendarName ? [`X-WR-CALNAME:${escapeText(options.calendarName)}`] : []),
    ...exportableCoupons(coupons, options.now)
      .sort((a, b) => a.expiresAt - b.expiresAt || a.id.localeCompare(b.id))
      .flatMap((c) => event(c, options)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
