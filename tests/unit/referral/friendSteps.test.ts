import { afterEach, describe, expect, it } from 'vitest';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { setMessages } from '@/lib/i18n/t';
import { customProgram } from '@/lib/referral/programs/custom';
import { validateCustomProgram } from '@/lib/referral/programs/customCheck';
import { friendStepsFor } from '@/lib/referral/programs/friendSteps';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { CustomProgramData, Locale, Program } from '@/lib/referral/types';

const LOCALES: Locale[] = ['en', 'es', 'pt'];
const CASES = BUILT_IN_PROGRAMS.flatMap((program) => LOCALES.map((locale) => [program.id, locale, program] as const));
const messages = mergeLocales(localesDir(process.cwd()));
/** The steps as the UI shows them in `locale` (built-in programs' steps are messages). */
const stepsIn = (program: Program, locale: Locale) => {
  setMessages(messages[locale] ?? null, locale);
  return friendStepsFor(program);
};
const length = (text: string) => Array.from(text).length;

/** Words that say "register through the link" and "cancelled / refunded", per language. */
const THROUGH_LINK: Record<Locale, RegExp> = {
  en: /(register|sign up) through this link/i,
  es: /regístrate a través de este enlace/i,
  pt: /cadastre-se por este link/i,
};
const CANCELLED: Record<Locale, RegExp> = { en: /cancel/i, es: /cancel/i, pt: /cancel/i };
const REFUNDED: Record<Locale, RegExp> = { en: /refund/i, es: /reembols/i, pt: /reembols/i };

const SHOPLY: CustomProgramData = {
  id: 'custom:shoply',
  name: 'Shoply',
  shoppingHosts: ['shop.example.com'],
  linkPattern: 'https://example.com/invite/{code}',
  rewardDelayHours: 48,
  perkText: '10% off the first order',
  createdAt: 1_700_000_000_000,
};

afterEach(() => setMessages(null));

describe('friendStepsFor: built-in programs', () => {
  it('knows both built-in programs', () => {
    expect(BUILT_IN_PROGRAMS.map((p) => p.id).sort()).toEqual(['aliexpress', 'temu']);
  });

  it.each(CASES)(
    '%s (%s) has 3–4 steps of at most 80 characters, a compact line ≤ 120 and what the friend gets',
    (_id, locale, program) => {
      const s = stepsIn(program, locale);
      expect(s).not.toBeNull();
      if (!s) return;
      expect(s.steps.length).toBeGreaterThanOrEqual(3);
      expect(s.steps.length).toBeLessThanOrEqual(4);
      for (const step of s.steps) {
        expect(length(step), step).toBeLessThanOrEqual(80);
        expect(step.trim()).toBe(step);
        expect(step).not.toBe('');
      }
      expect(length(s.compact), s.compact).toBeLessThanOrEqual(120);
      expect(s.gets.trim()).not.toBe('');
      expect(length(s.gets)).toBeLessThanOrEqual(120);
      for (const text of [...s.steps, s.compact, s.gets]) {
        expect(text).not.toContain('{');
        expect(text).not.toContain('}');
        // No amounts: none is published where the rules were read.
        expect(text).not.toMatch(/[$€£]|\d+ ?%|US ?\$/);
      }
    },
  );

  it.each(CASES)(
    '%s (%s) says to register through the link, keep the first order, and names the program',
    (_id, locale, program) => {
      const s = stepsIn(program, locale);
      if (!s) throw new Error('no steps');
      const all = s.steps.join('\n');
      expect(all).toMatch(THROUGH_LINK[locale]);
      expect(all).toMatch(CANCELLED[locale]);
      expect(all).toMatch(REFUNDED[locale]);
      expect(all).toContain(program.name);
      // The compact line keeps the two rules people miss most: the link, and the first order.
      expect(s.compact).toMatch(/link|enlace/i);
      expect(s.compact).toMatch(CANCELLED[locale]);
      expect(s.compact).toContain(program.name);
    },
  );

  it.each(BUILT_IN_PROGRAMS.map((p) => [p.id, p] as const))(
    '%s: Spanish and Portuguese are translations, not English',
    (_id, program) => {
      const en = stepsIn(program, 'en');
      for (const locale of ['es', 'pt'] as const) {
        const other = stepsIn(program, locale);
        if (!en || !other) throw new Error('no steps');
        for (const [i, step] of other.steps.entries()) expect(step).not.toBe(en.steps[i]);
        expect(other.compact).not.toBe(en.compact);
        expect(other.gets).not.toBe(en.gets);
      }
      const es = stepsIn(program, 'es');
      const pt = stepsIn(program, 'pt');
      expect(es?.steps).not.toEqual(pt?.steps);
    },
  );

  it('hands out copies: changing the result does not change the table', () => {
    const [program] = BUILT_IN_PROGRAMS;
    if (!program) throw new Error('no program');
    const first = stepsIn(program, 'en');
    first?.steps.push('Extra');
    expect(stepsIn(program, 'en')?.steps).not.toContain('Extra');
  });
});

describe('friendStepsFor: custom programs', () => {
  it('returns the steps the user wrote, with the perk as what the friend gets', () => {
    const steps = ['Sign up through this link', 'Buy something within 7 days'];
    const s = friendStepsFor(customProgram({ ...SHOPLY, friendSteps: steps }));
    expect(s).toEqual({
      steps,
      compact: 'Sign up through this link · Buy something within 7 days',
      gets: '10% off the first order',
    });
  });

  it('is null for a custom program without steps (absent or empty)', () => {
    expect(friendStepsFor(customProgram(SHOPLY))).toBeNull();
    expect(friendStepsFor(customProgram({ ...SHOPLY, friendSteps: [] }))).toBeNull();
  });

  it('has an empty "gets" when the user gave no perk', () => {
    const { perkText: _, ...noPerk } = SHOPLY;
    expect(friendStepsFor(customProgram({ ...noPerk, friendSteps: ['Sign up'] }))?.gets).toBe('');
  });

  it('is null for a program it does not know that is not custom', () => {
    const stranger = { ...customProgram({ ...SHOPLY, friendSteps: ['Sign up'] }), id: 'ebay' };
    expect(stepsIn(stranger, 'en')).toBeNull();
  });

  it('keeps the compact line within 120 characters with whole steps and "…" for the rest', () => {
    const long = 'x'.repeat(95);
    const s = friendStepsFor(customProgram({ ...SHOPLY, friendSteps: ['Sign up through this link', long, 'Pay'] }));
    expect(s?.compact).toBe('Sign up through this link …');
    const one = friendStepsFor(customProgram({ ...SHOPLY, friendSteps: ['é'.repeat(120), 'Pay'] }));
    expect(length(one?.compact ?? '')).toBeLessThanOrEqual(120);
    expect(one?.compact.endsWith('…')).toBe(true);
    const emoji = friendStepsFor(customProgram({ ...SHOPLY, friendSteps: ['🎁'.repeat(120), 'Pay'] }));
    // Cut on whole characters: no half emoji.
    expect(emoji?.compact).toBe(`${'🎁'.repeat(119)}…`);
  });
});

describe('validateCustomProgram: friendSteps', () => {
  const form = { ...SHOPLY };
  const check = (friendSteps: unknown) => validateCustomProgram({ ...form, friendSteps }, 0);

  it('keeps valid steps, and a program without them still validates (old data)', () => {
    const r = check(['Sign up through this link', 'Pay for a first order']);
    expect(r).toMatchObject({
      ok: true,
      program: { friendSteps: ['Sign up through this link', 'Pay for a first order'] },
    });
    const old = validateCustomProgram(form, 0);
    expect(old.ok && 'friendSteps' in old.program).toBe(false);
  });

  it('keeps the steps when an existing program is validated again (same id, a rename)', () => {
    const first = check(['Sign up through this link']);
    if (!first.ok) throw new Error(first.message);
    const again = validateCustomProgram({ ...first.program, name: 'Shoply Plus' }, 1);
    expect(again).toMatchObject({
      ok: true,
      program: { id: 'custom:shoply', friendSteps: ['Sign up through this link'] },
    });
  });

  it('accepts 6 steps of 120 characters (counted as characters, emoji included) and null/undefined as none', () => {
    expect(check(Array.from({ length: 6 }, () => 'a'.repeat(120))).ok).toBe(true);
    expect(check(['🎁'.repeat(120)]).ok).toBe(true);
    expect(check(['x', `a${' '.repeat(118)}b`, 'Paga tu primer pedido (sin cancelarlo)']).ok).toBe(true);
    for (const none of [undefined, null, []]) {
      const r = check(none);
      expect(r.ok && r.program.friendSteps).toBe(undefined);
    }
  });

  it.each<[string, unknown]>([
    ['7 steps', Array.from({ length: 7 }, (_, i) => `Step ${i + 1}`)],
    ['a step of 121 characters', ['a'.repeat(121)]],
    ['an empty step', ['Sign up', '']],
    ['a blank step', ['   ']],
    ['spaces around a step', [' Sign up']],
    ['a line break inside a step', ['Sign up\nthen pay']],
    ['a control character', ['Sign\u0007 up']],
    ['an invisible character (bidi override)', ['Sign \u202Eup']],
    ['a zero-width space', ['Sign\u200B up']],
    ['a line separator (U+2028)', ['Sign up\u2028then pay']],
    ['a tab at the end', ['Sign up\t']],
    ['a step that is not text', ['Sign up', 3]],
    ['text instead of a list', 'Sign up'],
    ['an object', { 0: 'Sign up' }],
  ])('refuses %s with a clear message', (_label, steps) => {
    const r = check(steps);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(
        /^The steps for your friend must be at most 6 lines of 1–120 characters, without control characters\.$/,
      );
  });
});
