import { describe, expect, it } from 'vitest';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { supportMessage } from '@/lib/referral/supportMessage';
import { HOUR } from '@/lib/referral/time';

const PAID = Date.UTC(2025, 2, 10, 15, 5);
const DUE = PAID + 24 * HOUR;

describe('supportMessage', () => {
  it('states the first payment, the program delay and the due time, and nothing about the friend', () => {
    const text = supportMessage(aliexpress, PAID, DUE, 'en', 'UTC');
    expect(text).toContain('Hello AliExpress support team');
    expect(text).toContain('first payment on March 10, 2025 at 15:05 (UTC)');
    expect(text).toContain('within 24 h');
    expect(text).toContain('due by March 11, 2025 at 15:05 (UTC)');
  });

  it('is written in the user locale and time zone', () => {
    const text = supportMessage(aliexpress, PAID, DUE, 'pt', 'America/Sao_Paulo');
    expect(text).toContain('10 de março de 2025 às 12:05 (America/Sao_Paulo)');
    expect(supportMessage(aliexpress, PAID, DUE, 'es', 'UTC')).toContain('Hola, equipo de soporte de AliExpress');
  });
});
