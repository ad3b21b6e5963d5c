import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { Invite, InviteStatus, Locale, Program } from '@/lib/referral/types';
import { DeleteInviteButton } from './DeleteInviteButton';
import { channelLabel, statusLabel } from './inviteLabels';
import { StatusSelect } from './StatusSelect';
import { WhyPending } from './WhyPending';

/** A message about a row's action, shown once above the table. */
export interface RowMessage {
  kind: 'alert' | 'status';
  text: string;
}

interface InviteRowProps {
  invite: Invite;
  program: Program | undefined;
  locale: Locale;
  timeZone: string;
  now: number;
  formatDate: (at: number) => string;
  statusHelpId: string;
  onMessage: (message: RowMessage) => void;
  /** The row is gone after a delete: the table takes the focus so it is not lost. */
  onRemoved: () => void;
}

/** One invite: who and where, when, its status (changeable), why it is still pending, and delete. */
export function InviteRow({
  invite,
  program,
  locale,
  timeZone,
  now,
  formatDate,
  statusHelpId,
  onMessage,
  onRemoved,
}: InviteRowProps) {
  // The status just chosen, shown until the database catches up (avoids a flash of the old status).
  const [pending, setPending] = useState<InviteStatus | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the stored status changes.
  useEffect(() => setPending(null), [invite.status]);

  const who = invite.nickname ?? t('invitesSharedOn', formatDate(invite.sharedAt));

  const choose = async (status: InviteStatus) => {
    if (status === invite.status) return;
    if (status === 'shared') {
      // 'shared' is where every invite starts; no observation can report it, so nothing is sent.
      onMessage({ kind: 'status', text: t('invitesNeverBack', who, statusLabel(invite.status)) });
      return;
    }
    setPending(status);
    const reply = await sendCommand('setInviteStatus', { inviteId: invite.id, status });
    if (!reply.ok) {
      setPending(null);
      onMessage({ kind: 'alert', text: reply.error.message });
      return;
    }
    const { outcome } = reply.value;
    if (outcome.result === 'applied' && outcome.from !== outcome.to) {
      setPending(outcome.to);
      onMessage({ kind: 'status', text: t('invitesNowStatus', who, statusLabel(outcome.to)) });
      return;
    }
    setPending(null);
    if (outcome.result === 'rejected') onMessage({ kind: 'alert', text: t('invitesRejected', who, outcome.reason) });
    else if (outcome.result === 'unknown_invite') onMessage({ kind: 'alert', text: t('invitesGone') });
    else onMessage({ kind: 'status', text: t('invitesNeverBack', who, statusLabel(invite.status)) });
  };

  return (
    <tr>
      <td>
        <span className="user-text invites-program">{program?.name ?? invite.programId}</span>
      </td>
      <td>{channelLabel(invite.channel)}</td>
      <td>
        {invite.nickname ? (
          <span className="user-text invites-nickname">{invite.nickname}</span>
        ) : (
          <span className="muted">{t('invitesNoNickname')}</span>
        )}
        {invite.reminders && invite.reminders.length > 0 && (
          // Its history: the reminders sent about this invite (a reminder is never a second invite).
          <ul className="invites-reminders">
            {invite.reminders.map((r) => (
              <li key={r.id} className="muted">
                {t('invitesReminderSent', channelLabel(r.channel), formatDate(r.at))}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <time dateTime={new Date(invite.sharedAt).toISOString()}>{formatDate(invite.sharedAt)}</time>
      </td>
      <td>
        <StatusSelect value={pending ?? invite.status} onChoose={choose} describedBy={statusHelpId} />
      </td>
      <WhyPending invite={invite} program={program} now={now} locale={locale} timeZone={timeZone} />
      <td>
        <DeleteInviteButton inviteId={invite.id} who={who} onMessage={onMessage} onRemoved={onRemoved} />
      </td>
    </tr>
  );
}
