import { useMemo, useState } from 'react';
import { usePrograms } from '@/components/hooks/usePrograms';
import { useSettings } from '@/components/hooks/useSettings';
import { t, uiLocale } from '@/lib/i18n/t';
import { DAY } from '@/lib/referral/time';
import { AddCouponForm } from './coupons/AddCouponForm';
import { CouponCard } from './coupons/CouponCard';
import { CouponFilter } from './coupons/CouponFilter';
import { ExportIcsButton } from './coupons/ExportIcsButton';
import { useNow } from './coupons/useNow';
import { useMarkSeen, useWallet } from './coupons/useWallet';
import { countByFilter, type WalletFilter, walletOrder } from './coupons/walletOrder';
import './coupons/coupons.css';

/**
 * The coupon wallet: every coupon with its value, code, origin and a live expiry countdown, "expiring soon"
 * first; mark used, add by hand, and export the expiry dates to a calendar.
 */
export function CouponsTab() {
  const wallet = useWallet();
  const programs = usePrograms();
  const settings = useSettings();
  const locale = uiLocale(settings?.language);
  const now = useNow();
  const [filter, setFilter] = useState<WalletFilter>('all');
  useMarkSeen(wallet?.coupons);

  const shown = useMemo(() => walletOrder(wallet?.coupons ?? [], now), [wallet, now]);
  const counts = countByFilter(shown);
  const visible = filter === 'all' ? shown : shown.filter((s) => s.state === filter);
  const programName = (id: string) => programs.find((p) => p.id === id)?.name ?? id;
  const soonMs = (settings?.couponExpiringDays ?? 3) * DAY;

  return (
    <div className="coupons">
      <div className="coupons-main">
        <div className="coupons-header">
          <h2>{t('couponsHeading')}</h2>
          {wallet && <ExportIcsButton coupons={wallet.coupons} now={now} locale={locale} programName={programName} />}
        </div>
        {!wallet ? (
          <p className="muted">{t('couponsLoading')}</p>
        ) : wallet.coupons.length === 0 ? (
          <div className="coupons-empty">
            <p className="coupons-empty-title">{t('couponsEmptyTitle')}</p>
            <p>{t('couponsEmptyBody')}</p>
          </div>
        ) : (
          <>
            <CouponFilter value={filter} counts={counts} onChange={setFilter} />
            {visible.length === 0 ? (
              <p className="muted">{t('couponsFilterEmpty')}</p>
            ) : (
              <ul className="coupon-list" aria-label={t('couponsListLabel')}>
                {visible.map((s) => (
                  <CouponCard
                    key={s.coupon.id}
                    shown={s}
                    now={now}
                    locale={locale}
                    programName={programName(s.coupon.programId)}
                    invite={s.coupon.inviteId ? wallet.invites.get(s.coupon.inviteId) : undefined}
                    soonMs={soonMs}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <aside className="coupons-aside">
        <AddCouponForm />
      </aside>
    </div>
  );
}
