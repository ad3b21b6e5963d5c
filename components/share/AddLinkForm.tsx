import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { t } from '@/lib/i18n/t';
import type { Program, ReferralLink } from '@/lib/referral/types';
import { LinkChoices } from './LinkChoices';
import { useSaveLink } from './useSaveLink';

interface AddLinkFormProps {
  /** The program being shown; only used to point at its invite page. The link itself says which program it is. */
  program: Program;
  /** Every program (custom ones included): the pasted text is read for any program's invite link. */
  programs: Program[];
  /** `inText`: the link was found inside a longer pasted text (a copied share message). */
  onSaved: (link: ReferralLink, inText: boolean) => void;
}

/** The longest label the background accepts (lib/messaging/protocol.ts). */
const MAX_LABEL = 80;

/**
 * Enter saves, as in a one-line field; Shift+Enter still adds a line. The field is a textarea because a text
 * input drops the line breaks of a pasted message, gluing the link to the next line's first word.
 */
export function submitOnEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
  if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

/**
 * "Add your referral link" (popup and shop panel). It takes the link alone or the whole message the program's app
 * copied; the invite link is read out of it, and the program recognised from the link (no programId is
 * sent), so a Temu link pasted while AliExpress is selected is still saved as Temu's. A refusal is shown as the
 * engine words it, in the user's language, and nothing else changes.
 */
export function AddLinkForm({ program, programs, onSaved }: AddLinkFormProps) {
  const [input, setInput] = useState('');
  const [label, setLabel] = useState('');
  const { save, edited, error, choices, chosen, setChosen, busy } = useSaveLink(programs);
  const headingId = useId();
  const linkId = useId();
  const labelId = useId();
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save(input, label.trim() ? { label: label.trim() } : {});
    if (!saved) return;
    setInput('');
    setLabel('');
    onSaved(saved.link, saved.inText);
  };

  return (
    <form className="add-link" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={headingId}>{t('popupAddLinkHeading')}</h2>
      <p className="hint">{t('popupAddLinkHint')}</p>
      {program.pages.invite && (
        <p className="hint">
          <a href={program.pages.invite} target="_blank" rel="noreferrer">
            {t('popupOpenInvitePage', program.name)}
          </a>
        </p>
      )}
      <div className="field">
        <label htmlFor={linkId}>{t('popupReferralLink')}</label>
        <textarea
          id={linkId}
          value={input}
          onChange={(e) => {
            setInput(e.target.value);
            edited();
          }}
          onKeyDown={submitOnEnter}
          rows={2}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          aria-invalid={error && choices.length === 0 ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={labelId}>{t('popupLinkLabel')}</label>
        <input id={labelId} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={MAX_LABEL} />
      </div>
      {choices.length > 0 ? (
        <LinkChoices choices={choices} chosen={chosen} onChoose={setChosen} prompt={error} />
      ) : (
        error && (
          <p role="alert" id={errorId} className="user-text">
            {error}
          </p>
        )
      )}
      {/* The name stays "Save link" while saving (tests and screen readers find it by name); a second click is ignored. */}
      <button type="submit" className="primary" aria-busy={busy || undefined}>
        {t('popupSaveLink')}
      </button>
    </form>
  );
}
