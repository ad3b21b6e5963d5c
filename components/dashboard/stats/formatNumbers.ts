import type { Locale } from '@/lib/referral/types';

/** A count with the locale's digit grouping ("100,000", "100.000"). */
export function count(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A share from 0 to 1 as a percentage; one decimal below 10 % so small rates do not read as 0 %. */
export function percent(rate: number, locale: Locale): string {
  const digits = rate > 0 && rate < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(rate);
}

/** Sums amounts per currency in cents, so 0.1 + 0.2 stays 0.3. */
export function sumByCurrency(parts: Record<string, number>[]): Record<string, number> {
  const cents: Record<string, number> = {};
  for (const part of parts) {
    for (const [currency, value] of Object.entries(part)) {
      cents[currency] = (cents[currency] ?? 0) + Math.round(value * 100);
    }
  }
  return Object.fromEntries(Object.entries(cents).map(([currency, v]) => [currency, v / 100]));
}
