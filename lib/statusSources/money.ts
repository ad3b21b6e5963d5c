/** An amount of money found in page text, with where it was. */
export interface Money {
  value: number;
  currency: string;
  /** Where the amount starts and ends in the text (to tell "US $3 off" from "orders over US $20" or "$20+"). */
  index: number;
  end: number;
}

/** Signs shops print before or after amounts, longest first so "US $" wins over "$". */
const SIGNS: [string, string][] = [
  ['US $', 'USD'],
  ['US$', 'USD'],
  ['CA $', 'CAD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU $', 'AUD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['₽', 'RUB'],
  ['zł', 'PLN'],
];

/** ISO 4217 codes the runtime knows, so "20 OFF" is not read as 20 of a currency called OFF. */
const ISO = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'EUR', 'BRL', 'GBP'],
);

const escapeRegExp = (s: string) => s.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
const SIGN = `${SIGNS.map(([s]) => escapeRegExp(s)).join('|')}|[A-Z]{3}|\\$`;
/** 3 | 3.00 | 2,50 | 1,234.56 | 1.234,56 | 1 234,56 (plain, no-break or narrow no-break space). */
const NUMBER = '\\d+(?:[.,\\u00a0\\u202f ]\\d{3}(?!\\d))*(?:[.,]\\d{1,2}(?!\\d))?';
const MONEY = new RegExp(`(?<![A-Za-z])(${SIGN})\\s?(${NUMBER})|(${NUMBER})\\s?(${SIGN})(?![A-Za-z])`, 'g');

/** "1.234,56" → 1234.56; "2,50" → 2.5; "1,000" → 1000 (a separator before exactly 3 digits groups thousands). */
export function parseAmount(text: string): number {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  if (last === -1) return Number(digits);
  const decimals = digits.length - last - 1;
  const whole = digits.slice(0, last).replace(/[.,]/g, '');
  return decimals === 3 ? Number(whole + digits.slice(last + 1)) : Number(`${whole}.${digits.slice(last + 1)}`);
}

function currencyOf(sign: string, dollar: string | undefined): string | undefined {
  if (sign === '$') return dollar;
  const known = SIGNS.find(([s]) => s === sign);
  if (known) return known[1];
  return ISO.has(sign) ? sign : undefined;
}

/**
 * Every amount in `text` with a currency RefShare can name. A bare "$" is `dollar` (a site that prints "$"
 * for its own currency says which); without it such amounts are left out rather than guessed.
 */
export function findMoney(text: string, dollar?: string): Money[] {
  const found: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const sign = m[1] ?? m[4] ?? '';
    const currency = currencyOf(sign, dollar);
    const value = parseAmount(m[2] ?? m[3] ?? '');
    const index = m.index ?? 0;
    if (currency && Number.isFinite(value)) found.push({ value, currency, index, end: index + m[0].length });
  }
  return found;
}
