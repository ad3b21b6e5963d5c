import type { Settings } from './types';

/** Settings a fresh install starts with; the settings store (lib/settings.ts) migrates from these. */
export const DEFAULT_SETTINGS: Settings = {
  locale: 'en',
  timeZone: 'UTC',
  followUpDays: 3,
  couponExpiringDays: 3,
  notify: { coupon_arrived: true, reward_overdue: true, coupon_expiring: true, follow_up: true },
};
