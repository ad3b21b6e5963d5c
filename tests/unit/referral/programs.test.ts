import { describe, expect, it } from 'vitest';
import { parseLink } from '@/lib/referral/links';
import { customProgram } from '@/lib/referral/programs/custom';
import { validateCustomProgram } from '@/lib/referral/programs/customCheck';
import { allPrograms, BUILT_IN_PROGRAMS, findProgram } from '@/lib/referral/programs/index';
import { HOUR } from '@/lib/referral/time';
import type { CustomProgramData } from '@/lib/referral/types';

const NOW = Date.UTC(2025, 2, 10);

describe.each(BUILT_IN_PROGRAMS.map((p) => [p.name, p] as const))('built-in program %s', (_name, program) => {
  it('has link examples that parse to it', () => {
    expect(program.linkExamples.length).toBeGreaterThan(0);
    for (const example of program.linkExamples) {
      const r = parseLink(example, BUILT_IN_PROGRAMS, program.id);
      expect(r.ok && r.link.programId).toBe(program.id);
    }
  });

  it('has share texts in en, es and pt that carry the link', () => {
    for (const locale of ['en', 'es', 'pt'] as const) expect(program.shareTexts[locale]).toContain('{link}');
    expect(new Set(Object.values(program.shareTexts)).size).toBe(3);
  });

  it('has versioned rules and well-formed hosts', () => {
    expect(program.rules.version).toBeGreaterThanOrEqual(1);
    expect(program.rules.rewardDelayMs).toBeGreaterThan(0);
    expect(program.rules.perkText).not.toBe('');
    for (const pattern of program.shoppingHosts) expect(pattern).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    for (const host of program.linkHosts) expect(host).toMatch(/^(\*\.)?[a-z0-9.-]+$/);
  });
});

const form = {
  name: 'Café Shop',
  shoppingHosts: ['shop.example.com', '*.Example.org'],
  linkPattern: 'https://shop.example.com/invite/{code}',
  rewardDelayHours: 48,
  perkText: '10% off',
};

describe('validateCustomProgram', () => {
  it('accepts a complete form and derives the id from the name', () => {
    expect(validateCustomProgram(form, NOW)).toEqual({
      ok: true,
      program: {
        id: 'custom:cafe-shop',
        name: 'Café Shop',
        shoppingHosts: ['shop.example.com', '*.example.org'],
        linkPattern: 'https://shop.example.com/invite/{code}',
        rewardDelayHours: 48,
        perkText: '10% off',
        createdAt: NOW,
      },
    });
  });

  it('keeps a valid existing id and creation time (renaming keeps links attached)', () => {
    const r = validateCustomProgram({ ...form, id: 'custom:old-name', createdAt: 5, name: 'New name' }, NOW);
    expect(r.ok && [r.program.id, r.program.createdAt]).toEqual(['custom:old-name', 5]);
    const forged = validateCustomProgram({ ...form, id: 'aliexpress' }, NOW);
    expect(forged.ok && forged.program.id).toBe('custom:cafe-shop');
  });

  it('names programs without Latin letters stably, or with newId', () => {
    const a = validateCustomProgram({ ...form, name: '淘宝' }, NOW);
    const b = validateCustomProgram({ ...form, name: '淘宝' }, NOW + 1);
    expect(a.ok && a.program.id).toMatch(/^custom:p-[a-z0-9]+$/);
    expect(a.ok && b.ok && a.program.id === b.program.id).toBe(true);
    const c = validateCustomProgram({ ...form, name: '淘宝' }, NOW, () => 'N3W-ID');
    expect(c.ok && c.program.id).toBe('custom:n3w-id');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no name', { name: '  ' }, /name/],
    ['long name', { name: 'x'.repeat(61) }, /1–60/],
    ['control char in name', { name: 'Shop\u202E' }, /control/],
    ['no hosts', { shoppingHosts: [] }, /host/],
    ['bad host', { shoppingHosts: ['shop example'] }, /not a valid host/],
    ['IP address host', { shoppingHosts: ['192.168.0.1'] }, /not a valid host/],
    ['host with path', { shoppingHosts: ['shop.example.com/x'] }, /not a valid host/],
    ['wildcard in the middle', { shoppingHosts: ['shop.*.com'] }, /not a valid host/],
    ['http pattern', { linkPattern: 'http://shop.example.com/invite/{code}' }, /https:\/\//],
    ['no {code}', { linkPattern: 'https://shop.example.com/invite/' }, /exactly once/],
    ['two {code}', { linkPattern: 'https://shop.example.com/{code}/{code}' }, /exactly once/],
    ['{code} in the host', { linkPattern: 'https://{code}.example.com/' }, /after the host/],
    ['credentials in the pattern', { linkPattern: 'https://u:p@shop.example.com/{code}' }, /user name/],
    ['zero delay', { rewardDelayHours: 0 }, /delay/],
    ['delay over 90 days', { rewardDelayHours: 24 * 90 + 1 }, /delay/],
    ['delay not a number', { rewardDelayHours: 'soon' }, /delay/],
    ['perk too long', { perkText: 'x'.repeat(201) }, /perk/],
  ])('refuses %s', (_label, change, message) => {
    const r = validateCustomProgram({ ...form, ...change }, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('refuses what is not an object', () => {
    expect(validateCustomProgram(null, NOW).ok).toBe(false);
  });
});

describe('customProgram', () => {
  const data: CustomProgramData = {
    ...form,
    id: 'custom:cafe-shop',
    shoppingHosts: ['shop.example.com', '*.example.org'],
    createdAt: NOW,
  };
  const program = customProgram(data);

  it('turns the data into a program', () => {
    expect(program).toMatchObject({
      id: 'custom:cafe-shop',
      name: 'Café Shop',
      shoppingHosts: ['*://shop.example.com/*', '*://*.example.org/*'],
      linkHosts: ['shop.example.com'],
      rules: { version: 1, rewardDelayMs: 48 * HOUR, perkText: '10% off' },
    });
    expect(customProgram({ ...data, perkText: undefined }).shareTexts.en).not.toContain('{perk}');
  });

  it.each<[string, string, string, string | null]>([
    ['plain', 'https://shop.example.com/invite/{code}', 'https://shop.example.com/invite/ABC123', 'ABC123'],
    [
      'with tracking',
      'https://shop.example.com/invite/{code}',
      'https://shop.example.com/invite/ABC123?utm=x',
      'ABC123',
    ],
    ['trailing slash', 'https://shop.example.com/invite/{code}', 'https://shop.example.com/invite/ABC123/', 'ABC123'],
    ['host case', 'https://shop.example.com/invite/{code}', 'https://SHOP.example.com/invite/ABC123', 'ABC123'],
    ['other path', 'https://shop.example.com/invite/{code}', 'https://shop.example.com/other/ABC123', null],
    ['no code', 'https://shop.example.com/invite/{code}', 'https://shop.example.com/invite/', null],
    ['code in query', 'https://shop.example.com/r?ref={code}', 'https://shop.example.com/r?ref=Ab-12&x=1', 'Ab-12'],
    ['suffix', 'https://shop.example.com/i/{code}-join', 'https://shop.example.com/i/AB-C-join', 'AB-C'],
    ['dot is literal, not a regex', 'https://shop.example.com/a.b/{code}', 'https://shop.example.com/aXb/ABC', null],
    ['plus is literal, not a regex', 'https://shop.example.com/a+/{code}', 'https://shop.example.com/aaa/ABC', null],
  ])('matches links literally: %s', (_label, linkPattern, link, code) => {
    const custom = customProgram({ ...data, linkPattern });
    const r = parseLink(link, [custom]);
    if (code === null) expect(r).toMatchObject({ ok: false, reason: 'not_an_invite_link' });
    else expect(r).toEqual({ ok: true, link: { programId: 'custom:cafe-shop', url: link, code, kind: 'url' } });
  });

  it('parses its own link example', () => {
    const r = parseLink(program.linkExamples[0] ?? '', [program]);
    expect(r.ok && r.link.code).toBe('ABC123');
  });

  it('accepts no bare codes', () => {
    expect(parseLink('ABC123', [program]).ok).toBe(false);
  });
});

describe('allPrograms and findProgram', () => {
  const data: CustomProgramData = { ...form, id: 'custom:cafe-shop', createdAt: NOW };

  it('lists built-ins first, then customs', () => {
    expect(allPrograms([data]).map((p) => p.id)).toEqual(['aliexpress', 'temu', 'custom:cafe-shop']);
  });

  it('finds built-in and custom programs by id', () => {
    expect(findProgram('temu', [])?.name).toBe('Temu');
    expect(findProgram('custom:cafe-shop', [data])?.name).toBe('Café Shop');
    expect(findProgram('custom:nope', [data])).toBeUndefined();
  });
});
