import { type Collection, Dexie, type InsertType } from 'dexie';
import type { RefShareDB } from '@/lib/db/schema';
import type { Invite, InviteStatus, ProgramId } from '@/lib/referral/types';

/** Rows per page of the invites table. */
export const PAGE_SIZE = 50;

/**
 * A search reads invites one by one (nicknames are not indexed), so it looks at no more than this many of the
 * newest invites in the chosen program/status range; the UI says so when the limit was reached. Program and
 * status filters narrow the range through their indexes first.
 */
export const SEARCH_SCAN_LIMIT = 20_000;

export interface InviteFilter {
  programId?: ProgramId;
  status?: InviteStatus;
}

/** A page of search results. */
export interface InvitePage {
  rows: Invite[];
  /** Matches among the invites scanned. */
  total: number;
  /** A search stopped at SEARCH_SCAN_LIMIT; older invites were not searched. */
  truncated: boolean;
}

/**
 * The invites of a filter, newest first, through the index made for it (lib/db/schema.ts), so a page or a count
 * never reads the whole table: the compound indexes end in sharedAt, and [key, minKey]–[key, maxKey] spans every
 * sharedAt of that key.
 */
function invitesNewestFirst(
  db: RefShareDB,
  { programId, status }: InviteFilter,
): Collection<Invite, string, InsertType<Invite, 'id'>> {
  const { minKey, maxKey } = Dexie;
  if (programId && status) {
    return db.invites
      .where('[programId+status+sharedAt]')
      .between([programId, status, minKey], [programId, status, maxKey])
      .reverse();
  }
  if (programId) {
    return db.invites.where('[programId+sharedAt]').between([programId, minKey], [programId, maxKey]).reverse();
  }
  if (status) return db.invites.where('[status+sharedAt]').between([status, minKey], [status, maxKey]).reverse();
  return db.invites.orderBy('sharedAt').reverse();
}

/** One page of invites (0-based `page`), newest first: an indexed offset/limit read of at most PAGE_SIZE rows. */
export function loadInviteRows(db: RefShareDB, filter: InviteFilter, page: number): Promise<Invite[]> {
  return invitesNewestFirst(db, filter)
    .offset(page * PAGE_SIZE)
    .limit(PAGE_SIZE)
    .toArray();
}

/**
 * How many invites a filter matches, counted by IndexedDB over the key range without reading the rows. Chromium
 * still walks the range (about half a second per 100,000 invites), so the UI runs this apart from the rows and
 * not on page turns. With no filter, the store's own count, which is faster than an index's.
 */
export function countInvites(db: RefShareDB, filter: InviteFilter): Promise<number> {
  return filter.programId || filter.status ? invitesNewestFirst(db, filter).count() : db.invites.count();
}

/**
 * A search (`matches`): one scan of the filtered range, newest first, bounded by `scanLimit`, that collects
 * the page's rows and counts the matches in the same pass.
 */
export async function searchInvites(
  db: RefShareDB,
  filter: InviteFilter,
  page: number,
  matches: (invite: Invite) => boolean,
  scanLimit = SEARCH_SCAN_LIMIT,
): Promise<InvitePage> {
  const start = page * PAGE_SIZE;
  let scanned = 0;
  let total = 0;
  const rows: Invite[] = [];
  await invitesNewestFirst(db, filter)
    // `until` comes before `filter` so it sees every invite read, not only the matching ones.
    .until(() => ++scanned > scanLimit)
    .filter(matches)
    .each((invite) => {
      if (total >= start && total < start + PAGE_SIZE) rows.push(invite);
      total++;
    });
  return { rows, total, truncated: scanned > scanLimit };
}
