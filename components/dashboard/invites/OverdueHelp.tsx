import { useId, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { type OverdueCause, overdueCauses } from '@/lib/referral/overdueCauses';
import { supportMessage } from '@/lib/referral/supportMessage';
import type { Invite, Locale, Program } from '@/lib/referral/types';

interface OverdueHelpProps {
  invite: Invite;
  program: Program;
  now: number;
  locale: Locale;
  timeZone: string;
}

function causeText(cause: OverdueCause, program: Program): string {
  if (cause === 'had_account') return t('pendingCauseHadAccount', program.name);
  if (cause === 'no_link') return t('pendingCauseNoLink');
  if (cause === 'order_cancelled') return t('pendingCauseOrderCancelled');
  return t('pendingCauseMonthlyCap', program.rules.monthlyCap ?? '');
}

/**
 * Under an overdue reward's "why pending?": the causes users report (overdueCauses), behind a disclosure so the
 * table stays compact, and the ready message for the program's support (supportMessage), composed here when the
 * page shows it — the background keeps none. Copying can fail (no clipboard permission, page not focused): then the
 * message is shown to copy by hand.
 */
export function OverdueHelp({ invite, program, now, locale, timeZone }: OverdueHelpProps) {
  const summaryId = useId();
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const causes = overdueCauses(invite, program, now);
  if (causes.length === 0) return null;
  const paid = invite.milestones.first_purchase;
  const due = invite.rewardDueAt;
  const message = paid !== undefined && due !== undefined ? supportMessage(program, paid, due, locale, timeZone) : null;
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setFailure(null);
      setCopied(true);
    } catch (e) {
      setCopied(false);
      setFailure(t('pendingCopyFailed', e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <details className="invites-overdue">
      <summary id={summaryId}>{t('pendingLikelyCauses')}</summary>
      <ul aria-labelledby={summaryId}>
        {causes.map((c) => (
          <li key={c}>{causeText(c, program)}</li>
        ))}
      </ul>
      {message !== null && (
        <div className="invites-support">
          <button type="button" onClick={() => void copy(message)}>
            {t('pendingCopySupport')}
          </button>
          <span role="status">{copied ? t('pendingSupportCopied') : ''}</span>
          {failure !== null && (
            <>
              <p role="alert">{failure}</p>
              <textarea readOnly aria-label={t('pendingSupportMessage')} value={message} rows={6} />
            </>
          )}
        </div>
      )}
    </details>
  );
}
