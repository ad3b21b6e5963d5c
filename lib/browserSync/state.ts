import type { CustomProgramData, ReferralLink } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';
import type { Fields } from './reconcile';

/**
 * What follows the user to their other browsers, and how it is cut into storage.sync items: one per link
 * (`l:<id>`), per custom program (`p:<id>`), per program's share templates (`t:<program id>`), and one for the
 * settings (`s`). Not synced: invites, coupons, events (too large and too personal), status feeds (their addresses
 * carry tokens), the program shown last and the time zone (this device's own).
 */
export const SYNCED_SETTINGS = [
  'language',
  'quietHours',
  'mutedSites',
  'followUpDays',
  'couponExpiringDays',
  'notify',
] as const satisfies readonly (keyof AppSettings)[];

type SyncedSettings = Pick<AppSettings, (typeof SYNCED_SETTINGS)[number] | 'templates'>;

export interface SyncedState {
  links: ReferralLink[];
  programs: CustomProgramData[];
  settings: SyncedSettings;
}

const without = <T extends { id: string }>(row: T): Fields => {
  const { id: _, ...rest } = row;
  return rest;
};

/** The local state as records' plain values, per key. */
export function toFields(state: SyncedState): Record<string, Fields> {
  const out: Record<string, Fields> = {};
  for (const link of state.links) out[`l:${link.id}`] = without(link);
  for (const program of state.programs) out[`p:${program.id}`] = without(program);
  for (const [programId, byLocale] of Object.entries(state.settings.templates)) {
    if (byLocale && Object.keys(byLocale).length) out[`t:${programId}`] = { ...byLocale };
  }
  out.s = Object.fromEntries(SYNCED_SETTINGS.map((name) => [name, state.settings[name]]));
  return out;
}

/** A record's values back as a row: null (an optional field not set) is left out. */
export function toRow<T>(key: string, fields: Fields): T {
  const row: Fields = { id: key.slice(2) };
  for (const [name, value] of Object.entries(fields)) if (value !== null) row[name] = value;
  return row as T;
}
