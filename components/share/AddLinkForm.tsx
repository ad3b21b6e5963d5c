import { type FormEvent, useId, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { Program, ReferralLink } from '@/lib/referral/types';

interface AddLinkFormProps {
  /** The program being shown; only used to point at its invite page. The link itself says which program it is. */
  program: Program;
  onSaved: (link: ReferralLink) => void;
}

/** The longest label the background accepts (lib/messaging/protocol.ts). */
const MAX_LABEL = 80;

/**
 * "Add your referral link". The background recognises the program from the link (no programId is sent),
 * so a Temu link pasted while AliExpress is selected is still saved as Temu's. A refusal is shown as the
 * engine words it, and nothing else changes.
 */
export function AddLinkForm({ program, onSaved }: AddLinkFormProps) {
  const [input, setInput] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const linkId = useId();
  const labelId = useId();
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const reply = await sendCommand('saveLink', { input, ...(label.trim() ? { label: label.trim() } : {}) });
    setSaving(false);
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    setError('');
    setInput('');
    setLabel('');
    onSaved(reply.value);
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
        <input
          id={linkId}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={labelId}>{t('popupLinkLabel')}</label>
        <input id={labelId} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={MAX_LABEL} />
      </div>
      {error && (
        <p role="alert" id={errorId} className="user-text">
          {error}
        </p>
      )}
      {/* The name stays "Save link" while saving (tests and screen readers find it by name); a second click is ignored. */}
      <button type="submit" className="primary" aria-busy={saving || undefined}>
        {t('popupSaveLink')}
      </button>
    </form>
  );
}
