import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDb } from '@/components/hooks/useDb';
import type { Invite, InviteStatus, ProgramId } from '@/lib/referral/types';
import { inviteMatcher } from './inviteLabels';
import { countInvites, type InviteFilter, loadInviteRows, searchInvites } from './inviteQuery';

export interface InviteQuery {
  programId: ProgramId | '';
  status: InviteStatus | '';
  search: string;
  page: number;
}

/** A loaded page, tagged with the query it answers. */
export interface LoadedInvitePage {
  /** queryKey() of the query this page answers (the previous page stays on screen while the next loads). */
  key: string;
  /** The page shown (0-based) and whether it is a search, as loaded: the pager describes what is on screen. */
  page: number;
  searching: boolean;
  rows: Invite[];
  /** How many invites match; undefined while still being counted. */
  total?: number;
  /** A search stopped at the scan limit. */
  truncated: boolean;
}

/** A key identifying a query, so the UI can tell a page still being replaced from the current one. */
export function queryKey(q: InviteQuery): string {
  return JSON.stringify([q.programId, q.status, q.search.trim().toLocaleLowerCase(), q.page]);
}

function filterOf(q: InviteQuery): InviteFilter {
  return { ...(q.programId ? { programId: q.programId } : {}), ...(q.status ? { status: q.status } : {}) };
}

/**
 * The invites page for a query, live: a change to any invite in the range (from the background, the popup or
 * another tab) re-runs it. Rows and total are two queries so the rows show first and turning a page never
 * recounts (a count walks the whole range); a search counts in its own scan.
 */
export function useInvitePage(q: InviteQuery): LoadedInvitePage | undefined {
  const db = useDb();
  const key = queryKey(q);
  const searching = q.search.trim() !== '';
  const countKey = JSON.stringify([q.programId, q.status, searching]);

  const loaded = useLiveQuery(async () => {
    const matches = inviteMatcher(q.search);
    if (matches) {
      const found = await searchInvites(db, filterOf(q), q.page, matches);
      return { key, countKey, page: q.page, searching: true, ...found };
    }
    const rows = await loadInviteRows(db, filterOf(q), q.page);
    return { key, countKey, page: q.page, searching: false, rows, truncated: false };
  }, [db, key]);

  // Chromium runs IndexedDB requests one after another, and a count walks its whole range: started together, the
  // count would hold the rows back (half a second at 100,000 invites). So the count waits for this filter's rows.
  const rowsShown = loaded?.countKey === countKey;
  const counted = useLiveQuery(
    async () => ({
      countKey,
      total: searching || !rowsShown ? undefined : await countInvites(db, filterOf(q)),
    }),
    [db, countKey, rowsShown],
  );

  return useMemo(() => {
    if (!loaded) return undefined;
    const { countKey: rowsFilter, ...page } = loaded;
    if (page.searching) return page;
    // The count may belong to another filter than the rows on screen (one of the two is still loading).
    return { ...page, total: counted?.countKey === rowsFilter ? counted.total : undefined };
  }, [loaded, counted]);
}
