import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import type { Locale } from '@/lib/referral/types';
import { count } from './formatNumbers';

/**
 * Rewarded invites this calendar month against the program's monthly cap, or "No monthly cap".
 * Past the cap, further invites this month may earn nothing, so it says so.
 */
export function CapMeter({ cap, locale }: { cap: { used: number; limit?: number }; locale: Locale }) {
  const labelId = useId();
  if (cap.limit === undefined) return <p className="cap-none muted">{t('statsNoCap')}</p>;
  const reached = cap.used >= cap.limit;
  return (
    <div className="cap">
      <span id={labelId} className="cap-label">
        {t('statsCapLabel', count(cap.used, locale), count(cap.limit, locale))}
      </span>
      <meter
        aria-labelledby={labelId}
        min={0}
        max={cap.limit}
        value={Math.min(cap.used, cap.limit)}
        // The bar turns to a warning colour near the cap: low is "fine", high is "almost there".
        low={Math.max(cap.limit - 1, 0) * 0.5}
        high={Math.max(cap.limit - 1, 0)}
        optimum={0}
        className="cap-meter"
      />
      {reached && <p className="cap-reached">{t('statsCapReached')}</p>}
    </div>
  );
}
