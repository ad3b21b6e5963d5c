import { t } from '@/lib/i18n/t';
import { measureForChannel } from '@/lib/referral/shareText';
import type { ShareChannel } from '@/lib/share/channelUrls';

/** The small note beside a channel in the share menu: X's length against 280, SMS's segment count. */
export function channelHint(channel: ShareChannel, text: string): { text: string; warn: boolean } | null {
  if (channel === 'x') {
    const m = measureForChannel(text, 'x');
    return { text: t(m.fits ? 'popupXCount' : 'popupXTooLong', m.length, m.limit ?? 280), warn: !m.fits };
  }
  if (channel === 'sms') {
    const m = measureForChannel(text, 'sms');
    return { text: t('popupSmsSegments', m.segments ?? 1), warn: false };
  }
  return null;
}
