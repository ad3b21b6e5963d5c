import { t } from '@/lib/i18n/t';
import type { Locale, Program, ProgramId } from '@/lib/referral/types';

/** Template languages, each named in itself. */
const LOCALES: { value: Locale; name: string }[] = [
  { value: 'en', name: 'English' },
  { value: 'es', name: 'Español' },
  { value: 'pt', name: 'Português' },
];

interface Props {
  programs: Program[];
  programId: ProgramId;
  locale: Locale;
  onProgram: (id: ProgramId) => void;
  onLocale: (locale: Locale) => void;
}

/** Which template is being edited: the program and the language. */
export function TemplateTarget({ programs, programId, locale, onProgram, onLocale }: Props) {
  return (
    <div className="settings-row">
      <div className="settings-field">
        <label htmlFor="settings-template-program">{t('settingsTemplateProgram')}</label>
        <select id="settings-template-program" value={programId} onChange={(e) => onProgram(e.currentTarget.value)}>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="settings-field">
        <label htmlFor="settings-template-locale">{t('settingsTemplateLanguage')}</label>
        <select
          id="settings-template-locale"
          value={locale}
          onChange={(e) => onLocale(e.currentTarget.value as Locale)}
        >
          {LOCALES.map(({ value, name }) => (
            <option key={value} value={value} lang={value}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
