import { t } from '@/lib/i18n/t';
import type { ReferralLink } from '@/lib/referral/types';

interface LinkSummaryProps {
  link: ReferralLink;
  /** Hide the label when a link picker above already shows it. */
  showLabel: boolean;
}

/** Which link is shown: its label and, when it has one, its invite code (what a friend types in the app). */
export function LinkSummary({ link, showLabel }: LinkSummaryProps) {
  // The background names code links "Code <code>" by default: repeating it above the code says nothing.
  const label = showLabel && link.label !== `Code ${link.code}` ? link.label : '';
  return (
    <div className="link-summary">
      {label && <p className="link-label user-text">{label}</p>}
      {link.code && <p className="link-code user-text">{t('popupCode', link.code)}</p>}
    </div>
  );
}
