import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useDb } from '@/components/hooks/useDb';
import { sendCommand } from '@/lib/messaging/client';
import type { Coupon, Invite } from '@/lib/referral/types';

/** The wallet's coupons and the invites they came from (undefined when the invite was deleted). */
export interface Wallet {
  coupons: Coupon[];
  invites: Map<string, Invite | undefined>;
}

/** The coupon wallet, live: re-renders when the background adds or changes a coupon, in any tab. */
export function useWallet(): Wallet | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const coupons = await db.coupons.toArray();
    const ids = [...new Set(coupons.flatMap((c) => (c.inviteId ? [c.inviteId] : [])))];
    const found = await db.invites.bulkGet(ids);
    return { coupons, invites: new Map(ids.map((id, n) => [id, found[n]])) };
  }, [db]);
}

/** The background accepts at most this many ids per markCouponsSeen. */
const SEEN_BATCH = 1000;

/**
 * Coupons shown in the wallet count as seen, so they stop counting on the toolbar badge. Each id is asked
 * for once per page: the live query re-runs after the background writes seenAt, and must not loop.
 */
export function useMarkSeen(coupons: Coupon[] | undefined): void {
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const ids = (coupons ?? []).filter((c) => c.seenAt === undefined && !asked.current.has(c.id)).map((c) => c.id);
    for (const id of ids) asked.current.add(id);
    for (let i = 0; i < ids.length; i += SEEN_BATCH) {
      void sendCommand('markCouponsSeen', { ids: ids.slice(i, i + SEEN_BATCH) });
    }
  }, [coupons]);
}
