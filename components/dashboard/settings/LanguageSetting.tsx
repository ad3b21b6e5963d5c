import { t } from '@/lib/i18n/t';
import type { AppSettings } from '@/lib/settings';
import { SaveStatus } from './SaveStatus';
import { useSave } from './useSave';

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
const LANGUAGES: { value: AppSettings['language']; name?: string; lang?: string }[] = [
  { value: 'auto' },
  { value: 'en', name: 'English', lang: 'en' },
  { value: 'es', name: 'Español', lang: 'es' },
  { value: 'pt', name: 'Português', lang: 'pt' },
];

/** The language of RefShare's pages. LanguageProvider applies a change at once, in every open page. */
export function LanguageSetting({ settings }: { settings: AppSettings }) {
  const { state, save } = useSave();
  return (
    <section className="settings-section" aria-labelledby="settings-language-heading">
      <h2 id="settings-language-heading">{t('settingsLanguageHeading')}</h2>
      <div className="settings-field">
        <label htmlFor="settings-language">{t('settingsLanguage')}</label>
        <select
          id="settings-language"
          value={settings.language}
          aria-describedby="settings-language-hint"
          onChange={(e) => save({ language: e.currentTarget.value as AppSettings['language'] })}
        >
          {LANGUAGES.map(({ value, name, lang }) => (
            <option key={value} value={value} lang={lang}>
              {name ?? t('settingsLanguageAuto')}
            </option>
          ))}
        </select>
        <p className="muted settings-hint" id="settings-language-hint">
          {t('settingsLanguageHint')}
        </p>
      </div>
      <SaveStatus state={state} />
    </section>
  );
}
