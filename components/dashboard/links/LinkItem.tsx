import { useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { ReferralLink } from '@/lib/referral/types';
import { EditLinkForm } from './EditLinkForm';
import { InlineConfirm } from './InlineConfirm';

interface LinkItemProps {
  link: ReferralLink;
  /** After the link is deleted its item disappears; the section takes the focus so it is not lost. */
  onDeleted: () => void;
}

type Mode = 'view' | 'edit' | 'confirm-delete';

/**
 * One saved link: label, the URL as plain text (wrapping, never a clickable link: it is the user's to share,
 * not to visit), code, notes and the "Primary" marker, with Edit, Make primary, Copy and Delete.
 * Buttons carry the link's label in their accessible name ("Edit Spring link") so a list of them makes sense
 * to a screen reader; the visible word comes first in that name.
 */
export function LinkItem({ link, onDeleted }: LinkItemProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);

  const run = async (action: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    const reply = await action();
    setBusy(false);
    if (!reply.ok) setError(reply.error?.message ?? '');
    return reply.ok;
  };

  const makePrimary = () => run(() => sendCommand('setPrimaryLink', { id: link.id }));

  const remove = async () => {
    if (await run(() => sendCommand('deleteLink', { id: link.id }))) onDeleted();
    else setMode('view');
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setError(null);
      setNote(t('linksCopied'));
    } catch {
      setError(t('linksCopyFailed'));
    }
  };

  const closeEdit = () => {
    setMode('view');
    // The form unmounts; put the focus back where the user started.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <li className="links-item" aria-labelledby={`${id}-label`}>
      <div className="links-item-head">
        <strong id={`${id}-label`} className="user-text links-item-label">
          {link.label}
        </strong>
        {link.primary === 1 && <span className="links-badge">{t('linksPrimary')}</span>}
      </div>
      <p className="links-item-url user-text" dir="ltr">
        {link.url}
      </p>
      {link.code && (
        <p className="links-item-meta">
          {t('linksCode')} <span className="user-text links-item-code">{link.code}</span>
        </p>
      )}
      {link.notes && <p className="links-item-notes user-text">{link.notes}</p>}

      {mode === 'edit' ? (
        <EditLinkForm link={link} onDone={closeEdit} />
      ) : mode === 'confirm-delete' ? (
        <InlineConfirm
          question={t('linksDeleteQuestion')}
          busy={busy}
          onConfirm={remove}
          onCancel={() => {
            setMode('view');
            requestAnimationFrame(() => deleteButton.current?.focus());
          }}
        />
      ) : (
        <div className="links-item-actions">
          <button
            type="button"
            ref={editButton}
            onClick={() => setMode('edit')}
            aria-label={t('linksEditNamed', link.label)}
          >
            {t('linksEdit')}
          </button>
          {link.primary !== 1 && (
            <button
              type="button"
              onClick={makePrimary}
              disabled={busy}
              aria-label={t('linksMakePrimaryNamed', link.label)}
            >
              {t('linksMakePrimary')}
            </button>
          )}
          <button type="button" onClick={copy} aria-label={t('linksCopyNamed', link.label)}>
            {t('linksCopy')}
          </button>
          <button
            type="button"
            ref={deleteButton}
            className="links-danger"
            onClick={() => setMode('confirm-delete')}
            aria-label={t('linksDeleteNamed', link.label)}
          >
            {t('linksDelete')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="user-text">
          {error}
        </p>
      )}
      <p role="status" className="links-status">
        {note}
      </p>
    </li>
  );
}
