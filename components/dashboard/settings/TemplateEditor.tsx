import { useLayoutEffect, useRef, useState } from 'react';
import { usePrograms } from '@/components/hooks/usePrograms';
import { activeLocale, t } from '@/lib/i18n/t';
import { defaultShareText } from '@/lib/referral/shareText';
import type { Locale, ProgramId } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';
import { SaveStatus } from './SaveStatus';
import { TemplatePreview } from './TemplatePreview';
import { TemplateTarget } from './TemplateTarget';
import { TemplateVariables } from './TemplateVariables';
import { templateProblem, withTemplate } from './templateDraft';
import { useSave } from './useSave';

/**
 * Share-text templates per program and language: edit with variable buttons, see the live preview and its
 * length on X and SMS, save (refused without {link}) or go back to the program's default. Unsaved edits are
 * kept per program and language while switching between them.
 */
export function TemplateEditor({ settings }: { settings: AppSettings }) {
  const programs = usePrograms();
  const { state, save, setState } = useSave();
  const [chosenId, setProgramId] = useState<ProgramId>(programs[0]?.id ?? 'aliexpress');
  // A custom program deleted meanwhile (in another tab) falls back to the first one, never to a dangling id.
  const program = programs.find((p) => p.id === chosenId) ?? programs[0];
  const programId = program?.id ?? chosenId;
  const [locale, setLocale] = useState<Locale>(activeLocale);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);

  const key = `${programId} ${locale}`;
  const saved = settings.templates[programId]?.[locale];
  const fallback = program ? defaultShareText(program, locale) : '';
  const text = drafts[key] ?? saved ?? fallback;
  const dirty = drafts[key] !== undefined && drafts[key] !== (saved ?? fallback);
  const problem = templateProblem(text);

  // Put the caret after an inserted variable once the new text is in the textarea.
  useLayoutEffect(() => {
    if (caret.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  if (!program) return null;

  const edit = (next: string) => {
    setDrafts((d) => ({ ...d, [key]: next }));
    setState({ kind: 'idle' });
  };
  const forget = () =>
    setDrafts((d) => {
      const { [key]: _gone, ...rest } = d;
      return rest;
    });

  const insert = (variable: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    caret.current = start + variable.length;
    edit(text.slice(0, start) + variable + text.slice(end));
  };

  const onSave = async () => {
    if (problem) {
      setTried(true);
      area.current?.focus();
      return;
    }
    // A text equal to the default is no customisation: store nothing, so later default updates still apply.
    const value = text === fallback ? undefined : text;
    if (
      await save(
        (c) => ({ templates: withTemplate(c.templates, programId, locale, value) }),
        t('settingsTemplateSaved'),
      )
    ) {
      forget();
      setTried(false);
    }
  };

  const onReset = async () => {
    if (
      await save(
        (c) => ({ templates: withTemplate(c.templates, programId, locale, undefined) }),
        t('settingsTemplateResetDone'),
      )
    ) {
      forget();
      setTried(false);
    }
  };

  const showProblem = problem !== undefined && (dirty || tried);
  return (
    <section className="settings-section" aria-labelledby="settings-templates-heading">
      <h2 id="settings-templates-heading">{t('settingsTemplatesHeading')}</h2>
      <p className="muted">{t('settingsTemplatesIntro')}</p>
      <TemplateTarget
        programs={programs}
        programId={programId}
        locale={locale}
        onProgram={setProgramId}
        onLocale={setLocale}
      />
      <div className="settings-template">
        <div className="settings-field settings-grow">
          <label htmlFor="settings-template-text">{t('settingsTemplateText')}</label>
          <textarea
            id="settings-template-text"
            ref={area}
            rows={5}
            lang={locale}
            value={text}
            className="user-text"
            aria-invalid={showProblem}
            aria-describedby={`settings-template-state${showProblem ? ' settings-template-error' : ''}`}
            onChange={(e) => edit(e.currentTarget.value)}
          />
          <p className="muted settings-hint" id="settings-template-state">
            {t(
              dirty
                ? 'settingsTemplateUnsaved'
                : saved === undefined
                  ? 'settingsTemplateIsDefault'
                  : 'settingsTemplateIsCustom',
            )}
          </p>
          {showProblem && (
            <p role="alert" id="settings-template-error">
              {problem}
            </p>
          )}
          <div className="settings-actions">
            <button type="button" className="primary" onClick={onSave}>
              {t('settingsTemplateSave')}
            </button>
            <button type="button" onClick={onReset} disabled={saved === undefined && !dirty}>
              {t('settingsTemplateReset')}
            </button>
          </div>
          <SaveStatus state={state} />
        </div>
        <TemplateVariables onInsert={insert} />
      </div>
      <TemplatePreview template={text} program={program} />
    </section>
  );
}
