import { useId, useState } from 'react';
import { downloadText } from '@/components/downloadText';
import { t } from '@/lib/i18n/t';
import { couponsToIcs, exportableCoupons } from '@/lib/ics/couponsToIcs';
import type { Coupon, Locale } from '@/lib/referral/types';
import { couponDescription } from './couponText';
import { deviceTimeZone } from './deviceTimeZone';

interface Props {
  coupons: Coupon[];
  now: number;
  locale: Locale;
  programName: (programId: string) => string;
}

/** "Export expiry dates (.ics)": a calendar file with a reminder before each available coupon expires. */
export function ExportIcsButton({ coupons, now, locale, programName }: Props) {
  const hintId = useId();
  const [done, setDone] = useState(false);
  const count = exportableCoupons(coupons, now).length;

  const exportIcs = () => {
    // The moment of the click, not of the last render: a coupon that expired since is left out.
    const at = Date.now();
    const ics = couponsToIcs(coupons, {
      now: at,
      timeZone: deviceTimeZone(),
      calendarName: t('couponsIcsCalendarName'),
      summary: (c) => t('couponsIcsSummary', c.title),
      description: (c) => couponDescription(c, programName(c.programId), locale),
    });
    downloadText(ics, 'refshare-coupons.ics', 'text/calendar;charset=utf-8');
    setDone(true);
  };

  return (
    <div className="coupon-export">
      <button type="button" onClick={exportIcs} disabled={count === 0} aria-describedby={hintId}>
        {t('couponsExport')}
      </button>
      <span id={hintId} className="muted">
        {count === 0 ? t('couponsExportNone') : t('couponsExportHint')}
      </span>
      <span role="status" className="coupon-export-status">
        {done ? t('couponsExportDone') : ''}
      </span>
    </div>
  );
}
