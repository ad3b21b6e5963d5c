import { type FormEvent, type RefObject, useId, useState } from 'react';
import { submitOnEnter } from '@/components/share/AddLinkForm';
import { LinkChoices } from '@/components/share/LinkChoices';
import { useSaveLink } from '@/components/share/useSaveLink';
import { t } from '@/lib/i18n/t';
import type { Program, ProgramId } from '@/lib/referral/types';

interface AddLinkFormProps {
  programs: Program[];
  /** The program the link must belong to; '' lets the background recognise it from the link. */
  programId: ProgramId;
  onProgramChange: (programId: ProgramId) => void;
  /** The "Referral link" input, so a program's "Add a link" button can bring the user here. */
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * The one form that adds a link (a single "Referral link" input on the page, like the popup's). The background
 * validates it; a refusal is shown as is and leaves everything the user typed in place, so they can fix it.
 */
export function AddLinkForm({ programs, programId, onProgramChange, inputRef }: AddLinkFormProps) {
  const id = useId();
  const [input, setInput] = useState('');
  const [label, setLabel] = useState('');
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { save, edited, error, choices, chosen, setChosen, busy } = useSaveLink(programs);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const result = await save(input, {
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(programId ? { programId } : {}),
    });
    if (!result) {
      inputRef.current?.focus();
      return;
    }
    setInput('');
    setLabel('');
    setNotes('');
    const { link, inText } = result;
    const name = programs.find((p) => p.id === link.programId)?.name ?? link.programId;
    const found = inText ? `${t('linkFoundInText', name)} ` : '';
    setSaved(found + t('linksSaved', link.label, name));
  };

  return (
    <section className="links-card links-add" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('linksAddHeading')}</h2>
      <form onSubmit={onSubmit} className="links-form">
        <label htmlFor={`${id}-program`}>{t('linksProgram')}</label>
        <select id={`${id}-program`} value={programId} onChange={(e) => onProgramChange(e.target.value)}>
          <option value="">{t('linksProgramDetect')}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-input`}>{t('linksReferralLink')}</label>
        <div>
          <textarea
            id={`${id}-input`}
            ref={inputRef}
            value={input}
            onChange={(e) => {
              setInput(e.target.value);
              edited();
            }}
            onKeyDown={submitOnEnter}
            rows={2}
            autoComplete="off"
            spellCheck={false}
            inputMode="url"
            dir="ltr"
            aria-invalid={error && choices.length === 0 ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <p id={`${id}-hint`} className="links-hint">
            {t('linksReferralLinkHint')}
          </p>
        </div>
        <label htmlFor={`${id}-label`}>{t('linksLabelOptional')}</label>
        <input id={`${id}-label`} value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} />
        <label htmlFor={`${id}-notes`}>{t('linksNotesOptional')}</label>
        <textarea
          id={`${id}-notes`}
          value={notes}
          maxLength={500}
          rows={2}
          onChange={(e) => setNotes(e.target.value)}
        />
        <div className="links-form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('linksSaveLink')}
          </button>
        </div>
      </form>
      {choices.length > 0 ? (
        <LinkChoices choices={choices} chosen={chosen} onChoose={setChosen} prompt={error} />
      ) : (
        error && (
          <p id={`${id}-error`} role="alert" className="user-text">
            {error}
          </p>
        )
      )}
      {/* Always present, so screen readers announce what is written into it. */}
      <p role="status" className="links-status">
        {saved}
      </p>
    </section>
  );
}
