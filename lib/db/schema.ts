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
/**
 * Why a notification left the notification area: the user closed it; the browser did (its own timeout, reported
 * through onClosed without byUser); the user opened it or pressed a button; its kind was switched off before it was
 * shown; the browser held it once and then no longer, without telling (a browser restart clears them); or it vanished
 * unseen as many times as RefShare tries.
 */
export type ClosedBy = 'user' | 'browser' | 'opened' | 'switched_off' | 'gone' | 'gave_up';

export interface OutboxEntry {
  key: string;
  notification: NotificationKind;
  title: string;
  message: string;
  inviteId?: string;
  couponId?: string;
  /** Written by versions before issue 14 (never read): the dashboard's "Why pending?" now composes the message. */
  supportMessage?: string;
  createdAt: number;
  /**
   * Where it stands (a number: booleans cannot be indexed in IndexedDB): 0 waiting to be shown; 1 handed to the
   * browser, and checked against `notifications.getAll()` on every run until it is closed; 2 finished (closed by the
   * user or the browser, opened, or of a kind switched off): never shown again unless snoozed. See lib/db/outbox.ts.
   */
  shown: 0 | 1 | 2;
  /** When it was last handed to the browser. */
  shownAt?: number;
  /** How many times it was handed to the browser: more than once only when it vanished before anyone saw it. */
  shows?: number;
  /** When `notifications.getAll()` first held it after it was last handed over: the browser really showed it. */
  heldAt?: number;
  /** When it left the notification area, and why (see ClosedBy). */
  closedAt?: number;
  closedBy?: ClosedBy;
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

/**
 * Version 3 changes no table or index: it gives the outbox a third state (2, finished) so that 1 can mean "handed to
 * the browser, checked against what it holds" (lib/db/outbox.ts). A notification marked shown by an earlier version
 * was never checked, and may have been on screen for months: it is finished, not checked (which would show it again).
 */
export const SCHEMA_V3 = {
  links: 'id, programId, [programId+primary], createdAt',
  programs: 'id, createdAt',
  invites: 'id, linkId, sharedAt, dueAt, [programId+sharedAt], [status+sharedAt], [programId+status+sharedAt]',
  events: 'key, inviteId, receivedAt',
  coupons: 'id, &dedupeKey, programId, inviteId, [state+expiresAt], addedAt',
  outbox: 'key, [shown+createdAt]',
  feeds: 'id, &url',
} as const;

/** Version 3's upgrade: every notification an earlier version called shown is finished. */
async function finishEarlierNotifications(tx: Transaction): Promise<void> {
  await tx.table('outbox').where('[shown+createdAt]').between([1, -Infinity], [1, Infinity]).modify({ shown: 2 });
}

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
  { version: 3, stores: SCHEMA_V3, upgrade: finishEarlierNotifications },
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
