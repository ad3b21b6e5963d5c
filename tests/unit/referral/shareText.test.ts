import { describe, expect, it } from 'vitest';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import { defaultShareText, measureForChannel, renderShareText } from '@/lib/referral/shareText';

const vars = { link: 'https://a.aliexpress.com/_mKXyZab', program: 'AliExpress', perk: 'new-user coupons' };

describe('renderShareText', () => {
  it.each<[string, string, Parameters<typeof renderShareText>[1], string]>([
    [
      'all variables',
      '{nickname}: {program} {perk} {code} {link}',
      { ...vars, code: 'INABCD12', nickname: 'Ana' },
      'Ana: AliExpress new-user coupons INABCD12 https://a.aliexpress.com/_mKXyZab',
    ],
    [
      'greeting without nickname',
      'Hi {nickname}, join {program}: {link}',
      vars,
      'Hi, join AliExpress: https://a.aliexpress.com/_mKXyZab',
    ],
    [
      'greeting with nickname',
      'Hi {nickname}, join {program}: {link}',
      { ...vars, nickname: 'Ana' },
      'Hi Ana, join AliExpress: https://a.aliexpress.com/_mKXyZab',
    ],
    ['missing value before "!"', 'Hey {nickname}!', vars, 'Hey!'],
    ['missing value at the start', '{nickname}, join {program}', vars, 'join AliExpress'],
    ['missing value mid-sentence', 'Use code {code} at checkout', vars, 'Use code at checkout'],
    [
      'missing value between two others',
      '{program} {code} {link}',
      vars,
      'AliExpress https://a.aliexpress.com/_mKXyZab',
    ],
    ['missing value before a newline', 'Code: {code}\n{link}', vars, 'Code:\nhttps://a.aliexpress.com/_mKXyZab'],
    [
      'missing value at line start',
      'Hello\n{nickname}, see {link}',
      vars,
      'Hello\nsee https://a.aliexpress.com/_mKXyZab',
    ],
    [
      'steps on their own lines',
      'Join: {link}\n{steps}',
      { ...vars, steps: '1. Open the link\n2. Sign up' },
      'Join: https://a.aliexpress.com/_mKXyZab\n1. Open the link\n2. Sign up',
    ],
    [
      'a missing variable alone on the last line takes its line',
      'Join: {link}\n{steps}',
      vars,
      'Join: https://a.aliexpress.com/_mKXyZab',
    ],
    ['a missing variable alone on a middle line takes its line', 'A\n{steps}\nB', vars, 'A\nB'],
    [
      'a missing variable alone on the first line takes its line',
      '{steps}\n{link}',
      vars,
      'https://a.aliexpress.com/_mKXyZab',
    ],
    ['empty string counts as missing', 'Hi {nickname}, go', { ...vars, nickname: '' }, 'Hi, go'],
    ['unknown variables stay', 'Hi {name} {Link} {link}', vars, 'Hi {name} {Link} https://a.aliexpress.com/_mKXyZab'],
    [
      'values are not re-scanned',
      'For {nickname}: {link}',
      { ...vars, nickname: '{link}' },
      'For {link}: https://a.aliexpress.com/_mKXyZab',
    ],
    [
      'the rest of the template is untouched',
      'Wow  ,  really ! {link}',
      vars,
      'Wow  ,  really ! https://a.aliexpress.com/_mKXyZab',
    ],
    [
      'markup stays plain text',
      '<b>{nickname}</b> {link}',
      { ...vars, nickname: '<img src=x>' },
      '<b><img src=x></b> https://a.aliexpress.com/_mKXyZab',
    ],
  ])('%s', (_label, template, v, expected) => {
    const out = renderShareText(template, v);
    expect(out).toBe(expected);
    expect(out).not.toContain('undefined');
  });

  it('renders every default text cleanly with and without a nickname', () => {
    for (const program of [aliexpress, temu]) {
      for (const locale of ['en', 'es', 'pt'] as const) {
        const template = defaultShareText(program, locale);
        const without = renderShareText(template, { ...vars, program: program.name, perk: program.rules.perkText });
        const withName = renderShareText(template, {
          ...vars,
          program: program.name,
          perk: program.rules.perkText,
          nickname: 'Ana',
        });
        expect(without).toMatch(/^\p{Lu}\p{Ll}+, /u);
        expect(withName).toMatch(/^\p{Lu}\p{Ll}+ Ana, /u);
        for (const text of [without, withName]) {
          expect(text).toContain(program.name);
          expect(text.endsWith(vars.link)).toBe(true);
          expect(text).not.toMatch(/ {2}|\{|undefined/);
        }
      }
    }
  });
});

describe('defaultShareText', () => {
  it('picks the locale', () => {
    expect(defaultShareText(aliexpress, 'es')).toBe(aliexpress.shareTexts.es);
    expect(defaultShareText(aliexpress, 'pt')).toMatch(/link de convite/);
  });
});

describe('measureForChannel', () => {
  const longUrl = `https://star.aliexpress.com/share/share.htm?${'x'.repeat(300)}`;

  it.each<[string, string, number]>([
    ['plain ASCII', 'Hello', 5],
    ['a long URL counts 23', `Join me ${longUrl}`, 8 + 23],
    ['two URLs', `${longUrl} and http://x.co/a`, 23 + 5 + 23],
    ['trailing period is not part of the URL', `See ${longUrl}.`, 4 + 23 + 1],
    ['CJK weighs 2', '速卖通', 6],
    ['accented Latin weighs 1', 'Olá, você', 9],
    ['emoji weighs 2', 'Hi 😀', 5],
    ['ZWJ family is one emoji', '👨‍👩‍👧', 2],
    ['flag is one emoji', '🇧🇷', 2],
    ['decomposed accent is normalised', 'e\u0301', 1],
  ])('X: %s', (_label, text, length) => {
    expect(measureForChannel(text, 'x')).toEqual({ length, limit: 280, fits: length <= 280 });
  });

  it('X: 280 fits, 281 does not', () => {
    expect(measureForChannel('a'.repeat(280), 'x').fits).toBe(true);
    expect(measureForChannel('a'.repeat(281), 'x').fits).toBe(false);
    expect(measureForChannel(`${'a'.repeat(257)}${longUrl}`, 'x')).toEqual({ length: 280, limit: 280, fits: true });
  });

  it.each<[string, string, number, number, 'GSM-7' | 'UCS-2', boolean]>([
    ['160 GSM characters: one SMS', 'a'.repeat(160), 160, 1, 'GSM-7', true],
    ['161 GSM characters: two segments', 'a'.repeat(161), 161, 2, 'GSM-7', false],
    ['306 GSM characters: two segments', 'a'.repeat(306), 306, 2, 'GSM-7', false],
    ['307 GSM characters: three segments', 'a'.repeat(307), 307, 3, 'GSM-7', false],
    ['GSM accents and Greek', 'àéÑΔ@£', 6, 1, 'GSM-7', true],
    ['extension characters count twice', '€{}', 6, 1, 'GSM-7', true],
    ['a Portuguese "ç" forces UCS-2', 'Você', 4, 1, 'UCS-2', true],
    ['emoji takes two UTF-16 units', 'Hi 😀', 5, 1, 'UCS-2', true],
    ['70 UCS-2 units: one SMS', `😀${'a'.repeat(68)}`, 70, 1, 'UCS-2', true],
    ['71 UCS-2 units: two segments', `😀${'a'.repeat(69)}`, 71, 2, 'UCS-2', false],
    ['135 UCS-2 units: three segments', `ç${'a'.repeat(134)}`, 135, 3, 'UCS-2', false],
  ])('SMS: %s', (_label, text, length, segments, encoding, fits) => {
    expect(measureForChannel(text, 'sms')).toEqual({
      length,
      limit: encoding === 'GSM-7' ? 160 : 70,
      fits,
      segments,
      encoding,
    });
  });

  it.each(['whatsapp', 'telegram', 'email', 'facebook', 'copy', 'qr', 'webshare', 'other'] as const)(
    '%s: no limit',
    (channel) => {
      expect(measureForChannel(`${'a'.repeat(5000)}😀`, channel)).toEqual({ length: 5001, fits: true });
    },
  );
});
