import { describe, expect, it } from 'vitest';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';

/** The same merge the build does (a key defined twice throws here, as it fails the build). */
const locales = mergeLocales(localesDir(process.cwd()));
const LANGUAGES = ['en', 'es', 'pt'] as const;
const placeholders = (text: string) => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();

describe('locales', () => {
  it('has English, Spanish and Portuguese, and nothing else', () => {
    expect(Object.keys(locales).sort()).toEqual([...LANGUAGES]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (lang) => {
    const en = new Set(Object.keys(locales.en ?? {}));
    const other = new Set(Object.keys(locales[lang] ?? {}));
    const missing = [...en].filter((k) => !other.has(k)).map((k) => `${lang} lacks "${k}"`);
    const extra = [...other].filter((k) => !en.has(k)).map((k) => `${lang} has "${k}", English does not`);
    expect([...missing, ...extra]).toEqual([]);
    expect(en.size).toBeGreaterThan(100);
  });

  it.each(LANGUAGES)('%s has no empty message', (lang) => {
    const empty = Object.entries(locales[lang] ?? {})
      .filter(([, m]) => typeof m.message !== 'string' || m.message.trim() === '')
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses the same $n placeholders as English', (lang) => {
    const shown = (text: string | undefined) => placeholders(text ?? '').join() || 'none';
    const mismatched = Object.entries(locales.en ?? {})
      .filter(([key, m]) => {
        const other = locales[lang]?.[key];
        return other !== undefined && shown(other.message) !== shown(m.message);
      })
      .map(([key, m]) => `${key}: en ${shown(m.message)}, ${lang} ${shown(locales[lang]?.[key]?.message)}`);
    expect(mismatched).toEqual([]);
  });

  it.each(LANGUAGES)('%s writes "$" only as a placeholder ($1–$9) or escaped ($$)', (lang) => {
    // The browser reads "$word$" as a named placeholder and drops a lone "$".
    const stray = Object.entries(locales[lang] ?? {})
      .filter(([, m]) => /\$(?![1-9$])/.test(m.message.replace(/\$\$/g, '')))
      .map(([k]) => k);
    expect(stray).toEqual([]);
  });
});
