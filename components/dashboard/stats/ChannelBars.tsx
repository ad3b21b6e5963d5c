import { t } from '@/lib/i18n/t';
import type { Channel, Locale } from '@/lib/referral/types';
import { count, percent } from './formatNumbers';
import type { Funnel } from './statsTypes';
import './funnel.css';

const CHANNEL_LABEL: Record<Channel, string> = {
  whatsapp: 'statsChannelWhatsapp',
  telegram: 'statsChannelTelegram',
  email: 'statsChannelEmail',
  sms: 'statsChannelSms',
  x: 'statsChannelX',
  facebook: 'statsChannelFacebook',
  webshare: 'statsChannelWebshare',
  copy: 'statsChannelCopy',
  qr: 'statsChannelQr',
  other: 'statsChannelOther',
};

/** Best converting first: coupons per share, then first purchases, then registrations, then volume. */
function ranked(byChannel: Partial<Record<Channel, Funnel>>): [Channel, Funnel][] {
  return (Object.entries(byChannel) as [Channel, Funnel][]).sort(
    ([, a], [, b]) =>
      b.rates.rewarded - a.rates.rewarded ||
      b.rates.firstPurchase - a.rates.firstPurchase ||
      b.rates.registered - a.rates.registered ||
      b.shared - a.shared,
  );
}

/**
 * Per channel, how many shares turned into a coupon, as small bars. The numbers are plain text beside the
 * bars (the bars are decoration), and the best channel is marked once it has earned a coupon.
 */
export function ChannelBars({ byChannel, locale }: { byChannel: Partial<Record<Channel, Funnel>>; locale: Locale }) {
  const rows = ranked(byChannel);
  const best = rows.length > 1 && (rows[0]?.[1].rewarded ?? 0) > 0 ? rows[0]?.[0] : undefined;
  return (
    <ul className="channel-list">
      {rows.map(([channel, f]) => (
        <li key={channel} className="channel-row">
          <span className="channel-name">
            {t(CHANNEL_LABEL[channel])}
            {channel === best && <span className="channel-best">{t('statsChannelBest')}</span>}
          </span>
          <svg aria-hidden="true" focusable="false" width="100%" height="10" className="channel-bar">
            <rect x="0" y="0" width="100%" height="10" rx="5" className="funnel-track" />
            {f.rewarded > 0 && (
              <rect
                x="0"
                y="0"
                width={`${Math.max(f.rates.rewarded * 100, 2)}%`}
                height="10"
                rx="5"
                className="funnel-bar"
              />
            )}
          </svg>
          <span className="channel-numbers">
            {t(
              'statsChannelNumbers',
              count(f.shared, locale),
              count(f.registered, locale),
              count(f.rewarded, locale),
              percent(f.rates.rewarded, locale),
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
