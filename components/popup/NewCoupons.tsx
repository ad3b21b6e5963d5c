import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useDb } from '@/components/hooks/useDb';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import { dayPhrase } from '@/lib/referral/dates';
import type { Coupon, Locale } from '@/lib/referral/types';
import { money } from '@/lib/referral/words';
import { isNewCoupon } from '@/lib/share/openItems';

const SHOWN = 5;
/** Coupons count as seen only once they were on screen this long (a popup opened and closed at once did not show them). */
export const SEEN_AFTER_MS = 1500;

interface NewCouponsProps {
  locale: Locale;
  timeZone: string;
  now: number;
}

/**
 * Coupons that arrived since the user last looked. They are marked seen (which clears them from the badge)
 * after a moment on screen, and stay listed until the popup closes so they do not vanish while being read.
 */
export function NewCoupons({ locale, timeZone, now }: NewCouponsProps) {
  const db = useDb();
  const [openedAt] = useState(() => Date.now());
  const sent = useRef(new Set<string>());
  const coupons = useLiveQuery(
    async () =>
      (await db.coupons.orderBy('addedAt').reverse().toArray())
        .filter((c) => isNewCoupon(c, Date.now(), openedAt))
        .slice(0, SHOWN),
    [db, openedAt],
  );

  const unseen = (coupons ?? []).filter((c) => c.seenAt === undefined && !sent.current.has(c.id)).map((c) => c.id);
  const unseenKey = unseen.join(',');
  useEffect(() => {
    if (unseenKey === '') return;
    const ids = unseenKey.split(',');
    const timer = setTimeout(() => {
      for (const id of ids) sent.current.add(id);
      void sendCommand('markCouponsSeen', { ids });
    }, SEEN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [unseenKey]);

  if (!coupons || coupons.length === 0) return null;
  const details = (c: Coupon) =>
    [
      c.minSpend !== undefined && t('popupCouponMinSpend', money(c.minSpend, c.currency, locale)),
      c.expiresAt !== undefined && t('popupCouponExpires', dayPhrase(c.expiresAt, now, locale, timeZone)),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <section className="popup-section" aria-labelledby="popup-coupons">
      <h2 id="popup-coupons">{t('popupCouponsHeading')}</h2>
      <ul className="coupon-list">
        {coupons.map((c) => (
          <li key={c.id}>
            <p className="coupon-title">
              <span className="coupon-value">{money(c.value, c.currency, locale)}</span>{' '}
              <span className="user-text">{c.title}</span>
            </p>
            {details(c) && <p className="hint">{details(c)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
