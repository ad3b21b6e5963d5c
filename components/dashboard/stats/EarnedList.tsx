import { t } from '@/lib/i18n/t';
import type { Locale } from '@/lib/referral/types';
import { money } from '@/lib/referral/words';

/** Value of coupons earned through invites, one amount per currency (largest first); never summed across currencies. */
export function EarnedList({ earned, locale }: { earned: Record<string, number>; locale: Locale }) {
  const amounts = Object.entries(earned)
    .filter(([, value]) => value > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (amounts.length === 0) return <p className="muted">{t('statsEarnedNone')}</p>;
  return (
    <ul className="earned-list">
      {amounts.map(([currency, value]) => (
        <li key={currency}>{money(value, currency, locale)}</li>
      ))}
    </ul>
  );
}
