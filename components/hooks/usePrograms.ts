import { useLiveQuery } from 'dexie-react-hooks';
import { allPrograms, BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { Program } from '@/lib/referral/types';
import { useDb } from './useDb';

/** Built-in programs plus the user's custom ones, live. */
export function usePrograms(): Program[] {
  const db = useDb();
  return (
    useLiveQuery(async () => allPrograms(await db.programs.orderBy('createdAt').toArray()), [db]) ?? BUILT_IN_PROGRAMS
  );
}
