import { describe, expect, it } from 'vitest';
import { validateNickname } from '@/lib/referral/nickname';

const CONTACT = "Use a nickname, not contact details: RefShare never stores your friends' contact data";

describe('validateNickname', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['no nickname', undefined, undefined],
    ['empty', '', undefined],
    ['blank', '   ', undefined],
    ['simple', 'Ana', 'Ana'],
    ['trimmed', '  María José ', 'María José'],
    ['Arabic (RTL)', 'سارة', 'سارة'],
    ['Hebrew (RTL)', 'נועה מהעבודה', 'נועה מהעבודה'],
    ['emoji with joiner', '👩‍💻 Bia', '👩‍💻 Bia'],
    ['a year is not a phone', 'Ana 2024', 'Ana 2024'],
    ['an @ with spaces is not a handle', 'Ana @ work', 'Ana @ work'],
    ['initials with dots', 'J.R. Smith', 'J.R. Smith'],
    ['40 characters', 'a'.repeat(40), 'a'.repeat(40)],
  ])('accepts %s', (_label, input, nickname) => {
    expect(validateNickname(input)).toEqual(nickname === undefined ? { ok: true } : { ok: true, nickname });
  });

  it.each<[string, string, string | RegExp]>([
    ['an email address', 'ana@example.com', CONTACT],
    ['an email among words', 'Ana (ana.silva@mail.br)', CONTACT],
    ['a phone number with separators', '+55 11 91234-5678', CONTACT],
    ['seven digits', 'Ana 1234567', CONTACT],
    ['Arabic-Indic digits', 'سارة ٠١٢٣٤٥٦٧', CONTACT],
    ['a URL', 'https://instagram.com/ana', CONTACT],
    ['a bare domain', 'ana.com', CONTACT],
    ['www', 'www.ana', CONTACT],
    ['a social handle', '@ana_99', CONTACT],
    ['41 characters', 'a'.repeat(41), /40 characters/],
    ['a bidi override', 'Ana\u202Eoob', /U\+202E/],
    ['a control character', 'Ana\u0007', /U\+0007/],
    ['a zero-width space', 'A\u200Bna', /U\+200B/],
  ])('refuses %s', (_label, input, message) => {
    const r = validateNickname(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
