import type { CustomProgramData, ReferralLink } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';
import type { Fields } from './reconcile';

/**
 * What follows the user to their other browsers, and how it is cut into storage.sync items: one per link
 * (`l:<id>`), per custom program (`p:<id>`), per program's share templates (`t:<program id>`), one for the
 * settings (`s`), and the muted sites in MUTED_ITEMS items (`m0`…`m3`, by a hash of the host: the 500 hosts the
 * UI allows outgrow one 8 kB item, and must not hold the other settings back). Not synced: invites, coupons, events (too large and too personal), status feeds (their addresses
 * carry tokens), the program shown last and the time zone (this device's own).
 */
export const SYNCED_SETTINGS = [
  'language',
  'quietHours',
  'followUpDays',
  'couponExpiringDays',
  'notify',
] as const satisfies readonly (keyof AppSettings)[];

type SyncedSettings = Pick<AppSettings, (typeof SYNCED_SETTINGS)[number] | 'templates' | 'mutedSites'>;

export interface SyncedState {
  links: ReferralLink[];
  programs: CustomProgramData[];
  settings: SyncedSettings;
}

const MUTED_ITEMS = 4;
/** Which muted-sites item a host lives in: stable on every device. */
const mutedItem = (host: string) =>
  [...host].reduce((h, ch) => (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0, 7) % MUTED_ITEMS;
export const isMutedKey = (key: string) => /^m[0-3]$/.test(key);

/** The muted sites again, from every muted-sites item (each as merged, or as it is here). */
export function mutedSitesFrom(items: Record<string, Fields | undefined>): string[] {
  const all: string[] = [];
  for (let i = 0; i < MUTED_ITEMS; i++) {
    const sites = items[`m${i}`]?.sites;
    if (Array.isArray(sites)) all.push(...sites.filter((s): s is string => typeof s === 'string'));
  }
  return all;
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
  const buckets: string[][] = Array.from({ length: MUTED_ITEMS }, () => []);
  for (const host of state.settings.mutedSites) buckets[mutedItem(host)]?.push(host);
  buckets.forEach((sites, i) => {
    out[`m${i}`] = { sites };
  });
  return out;
}

/** A record's values back as a row: null (an optional field not set) is left out. */
export function toRow<T>(key: string, fields: Fields): T {
  const row: Fields = { id: key.slice(2) };
  for (const [name, value] of Object.entries(fields)) if (value !== null) row[name] = value;
  return row as T;
}
