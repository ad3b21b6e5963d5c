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

/** One schema version: its stores and, when data must change, a named upgrade function. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Ascending. Add a version at the end; never edit a version that has shipped. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [{ version: 1, stores: SCHEMA_V1 }];

export class RefShareDB extends Dexie {
  links!: EntityTable<ReferralLink, 'id'>;
  programs!: EntityTable<CustomProgramData, 'id'>;
  invites!: EntityTable<Invite, 'id'>;
  events!: EntityTable<StoredEvent, 'key'>;
  coupons!: EntityTable<Coupon, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'key'>;

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
