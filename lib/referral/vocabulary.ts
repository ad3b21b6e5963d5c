import type { Channel, ObservedStatus } from './types';

/** Every share channel, as stored on invites (messages and backups are checked against this list). */
export const CHANNELS = [
  'whatsapp',
  'telegram',
  'email',
  'sms',
  'x',
  'facebook',
  'webshare',
  'copy',
  'qr',
  'other',
] as const satisfies readonly Channel[];

/** Every status an event can report, in the order of an invite's life. */
export const OBSERVED_STATUSES = [
  'registered',
  'first_purchase',
  'reward_pending',
  'coupon_received',
  'ineligible',
  'expired',
  'clawed_back',
] as const satisfies readonly ObservedStatus[];
