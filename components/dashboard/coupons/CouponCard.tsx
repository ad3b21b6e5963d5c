import { useId, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendCommand } from '@/lib/messaging/client';
import type { Invite, Locale } from '@/lib/referral/types';
import { money } from '@/lib/referral/words';
import { CopyCodeButton } from './CopyCodeButton';
import { CouponExpiry } from './CouponExpiry';
import { dateLabel } from './couponText';
import type { ShownCoupon } from './walletOrder';
import './couponCard.css';

interface Props {
  shown: ShownCoupon;
  now: number;
  locale: Locale;
  programName: string;
  /** The invite it came from; undefined when that invite was deleted (only read when the coupon has one). */
  invite: Invite | undefined;
  /** "Expiring soon" when an available coupon expires within this many milliseconds. */
  soonMs: number;
}

const STATE_LABEL = { available: 'couponsStateAvailable', used: 'couponsStateUsed', expired: 'couponsStateExpired' };

function origin(inviteId: string | undefined, invite: Invite | undefined, locale: Locale): string | null {
  if (inviteId === undefined) return null;
  if (!invite) return t('couponsFromDeletedInvite');
  if (invite.nickname) return t('couponsFromInvite', invite.nickname);
  return t('couponsFromInviteUnnamed', dateLabel(invite.sharedAt, locale));
}

/** One coupon in the wallet, drawn as a ticket: value on the stub, details and actions beside it. */
export function CouponCard({ shown: { coupon, state }, now, locale, programName, invite, soonMs }: Props) {
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const from = origin(coupon.inviteId, invite, locale);
  const soon = state === 'available' && coupon.expiresAt !== undefined && coupon.expiresAt - now <= soonMs;
  // Marking an expired coupon available again would leave it expired: only undo a "used" that can still be used.
  const canUndo = state === 'used' && (coupon.expiresAt === undefined || coupon.expiresAt > now);

  const mark = async (used: boolean) => {
    setBusy(true);
    setError(null);
    const reply = await sendCommand('markCouponUsed', { id: coupon.id, used });
    setBusy(false);
    if (!reply.ok) setError(reply.error.message);
  };

  return (
    <li className="coupon-card" data-state={state} data-soon={soon || undefined} aria-labelledby={titleId}>
      <div className="coupon-stub">
        <span className="coupon-value">{money(coupon.value, coupon.currency, locale)}</span>
        {coupon.minSpend !== undefined && (
          <span className="coupon-min">{t('couponsMinSpend', money(coupon.minSpend, coupon.currency, locale))}</span>
        )}
      </div>
      <div className="coupon-body">
        <h3 id={titleId} className="coupon-title user-text">
          {coupon.title}
        </h3>
        <p className="coupon-meta">
          <span className="user-text">{programName}</span>
          {from && (
            <>
              {' · '}
              <span className="user-text">{from}</span>
            </>
          )}
        </p>
        <CouponExpiry coupon={coupon} state={state} now={now} locale={locale} soon={soon} />
        {coupon.code !== undefined && (
          <div className="coupon-code">
            <span className="muted">{t('couponsCode')}</span> <code className="user-text">{coupon.code}</code>
            <CopyCodeButton code={coupon.code} describedBy={titleId} />
          </div>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
      <div className="coupon-side">
        <span className="coupon-state">{t(STATE_LABEL[state])}</span>
        {state === 'available' && (
          <button type="button" disabled={busy} onClick={() => mark(true)} aria-describedby={titleId}>
            {t('couponsMarkUsed')}
          </button>
        )}
        {canUndo && (
          <button type="button" disabled={busy} onClick={() => mark(false)} aria-describedby={titleId}>
            {t('couponsMarkAvailable')}
          </button>
        )}
      </div>
    </li>
  );
}
