import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type {
  Coupon,
  CustomProgramData,
  EventOutcome,
  Invite,
  NotificationKind,
  ReferralLink,
  StatusEvent,
} from '@/lib/referral/types';

/** A status event as stored: the observation, when we learnt it, and what the engine made of it. */
export interface StoredEvent extends StatusEvent {
  /** When the event reached the store. */
  receivedAt: number;
  /** The engine's verdict when the event was applied. */
  outcome: EventOutcome['result'];
  /** Why it was rejected, when it was. */
  reason?: string;
}

/**
 * A notification to show, written in the same transaction as the state change that caused it.
 * The key doubles as the notification id, so showing it twice replaces rather than duplicates.
 */
export interface OutboxEntry {
  key: string;
  notification: NotificationKind;
  title: string;
  message: string;
  inviteId?: string;
  couponId?: string;
  supportMessage?: string;
  createdAt: number;
  /** 0 until shown, then 1 (booleans cannot be indexed in IndexedDB). */
  shown: 0 | 1;
  shownAt?: number;
  /** Not to be shown before this time (set by "Snooze 1 day"); absent = as soon as possible. */
  notBefore?: number;
}

/**
 * A status feed the user added (Settings → "Feed URL"): where it is, how far it has been read, and its health,
 * which Settings shows. Written by the background only (lib/db/feeds.ts).
 */
export interface FeedRecord {
  id: string;
  /** The feed's address, normalised (new URL().href without a fragment); unique. */
  url: string;
  addedAt: number;
  /** The feed's own position marker from its last page, sent back as `?cursor=`; absent until it gives one. */
  cursor?: string;
  /** The ETag of the last page read, sent back as If-None-Match so an unchanged feed answers 304. */
  etag?: string;
  /** Last time the feed was read without error. */
  lastSuccessAt?: number;
  /** Last time reading it failed, and why (an English sentence, shown as text). */
  lastErrorAt?: number;
  lastError?: string;
  /** Failures in a row since the last success; drives the backoff. 0 when healthy. */
  failures: number;
  /** Not read again before this time (backoff after a failure, the polling interval after a success). */
  nextAttemptAt: number;
  /** Events on the last page read (0 for an unchanged feed). */
  lastEventCount?: number;
  /** The last page's refused events and why, at most 20 (the rest of the page still applied). */
  rejected?: { id?: string; reason: string }[];
}

export const DB_NAME = 'refshare';

/**
 * Version history. Each version lists every table; an upgrade that changes data is a named function
 * exported beside it and tested on a database filled at the version before (tests/unit/db/migrations.test.ts).
 */
export const SCHEMA_V1 = {
  /** Referral links; [programId+primary] finds the link to show for a program. */
  links: 'id, programId, [programId+primary], createdAt',
  /** User-defined programs (built-in ones are code, lib/referral/programs). */
  programs: 'id, createdAt',
  /**
   * Invites. dueAt drives the time rules (only due invites are read); the compound indexes serve the
   * dashboard's filters, newest first.
   */
  invites: 'id, linkId, sharedAt, dueAt, [programId+sharedAt], [status+sharedAt], [programId+status+sharedAt]',
  /** Every observation by idempotency key, never deleted. */
  events: 'key, inviteId, receivedAt',
  /** Coupon wallet; dedupeKey makes the same coupon imported twice one coupon. */
  coupons: 'id, &dedupeKey, programId, inviteId, [state+expiresAt], addedAt',
  /** Notifications waiting to be shown. */
  outbox: 'key, [shown+createdAt]',
} as const;

/**
 * Version 2 adds the status feeds the user subscribes to (every other table as in version 1, written out again
 * so that a shipped version reads whole on its own). Only a new table: no existing row changes, so there is no
 * upgrade function (tests/unit/db/migrations.test.ts checks that a version 1 database keeps every row).
 */
export const SCHEMA_V2 = {
  links: 'id, programId, [programId+primary], createdAt',
  programs: 'id, createdAt',
  invites: 'id, linkId, sharedAt, dueAt, [programId+sharedAt], [status+sharedAt], [programId+status+sharedAt]',
  events: 'key, inviteId, receivedAt',
  coupons: 'id, &dedupeKey, programId, inviteId, [state+expiresAt], addedAt',
  outbox: 'key, [shown+createdAt]',
  /** Status feeds (Settings); the same address is added once. A handful at most, so "due" is a scan, not an index. */
  feeds: 'id, &url',
} as const;

/** One schema version: its stores and, when data must change, a named upgrade function. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Ascending. Add a version at the end; never edit a version that has shipped. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: SCHEMA_V1 },
  { version: 2, stores: SCHEMA_V2 },
];

export class RefShareDB extends Dexie {
  links!: EntityTable<ReferralLink, 'id'>;
  programs!: EntityTable<CustomProgramData, 'id'>;
  invites!: EntityTable<Invite, 'id'>;
  events!: EntityTable<StoredEvent, 'key'>;
  coupons!: EntityTable<Coupon, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'key'>;
  feeds!: EntityTable<FeedRecord, 'id'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

/** Opens the database (the caller owns the instance: the background keeps one, tests make their own). */
export function openDatabase(name: string = DB_NAME): RefShareDB {
  return new RefShareDB(name);
}
