import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { ReferralLink } from '@/lib/referral/types';

interface EditLinkFormProps {
  link: ReferralLink;
  /** Called after a successful save or on cancel; the item then shows the link again. */
  onDone: () => void;
}

/** Inline edit of a link's label and notes (the URL is the link itself: a different URL is a new link). */
export function EditLinkForm({ link, onDone }: EditLinkFormProps) {
  const id = useId();
  const [label, setLabel] = useState(link.label);
  const [notes, setNotes] = useState(link.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const reply = await sendCommand('updateLink', { id: link.id, label, notes });
    setBusy(false);
    if (reply.ok) onDone();
    else setError(reply.error.message);
  };

  return (
    <form
      className="links-form links-edit"
      onSubmit={onSubmit}
      aria-label={t('linksEditFormName', link.label)}
      onKeyDown={(e) => e.key === 'Escape' && !busy && onDone()}
    >
      <label htmlFor={`${id}-label`}>{t('linksLabel')}</label>
      <input
        id={`${id}-label`}
        ref={first}
        value={label}
        maxLength={80}
        onChange={(e) => setLabel(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-notes`}>{t('linksNotes')}</label>
      <textarea id={`${id}-notes`} value={notes} maxLength={500} rows={2} onChange={(e) => setNotes(e.target.value)} />
      <div className="links-form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('linksSave')}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          {t('linksCancel')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="links-form-error user-text">
          {error}
        </p>
      )}
    </form>
  );
}
