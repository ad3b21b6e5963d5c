import { t } from '@/lib/i18n/t';
import type { Coupon, Locale } from '@/lib/referral/types';
import { money } from '@/lib/referral/words';

/** True when a moment is the last minute of a local day: the coupon lasts "until the end of" that day. */
function isEndOfDay(at: number): boolean {
  const d = new Date(at);
  return d.getHours() === 23 && d.getMinutes() === 59;
}

/** A calendar date ("26 Nov 2026"), with the time too unless the moment is the end of the day. */
export function dateLabel(at: number, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions = isEndOfDay(at)
    ? { dateStyle: 'medium' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

/** The end (23:59:59.999, local time) of a day picked in an `<input type="date">` ('YYYY-MM-DD'). */
export function endOfLocalDay(isoDate: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).getTime();
}

/** The coupon's details as plain lines, for the calendar event's description. */
export function couponDescription(c: Coupon, programName: string, locale: Locale): string {
  return [
    t('couponsIcsValue', money(c.value, c.currency, locale)),
    c.minSpend === undefined ? '' : t('couponsMinSpend', money(c.minSpend, c.currency, locale)),
    c.code === undefined ? '' : t('couponsIcsCode', c.code),
    t('couponsIcsProgram', programName),
  ]
    .filter((line) => line !== '')
    .join('\n');
}
