import { DAY, HOUR } from '@/lib/referral/time';

/** Month names and their abbreviations in English, Spanish and Portuguese: a word names a month when it starts one. */
const MONTH_NAMES = [
  'january enero janeiro',
  'february febrero fevereiro',
  'march marzo março',
  'april abril',
  'may mayo maio',
  'june junio junho',
  'july julio julho',
  'august agosto',
  'september septiembre setiembre setembro',
  'october octubre outubro',
  'november noviembre novembro',
  'december diciembre dezembro',
].map((names) => names.split(' '));

const TIME = '(?:,?\\s*(?:at\\s+|às\\s+|a las\\s+)?(\\d{1,2}):(\\d{2}))?';
/** 2026-12-31, 2026/12/31, 2026.12.31 */
const ISO = new RegExp(`(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)${TIME}`, 'g');
/** Dec 31, 2026 · December 31st 2026 · Dec 31 (year taken from now) */
const NAME_FIRST = new RegExp(`(\\p{L}{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?${TIME}`, 'gu');
/** 31 Dec 2026 · 31 de diciembre de 2026 · 31 dez. 2026 (the year is required: "5 mar" is too often not a date) */
const DAY_FIRST = new RegExp(`(\\d{1,2})(?:\\s+de)?\\s+(\\p{L}{3,})\\.?,?\\s+(?:de\\s+)?(\\d{4})${TIME}`, 'gu');
/** 31/12/2026 · 12/31/2026 · 31.12.2026 */
const NUMERIC = new RegExp(`(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${TIME}`, 'g');
/** in 3 days · en 3 días · em 3 dias · in 5 hours */
const RELATIVE = /\b(?:in|en|em)\s+(\d{1,3})\s*(days?|d[ií]as?|hours?|horas?)(?![\p{L}])/giu;

/** Words that say a line is about validity, so an unreadable date there is a reason to skip the coupon. */
const EXPIRY_WORDS =
  /expir|valid\s+(?:until|till|through|thru|to|from)|válid[oa]s?\s+(?:hasta|até|de|desde)|vence|vencim|caduc|\bends\s+(?:on|in)\b/i;

export type Expiry = { ok: true; at?: number } | { ok: false };

function at(y: number, mo: number, d: number, h?: string, mi?: string): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  // Without a time, the coupon is good for the whole day, as in the add-coupon form (end of the local day).
  const date =
    h === undefined ? new Date(y, mo - 1, d, 23, 59, 59, 999) : new Date(y, mo - 1, d, Number(h), Number(mi));
  return date.getMonth() === mo - 1 && date.getDate() === d ? date.getTime() : undefined;
}

/** 1–12 for "Dec", "diciembre", "dez"; undefined for other words ("over", "mais"). */
function month(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((names) => names.some((n) => n.startsWith(w)));
  return i === -1 ? undefined : i + 1;
}

/** A year-less date is this year's, or next year's when this year's has already passed. */
function withYear(year: string | undefined, mo: number, d: number, now: number, h?: string, mi?: string) {
  if (year) return at(Number(year), mo, d, h, mi);
  const y = new Date(now).getFullYear();
  const t = at(y, mo, d, h, mi);
  return t !== undefined && t < now ? at(y + 1, mo, d, h, mi) : t;
}

/** Every date in the text, with its position. */
function dates(text: string, now: number, monthFirst: boolean): { index: number; at: number }[] {
  const out: { index: number; at: number }[] = [];
  const push = (index: number | undefined, t: number | undefined) => {
    if (t !== undefined) out.push({ index: index ?? 0, at: t });
  };
  for (const m of text.matchAll(ISO)) push(m.index, at(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]));
  for (const m of text.matchAll(NAME_FIRST)) {
    const mo = month(m[1] ?? '');
    if (mo) push(m.index, withYear(m[3], mo, Number(m[2]), now, m[4], m[5]));
  }
  for (const m of text.matchAll(DAY_FIRST)) {
    const mo = month(m[2] ?? '');
    if (mo) push(m.index, withYear(m[3], mo, Number(m[1]), now, m[4], m[5]));
  }
  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // 31/12 can only be day first and 12/31 only month first; 05/06 follows the page's language.
    const dayFirst = a > 12 || (b <= 12 && !monthFirst);
    push(m.index, at(Number(m[3]), dayFirst ? b : a, dayFirst ? a : b, m[4], m[5]));
  }
  for (const m of text.matchAll(RELATIVE)) {
    const n = Number(m[1]);
    const end = new Date(now + n * DAY).setHours(23, 59, 59, 999);
    push(m.index, /^h/i.test(m[2] ?? '') ? now + n * HOUR : end);
  }
  return out.sort((x, y) => x.index - y.index);
}

/**
 * The expiry a coupon's text states: the last date in it ("Valid Dec 1 – Dec 31, 2026" ends on the 31st).
 * `{ ok: true }` without `at` when the text says nothing about expiry; `{ ok: false }` when it talks about
 * validity but no date can be read (better to skip the coupon than to store it as never expiring).
 */
export function readExpiry(text: string, now: number, monthFirst: boolean): Expiry {
  const found = dates(text, now, monthFirst);
  const last = found[found.length - 1];
  if (last) return { ok: true, at: last.at };
  return EXPIRY_WORDS.test(text) ? { ok: false } : { ok: true };
}

/** True when the line states a date or talks about validity (so it is not the coupon's title). */
export function isExpiryLine(line: string, now: number): boolean {
  return EXPIRY_WORDS.test(line) || dates(line, now, true).length > 0;
}
