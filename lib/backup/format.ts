import type { StoredEvent } from '@/lib/db/schema';
import type { Coupon, CustomProgramData, Invite, ReferralLink } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';

/** The `format` field of every RefShare backup: anything else is not ours. */
export const BACKUP_FORMAT = 'refshare-backup';
/** The backup format version this build writes and reads. */
export const BACKUP_VERSION = 1;
/** Largest backup file read (bytes): far above a lifetime of invites, small enough to parse in a tab. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
/** Most rows (all tables together) a backup may hold. */
export const MAX_BACKUP_ROWS = 1_000_000;

/**
 * The tables a backup carries, in the order they are listed. The outbox is not exported: it is transient.
 * Status feeds are deliberately left out too: a feed's address often carries a personal access token, and a
 * backup file travels (mail, cloud drives), while nothing may leave the device except requests to that feed;
 * and a restored feed could not be read anyway until the user grants its site again, which only a click on
 * "Add feed" can do. What feeds brought (invites moved, coupons) is in the backup like everything else.
 */
export const BACKUP_TABLES = ['links', 'programs', 'invites', 'events', 'coupons'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Rows of every exported table, each in primary-key order. */
export interface BackupData {
  links: ReferralLink[];
  programs: CustomProgramData[];
  invites: Invite[];
  events: StoredEvent[];
  coupons: Coupon[];
}

export type BackupCounts = Record<BackupTable, number>;

/** A backup file, as written by "Export backup" (JSON). */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  /** Rows per table: a cheap check that the file was not cut short or edited. */
  counts: BackupCounts;
  data: BackupData;
  settings: AppSettings;
}

/** Rows per table. */
function countRows(data: BackupData): BackupCounts {
  return {
    links: data.links.length,
    programs: data.programs.length,
    invites: data.invites.length,
    events: data.events.length,
    coupons: data.coupons.length,
  };
}

/** Assembles a backup from the database's rows and the settings, as of `now`. */
export function buildBackup(data: BackupData, settings: AppSettings, now: number): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    counts: countRows(data),
    data,
    settings,
  };
}

/** `refshare-backup-YYYY-MM-DD.json`, dated in the user's own time zone (the day they see on their calendar). */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `refshare-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
