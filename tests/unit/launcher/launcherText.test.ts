// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { bundledGetMessage, launcherMessages, launcherName, launcherText } from '@/lib/launcher/launcherText';

const locales = mergeLocales(localesDir(process.cwd()));

/** browser.i18n.getMessage for one language, as Chrome does it: $1 takes the first substitution. */
const messagesIn = (lang: 'en' | 'es' | 'pt') => (key: string, subs?: string[]) =>
  (locales[lang]?.[key]?.message ?? '').replace(/\$(\d)/g, (_m, n: string) => subs?.[Number(n) - 1] ?? '');

describe('launcher text', () => {
  it.each([
    ['en', 'AliExpress', 'Share your AliExpress referral link'],
    ['en', 'Temu', 'Share your Temu referral link'],
    ['es', 'AliExpress', 'Comparte tu enlace de referido de AliExpress'],
    ['pt', 'Temu', 'Compartilhe seu link de indicação de Temu'],
  ] as const)('in %s, the button for %s is named "%s"', (lang, program, name) => {
    expect(launcherName(messagesIn(lang), program)).toBe(name);
  });

  it('keeps a custom program’s name as typed (text, not markup)', () => {
    expect(launcherName(messagesIn('en'), '<b>Shop & Co</b>')).toBe('Share your <b>Shop & Co</b> referral link');
  });

  it('shows the key, never a blank, when the browser has no such message', () => {
    expect(launcherText(() => '', 'shopMute')).toBe('shopMute');
  });

  it('has every string it uses in English, Spanish and Portuguese', () => {
    const keys = [
      'shopLauncherName',
      'shopMoveHint',
      'shopOptions',
      'shopCollapse',
      'shopExpand',
      'shopMute',
      'shopPanelTitle',
    ];
    for (const lang of ['en', 'es', 'pt'] as const) {
      expect(keys.filter((k) => !locales[lang]?.[k]?.message)).toEqual([]);
    }
    expect(launcherText(messagesIn('en'), 'shopMute')).toBe("Don't show on this site");
    expect(launcherText(messagesIn('en'), 'shopPanelTitle')).toBe('RefShare share panel');
  });

  it.each([
    ['en-US', 'Share your Temu referral link'],
    ['es-419', 'Comparte tu enlace de referido de Temu'],
    ['pt-BR', 'Compartilhe seu link de indicação de Temu'],
    ['PT', 'Compartilhe seu link de indicação de Temu'],
    ['de-DE', 'Share your Temu referral link'],
    ['', 'Share your Temu referral link'],
  ])('bundles every language the browser could ask for: %s', (uiLanguage, name) => {
    expect(launcherName(launcherMessages(uiLanguage), 'Temu')).toBe(name);
  });

  it('bundles the same strings as messages.json has, in every language', () => {
    for (const lang of ['en', 'es', 'pt'] as const) {
      const bundled = launcherMessages(lang);
      const browser = messagesIn(lang);
      for (const key of ['shopLauncherName', 'shopMoveHint', 'shopMute', 'shopPanelTitle']) {
        expect(bundled(key, ['Temu'])).toBe(browser(key, ['Temu']));
      }
    }
  });

  it('substitutes as the browser does: $1–$9, $$ for a dollar sign, unknown keys empty', () => {
    const get = bundledGetMessage({
      two: { message: '$2 before $1' },
      money: { message: 'Save $$5 on $1' },
      constructor: { message: 'own key' },
    });
    expect(get('two', ['a', 'b'])).toBe('b before a');
    expect(get('two', ['a'])).toBe(' before a');
    expect(get('money', ['Temu'])).toBe('Save $5 on Temu');
    // A substitution is text: a "$2" in a program's name stays as typed.
    expect(get('two', ['$2', 'b'])).toBe('b before $2');
    expect(bundledGetMessage({ lone: { message: 'US$ 5 and $' } })('lone')).toBe('US$ 5 and $');
    expect(get('missing')).toBe('');
    expect(bundledGetMessage({})('constructor')).toBe('');
    expect(bundledGetMessage(undefined)('two')).toBe('');
  });
});
