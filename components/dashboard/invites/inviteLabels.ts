import { t } from '@/lib/i18n/t';
import type { Channel, Invite, InviteStatus } from '@/lib/referral/types';
import { OBSERVED_STATUSES } from '@/lib/referral/vocabulary';

const STATUS_KEYS: Record<InviteStatus, string> = {
  shared: 'invitesStatusShared',
  registered: 'invitesStatusRegistered',
  first_purchase: 'invitesStatusFirstPurchase',
  reward_pending: 'invitesStatusRewardPending',
  coupon_received: 'invitesStatusCouponReceived',
  ineligible: 'invitesStatusIneligible',
  expired: 'invitesStatusExpired',
  clawed_back: 'invitesStatusClawedBack',
};

/** Every status, in the order of the invite's life (used by the status filter). */
export const ALL_STATUSES: readonly InviteStatus[] = ['shared', ...OBSERVED_STATUSES];

/**
 * Statuses the user can choose in a row's "Status" select. 'reward_pending' and 'clawed_back' are set by the
 * program's rules and the reward's arrival, so they only appear (disabled) when they are the current status.
 */
export const CHOOSABLE_STATUSES: readonly InviteStatus[] = [
  'shared',
  'registered',
  'first_purchase',
  'coupon_received',
  'ineligible',
  'expired',
];

/** The status as the user reads it ("First purchase"). */
export function statusLabel(status: InviteStatus): string {
  return t(STATUS_KEYS[status]);
}

const CHANNEL_KEYS: Record<Channel, string> = {
  whatsapp: 'invitesChannelWhatsapp',
  telegram: 'invitesChannelTelegram',
  email: 'invitesChannelEmail',
  sms: 'invitesChannelSms',
  x: 'invitesChannelX',
  facebook: 'invitesChannelFacebook',
  webshare: 'invitesChannelWebshare',
  copy: 'invitesChannelCopy',
  qr: 'invitesChannelQr',
  other: 'invitesChannelOther',
};

const ALL_CHANNELS = Object.keys(CHANNEL_KEYS) as Channel[];

/** Where the invite was shared, as the user reads it ("WhatsApp", "Copied link"). */
export function channelLabel(channel: Channel): string {
  return t(CHANNEL_KEYS[channel] ?? 'invitesChannelOther');
}

/**
 * The search: nickname or channel contains the text, ignoring case. The channel matches by its id and by its
 * label in the current language, so "correo" finds e-mail shares in Spanish.
 */
export function inviteMatcher(text: string): ((invite: Invite) => boolean) | undefined {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === '') return undefined;
  const channels = new Set(
    ALL_CHANNELS.filter((c) => c.includes(needle) || channelLabel(c).toLocaleLowerCase().includes(needle)),
  );
  return (invite) => channels.has(invite.channel) || (invite.nickname?.toLocaleLowerCase().includes(needle) ?? false);
}
