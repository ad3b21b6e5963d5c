import type { DBCoreCursor } from 'dexie';
import type { Notifier } from '@/lib/db/loop';
import type { RefShareDB } from '@/lib/db/schema';
import { newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { DAY, HOUR } from '@/lib/referral/time';
import type { Invite } from '@/lib/referral/types';
import type { AppSettings } from '@/lib/settings';

/** The engine's defaults plus the app's own settings, in UTC (built here so tests need no extension storage). */
export const appSettings: AppSettings = {
  ...DEFAULT_SETTINGS,
  timeZone: 'UTC',
  language: 'auto',
  quietHours: null,
  mutedSites: [],
  templates: {},
};

/**
 * Counts the rows the database reads and writes, below Dexie's API (a DBCore middleware), so every way of reading
 * counts: get, bulkGet, queries and cursors. Dexie builds its middleware stack when it opens, so an open database
 * is closed and opened again to take it in.
 */
export async function countRows(db: RefShareDB): Promise<{ read: number; written: number; reset(): void }> {
  const counts = {
    read: 0,
    written: 0,
    reset() {
      counts.read = 0;
      counts.written = 0;
    },
  };
  db.use({
    stack: 'dbcore',
    name: 'countRows',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          async get(req) {
            const value = await table.get(req);
            if (value !== undefined) counts.read++;
            return value;
          },
          async getMany(req) {
            const values = await table.getMany(req);
            counts.read += values.filter((v) => v !== undefined).length;
            return values;
          },
          async query(req) {
            const res = await table.query(req);
            counts.read += res.result.length;
            return res;
          },
          async openCursor(req) {
            const cursor = await table.openCursor(req);
            if (cursor) {
              const start = cursor.start.bind(cursor);
              (cursor as { start: DBCoreCursor['start'] }).start = (onNext) =>
                start(() => {
                  counts.read++;
                  onNext();
                });
            }
            return cursor;
          },
          mutate(req) {
            counts.written +=
              req.type === 'deleteRange' ? 1 : req.type === 'delete' ? req.keys.length : req.values.length;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  if (db.isOpen()) {
    db.close();
    await db.open();
  }
  return counts;
}

/**
 * A notification centre like the browser's: showing under an id already on screen replaces it. `shows` counts
 * every call, `screen` what the user sees. `fail` makes the next show fail once: before it reaches the screen,
 * or after (the worker killed between showing and marking shown).
 */
export class ScreenNotifier implements Notifier {
  readonly screen = new Map<string, string>();
  shows = 0;
  fail: 'before' | 'after' | null = null;
  /** Fails every show of this key (a notification the browser refuses), while the others go through. */
  refuse: string | null = null;
  /** The browser takes each notification and drops it at once, telling no one (a worker stopped mid-create). */
  vanish = false;

  async show(entry: { key: string; title: string }): Promise<void> {
    this.shows++;
    const fail = this.fail;
    if (fail === 'before' || entry.key === this.refuse) {
      this.fail = null;
      throw new Error('Notifications are blocked');
    }
    if (!this.vanish) this.screen.set(entry.key, entry.title);
    if (fail === 'after') {
      this.fail = null;
      throw new Error('Worker stopped');
    }
  }

  async held(): Promise<Set<string>> {
    return new Set(this.screen.keys());
  }
}

/**
 * Invites built without the database, to seed many at once: `notDue` ones wait for a follow-up days ahead (or for
 * nothing), `followUpDue` ones were shared four days before `now`, `overdue` ones paid more than 24 h ago.
 */
export function seedInvites(kind: 'notDue' | 'followUpDue' | 'overdue', count: number, now: number, prefix = kind) {
  const invites: Invite[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${i}`;
    const sharedAt = kind === 'notDue' ? now - HOUR : now - 4 * DAY;
    const invite = newInvite(
      { id, programId: 'aliexpress', linkId: 'link', channel: 'copy', now: sharedAt },
      aliexpress,
      DEFAULT_SETTINGS,
    );
    if (kind === 'notDue' && i % 2 === 1) {
      // Half of them finished: no dueAt at all, so not even in the index.
      invite.status = 'coupon_received';
      delete invite.dueAt;
    }
    if (kind === 'overdue') {
      invite.status = 'first_purchase';
      invite.milestones = { registered: now - 2 * DAY, first_purchase: now - 2 * DAY };
      invite.evidence = [{ key: `paid:${id}`, status: 'first_purchase', at: now - 2 * DAY }];
      invite.followUpSentAt = now - DAY;
      invite.rewardDueAt = now - 2 * DAY + aliexpress.rules.rewardDelayMs;
      invite.dueAt = invite.rewardDueAt;
    }
    invites.push(invite);
  }
  return invites;
}

/** One invite of a kind (see seedInvites). */
export function seedInvite(kind: 'notDue' | 'followUpDue' | 'overdue', now: number): Invite {
  const [invite] = seedInvites(kind, 1, now);
  if (!invite) throw new Error('No invite seeded');
  return invite;
}

/** Every table's rows, in key order: two snapshots are equal when a run changed nothing. */
export async function snapshot(db: RefShareDB) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}
