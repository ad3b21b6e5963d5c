import { DAY, HOUR, MINUTE } from './time';
import type { Locale } from './types';

/**
 * Calendar wording in a given IANA time zone, built on Intl.DateTimeFormat (no date library: the engine stays
 * small and pure). Formatters are cached because stats and pending texts format many dates in a row.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(cacheKey);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // An unknown zone name (e.g. from an old backup) must not break the UI: fall back to UTC.
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
    formatters.set(cacheKey, f);
  }
  return f;
}

function parts(at: number, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter('en', timeZone, options).formatToParts(at)) out[p.type] = p.value;
  return out;
}

/** Year, month (1–12) and day of `at` in `timeZone`. */
export function calendarDate(at: number, timeZone: string): { year: number; month: number; day: number } {
  const p = parts(at, timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' });
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}

/** Whole calendar days from the day of `now` to the day of `at`, in `timeZone` (1 = tomorrow, -1 = yesterday). */
function dayOffset(at: number, now: number, timeZone: string): number {
  const a = calendarDate(at, timeZone);
  const b = calendarDate(now, timeZone);
  return Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / DAY);
}

/** 24-hour clock time "HH:mm" of `at` in `timeZone`. */
export function clockTime(at: number, timeZone: string): string {
  const p = parts(at, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${(p.hour ?? '00').padStart(2, '0')}:${(p.minute ?? '00').padStart(2, '0')}`;
}

/** Localised calendar date of `at`, with the year only when it differs from the year of `now`. */
function calendarLabel(at: number, now: number, locale: Locale, timeZone: string): string {
  const sameYear = calendarDate(at, timeZone).year === calendarDate(now, timeZone).year;
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { day: 'numeric', month: 'long' }
    : { day: 'numeric', month: 'long', year: 'numeric' };
  return formatter(locale, timeZone, options).format(at);
}

/** Localised calendar date of `at` with the year, for text read later out of context (support messages). */
export function fullDate(at: number, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

const DAY_WORDS: Record<Locale, { today: string; tomorrow: string; yesterday: string }> = {
  en: { today: 'today', tomorrow: 'tomorrow', yesterday: 'yesterday' },
  es: { today: 'hoy', tomorrow: 'mañana', yesterday: 'ayer' },
  pt: { today: 'hoje', tomorrow: 'amanhã', yesterday: 'ontem' },
};

function relativeWord(at: number, now: number, locale: Locale, timeZone: string): string | undefined {
  const offset = dayOffset(at, now, timeZone);
  const words = DAY_WORDS[locale];
  return offset === 0 ? words.today : offset === 1 ? words.tomorrow : offset === -1 ? words.yesterday : undefined;
}

const DATE_PREPOSITION: Record<Locale, string> = { en: 'on', es: 'el', pt: 'em' };

/**
 * A moment, relative to `now` when close: "14:05 tomorrow", "mañana a las 14:05", "em 12 de março às 14:05".
 * `datePreposition` replaces the word before a calendar date, where the sentence already has one
 * (Portuguese "até 12 de março", not "até em 12 de março"); '' for none.
 */
export function momentPhrase(
  at: number,
  now: number,
  locale: Locale,
  timeZone: string,
  datePreposition = DATE_PREPOSITION[locale],
): string {
  const time = clockTime(at, timeZone);
  const word = relativeWord(at, now, locale, timeZone);
  const date = `${datePreposition} ${calendarLabel(at, now, locale, timeZone)}`.trim();
  if (locale === 'es') return word ? `${word} a las ${time}` : `${date} a las ${time}`;
  if (locale === 'pt') return word ? `${word} às ${time}` : `${date} às ${time}`;
  return word ? `${time} ${word}` : `${time} ${date}`;
}

/** A day, relative to `now` when close: "yesterday", "on March 12", "el 12 de marzo", "em 12 de março". */
export function dayPhrase(at: number, now: number, locale: Locale, timeZone: string): string {
  return (
    relativeWord(at, now, locale, timeZone) ?? `${DATE_PREPOSITION[locale]} ${calendarLabel(at, now, locale, timeZone)}`
  );
}

/** A program delay in words: "24 h", "3 days", "90 min". Hours up to two days read better than "1 day". */
export function delayPhrase(ms: number, locale: Locale): string {
  if (ms >= 2 * DAY && ms % DAY === 0) {
    const days = ms / DAY;
    return locale === 'es' ? `${days} días` : locale === 'pt' ? `${days} dias` : `${days} days`;
  }
  if (ms % HOUR === 0) return `${ms / HOUR} h`;
  return `${Math.round(ms / MINUTE)} min`;
}
