import { useEffect, useRef } from 'react';
import { t } from '@/lib/i18n/t';

interface InlineConfirmProps {
  /** The question, e.g. "Delete this link?". */
  question: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** True while the confirmed action runs (both buttons are then disabled). */
  busy?: boolean;
}

/**
 * An inline "Are you sure?" with Confirm and Cancel, instead of window.confirm(): it is part of the page, so it
 * reads in the user's language, works with every assistive technology and can be driven by tests.
 * Focus moves to Cancel, so pressing Enter twice by accident never deletes anything.
 */
export function InlineConfirm({ question, onConfirm, onCancel, busy = false }: InlineConfirmProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and form styling; a named group is what this is.
    <div className="links-confirm" role="group" aria-label={question}>
      <span className="links-confirm-question">{question}</span>
      <button type="button" className="links-danger" onClick={onConfirm} disabled={busy}>
        {t('linksConfirm')}
      </button>
      <button
        type="button"
        ref={cancel}
        onClick={onCancel}
        disabled={busy}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        {t('linksCancel')}
      </button>
    </div>
  );
}
