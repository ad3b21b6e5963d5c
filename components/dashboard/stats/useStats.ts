import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDb } from '@/components/hooks/useDb';
import { usePrograms } from '@/components/hooks/usePrograms';
import { computeStats, type Stats } from '@/lib/referral/stats';

/**
 * Statistics over every invite and coupon, live. Stats need all invites, so this reads the whole table in
 * one live query (a few MB at 100k invites); it re-runs when the background writes invites or coupons.
 */
export function useStats(now: number, timeZone: string): Stats | undefined {
  const db = useDb();
  const programs = usePrograms();
  const data = useLiveQuery(async () => {
    const [invites, coupons] = await Promise.all([db.invites.toArray(), db.coupons.toArray()]);
    return { invites, coupons };
  }, [db]);
  return useMemo(
    () => (data ? computeStats(data.invites, data.coupons, programs, now, timeZone) : undefined),
    [data, programs, now, timeZone],
  );
}
