import { t } from '@/lib/i18n/t';
import type { InviteStatus } from '@/lib/referral/types';
import { CHOOSABLE_STATUSES, statusLabel } from './inviteLabels';

interface StatusSelectProps {
  /** What the select shows: the invite's status in the database (or the one just chosen, while it is sent). */
  value: InviteStatus;
  onChoose: (status: InviteStatus) => void;
  /** Id of the help text that explains statuses only move forward. */
  describedBy: string;
}

/** Display order: the chosen statuses, with the two set by rules slotted where they happen in an invite's life. */
function options(current: InviteStatus): InviteStatus[] {
  const list = [...CHOOSABLE_STATUSES];
  if (current === 'reward_pending') list.splice(list.indexOf('first_purchase') + 1, 0, 'reward_pending');
  if (current === 'clawed_back') list.splice(list.indexOf('coupon_received') + 1, 0, 'clawed_back');
  return list;
}

/**
 * A row's "Status" select (a stable name for tests: aria-label "Status"). It is controlled by the database, so a
 * refused or backward choice snaps back. "Reward pending" and "Clawed back" are shown (disabled) only when
 * they are the current status: the program's rules set them, not the user.
 */
export function StatusSelect({ value, onChoose, describedBy }: StatusSelectProps) {
  return (
    <select
      className="invites-status-select"
      aria-label={t('invitesStatus')}
      aria-describedby={describedBy}
      value={value}
      onChange={(e) => onChoose(e.target.value as InviteStatus)}
    >
      {options(value).map((s) => (
        <option key={s} value={s} disabled={s === 'reward_pending' || s === 'clawed_back'}>
          {statusLabel(s)}
        </option>
      ))}
    </select>
  );
}
