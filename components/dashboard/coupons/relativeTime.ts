import { DAY, HOUR, MINUTE } from '@/lib/referral/time';
import type { Locale } from '@/lib/referral/types';

/** Largest unit first: a distance of at least `min` is counted in `unit`s of `size`. */
const UNITS: { min: number; unit: Intl.RelativeTimeFormatUnit; size: number }[] = [
  { min: 365 * DAY, unit: 'year', size: 365 * DAY },
  { min: 60 * DAY, unit: 'month', size: 30 * DAY },
  // Hours up to two days: "in 30 hours" is more honest than "in 1 day" when it is nearly gone tomorrow.
  { min: 2 * DAY, unit: 'day', size: DAY },
  { min: HOUR, unit: 'hour', size: HOUR },
  { min: 0, unit: 'minute', size: MINUTE },
];

const formats = new Map<Locale, Intl.RelativeTimeFormat>();

function format(locale: Locale): Intl.RelativeTimeFormat {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
    formats.set(locale, f);
  }
  return f;
}

/**
 * How far `at` is from `now`, in the locale's words: "in 2 days" / "3 days ago", "en 2 días" / "hace 3 días",
 * "em 2 dias" / "há 3 dias". `past` says which side of now it is, so the caller picks "Expires …" or
 * "Expired …". Counts round down, so a countdown never promises more time than is left (minimum 1 minute).
 */
export function relativeTime(at: number, now: number, locale: Locale): { past: boolean; phrase: string } {
  const past = at <= now;
  const distance = Math.abs(at - now);
  const { unit, size } = UNITS.find((u) => distance >= u.min) ?? { unit: 'minute', size: MINUTE };
  const count = Math.max(1, Math.floor(distance / size));
  return { past, phrase: format(locale).format(past ? -count : count, unit) };
}
