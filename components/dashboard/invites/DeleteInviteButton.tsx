import { useRef, useState } from 'react';
import { InlineConfirm } from '@/components/dashboard/links/InlineConfirm';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';

interface DeleteInviteButtonProps {
  inviteId: string;
  /** Nickname or shared date: names the invite in the button and the messages. */
  who: string;
  onMessage: (message: { kind: 'alert' | 'status'; text: string }) => void;
  /** The row is about to disappear: the table takes the focus so it is not lost. */
  onRemoved: () => void;
}

/** "Delete" with an inline "Delete this invite?" confirmation, then the deleteInvite command. */
export function DeleteInviteButton({ inviteId, who, onMessage, onRemoved }: DeleteInviteButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const remove = async () => {
    setBusy(true);
    const reply = await sendCommand('deleteInvite', { id: inviteId });
    setBusy(false);
    setConfirming(false);
    if (reply.ok) {
      onMessage({ kind: 'status', text: t('invitesDeleted', who) });
      onRemoved();
    } else onMessage({ kind: 'alert', text: reply.error.message });
  };

  if (confirming) {
    return (
      <InlineConfirm
        question={t('invitesDeleteQuestion')}
        busy={busy}
        onConfirm={remove}
        onCancel={() => {
          setConfirming(false);
          requestAnimationFrame(() => button.current?.focus());
        }}
      />
    );
  }
  return (
    <button
      type="button"
      ref={button}
      className="links-danger"
      onClick={() => setConfirming(true)}
      aria-label={t('invitesDeleteNamed', who)}
    >
      {t('invitesDelete')}
    </button>
  );
}
