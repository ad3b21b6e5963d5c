import { bool, type Check, list, obj, oneOf, str } from '@/lib/messaging/shape';
import { normaliseHostname } from '@/lib/referral/hostname';
import type { AppSettings } from '@/lib/settings';
import { int, LOCALES, locale, nullable, programId, record, refine } from './checks';

/** Limits the Settings tab enforces; a backup is held to the same. */
export const FOLLOW_UP_DAYS = { min: 0, max: 60 } as const;
export const COUPON_EXPIRING_DAYS = { min: 1, max: 30 } as const;
export const MAX_TEMPLATE = 1000;
export const MAX_MUTED_SITES = 500;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Quiet hours as the time inputs give them: 'HH:MM', 24-hour. */
const clockTime = refine(str(5, 5), (v) => (HH_MM.test(v) ? undefined : 'is not a time like 22:00'));

/** A template must carry the link: a share without it would not be an invite. */
const template = refine(str(MAX_TEMPLATE, 1), (v) => (v.includes('{link}') ? undefined : 'has no {link}'));

/** A muted site: a hostname in the normal form the Settings tab stores. */
const mutedSite = refine(str(253, 1), (v) =>
  normaliseHostname(v) === v ? undefined : 'is not a host name like shop.example.com',
);

/** Every field of AppSettings, checked; unknown fields are refused. */
export const settingsCheck: Check<AppSettings> = obj(
  {
    locale,
    timeZone: str(100, 1),
    followUpDays: int(FOLLOW_UP_DAYS.min, FOLLOW_UP_DAYS.max),
    couponExpiringDays: int(COUPON_EXPIRING_DAYS.min, COUPON_EXPIRING_DAYS.max),
    notify: obj({ coupon_arrived: bool(), reward_overdue: bool(), coupon_expiring: bool(), follow_up: bool() }),
    language: oneOf(['auto', ...LOCALES]),
    quietHours: nullable(
      refine(obj({ start: clockTime, end: clockTime }), (q) =>
        q.start === q.end ? 'start and end are the same time' : undefined,
      ),
    ),
    mutedSites: list(mutedSite, MAX_MUTED_SITES),
    templates: record(programId, record(locale, template, LOCALES.length), 1000),
  },
  { lastProgramId: programId },
);
