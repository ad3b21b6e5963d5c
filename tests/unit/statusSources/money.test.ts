import { describe, expect, it } from 'vitest';
import { findMoney, parseAmount } from '@/lib/statusSources/money';

describe('amounts as shops print them', () => {
  it.each([
    ['US $3.00', 3, 'USD'],
    ['US$3', 3, 'USD'],
    ['€2,50', 2.5, 'EUR'],
    ['2,50 €', 2.5, 'EUR'],
    ['R$ 5,00', 5, 'BRL'],
    ['R$ 1.234,56', 1234.56, 'BRL'],
    ['US $1,234.56', 1234.56, 'USD'],
    ['1\u00a0234,56 €', 1234.56, 'EUR'],
    ['£10', 10, 'GBP'],
    ['CA $4.99', 4.99, 'CAD'],
    ['MX$150', 150, 'MXN'],
    ['EUR 7,00', 7, 'EUR'],
    ['12.00 USD', 12, 'USD'],
  ])('%s → %d %s', (text, value, currency) => {
    expect(findMoney(text)).toMatchObject([{ value, currency }]);
  });

  it.each([
    ['a bare "$" without a site currency', '$3.00'],
    ['three capitals that are no currency', '20 OFF'],
    ['a percentage', '5% off'],
    ['a date', 'Expires 2026-12-31'],
  ])('finds nothing in %s', (_name, text) => {
    expect(findMoney(text)).toEqual([]);
  });

  it('a bare "$" is the currency the site says it is', () => {
    expect(findMoney('$3.00', 'USD')).toMatchObject([{ value: 3, currency: 'USD' }]);
  });

  it('finds every amount, in order, with where it is', () => {
    expect(findMoney('US $3.00 off orders over US $20.00')).toEqual([
      { value: 3, currency: 'USD', index: 0, end: 8 },
      { value: 20, currency: 'USD', index: 25, end: 34 },
    ]);
  });

  it.each([
    ['3', 3],
    ['3.5', 3.5],
    ['2,50', 2.5],
    ['1,000', 1000],
    ['1.000', 1000],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
  ])('parseAmount(%s) = %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });
});
