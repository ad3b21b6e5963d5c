import { t } from '@/lib/i18n/t';
import type { Coupon, CouponState, Locale } from '@/lib/referral/types';
import { dateLabel } from './couponText';
import { relativeTime } from './relativeTime';

interface Props {
  coupon: Coupon;
  state: CouponState;
  now: number;
  locale: Locale;
  soon: boolean;
}

/** Expiry as a countdown ("Expires in 2 days") with the exact date beside it; or when it was used. */
export function CouponExpiry({ coupon, state, now, locale, soon }: Props) {
  const used =
    state === 'used' && coupon.usedAt !== undefined ? (
      <span className="coupon-used-on">{t('couponsUsedOn', dateLabel(coupon.usedAt, locale))}</span>
    ) : null;
  if (coupon.expiresAt === undefined) {
    return (
      <p className="coupon-expiry">
        <span className="muted">{t('couponsNoExpiry')}</span>
        {used && <> · {used}</>}
      </p>
    );
  }
  const { past, phrase } = relativeTime(coupon.expiresAt, now, locale);
  return (
    <p className="coupon-expiry">
      {soon && <span className="coupon-soon">{t('couponsExpiringSoon')}</span>}
      <time dateTime={new Date(coupon.expiresAt).toISOString()}>
        {t(past ? 'couponsExpiredAgo' : 'couponsExpiresIn', phrase)}
      </time>{' '}
      <span className="muted">({dateLabel(coupon.expiresAt, locale)})</span>
      {used && <> · {used}</>}
    </p>
  );
}
