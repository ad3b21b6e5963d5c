import type { ReactNode } from 'react';
import { t } from '@/lib/i18n/t';
import { explainPending } from '@/lib/referral/pending';
import type { Invite, Locale, Program } from '@/lib/referral/types';
import { statusLabel } from './inviteLabels';
import { OverdueHelp } from './OverdueHelp';

interface WhyPendingProps {
  invite: Invite;
  program: Program | undefined;
  now: number;
  locale: Locale;
  timeZone: string;
}

/**
 * The engine's sentence with the friend's nickname isolated wherever it appears, so a right-to-left nickname
 * cannot reorder the words around it ("waiting for مريم's first payment").
 */
function isolateNickname(text: string, nickname: string | undefined): ReactNode {
  if (!nickname) return text;
  return text.split(nickname).flatMap((part, i) =>
    i === 0
      ? [part]
      : [
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed sentence never move.
          <bdi key={i} className="user-text">
            {nickname}
          </bdi>,
          part,
        ],
  );
}

/**
 * The "Why pending?" cell: the engine's plain-language answer (explainPending) for open invites; for an overdue
 * reward, its likely causes and the message for support (OverdueHelp); and a note for each piece of evidence that
 * was not applied, with the engine's reason.
 */
export function WhyPending({ invite, program, now, locale, timeZone }: WhyPendingProps) {
  const why = program ? explainPending(invite, program, now, { locale, timeZone }) : null;
  // The same refusal can be recorded more than once (e.g. re-derived); say it once.
  const rejected = [...new Map(invite.rejected.map((r) => [`${r.status}|${r.reason}`, r])).values()];
  return (
    <td className="invites-why">
      {why === null ? <span className="muted">{t('invitesNotPending')}</span> : isolateNickname(why, invite.nickname)}
      {program && <OverdueHelp invite={invite} program={program} now={now} locale={locale} timeZone={timeZone} />}
      {rejected.length > 0 && (
        <ul className="invites-rejected">
          {rejected.map((r) => (
            <li key={r.key}>{t('invitesRejectedEvidence', statusLabel(r.status), r.reason)}</li>
          ))}
        </ul>
      )}
    </td>
  );
}
