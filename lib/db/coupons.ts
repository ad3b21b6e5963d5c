import { couponDedupeKey, newCoupon, validateCouponInput } from '@/lib/referral/coupons';
import { allPrograms } from '@/lib/referral/programs/index';
import type { Coupon, CouponInput, ProgramId, Settings } from '@/lib/referral/types';
import { ingestEvents } from './events';
import { type Ctx, err, ok, type Result } from './result';
import type { RefShareDB } from './schema';

/**
 * Adds coupons to the wallet. The same coupon twice (same program, title, value, code, expiry) is one
 * coupon: the existing one is returned and `added` says which were new. Filed under an invite, the coupon also
 * moves that invite to "coupon received".
 */
export async function addCoupons(
  db: RefShareDB,
  data: { programId: ProgramId; inviteId?: string; coupons: unknown[] },
  settings: Settings,
  ctx: Ctx,
): Promise<Result<{ added: Coupon[]; existing: Coupon[] }>> {
  const inputs: CouponInput[] = [];
  for (const [i, raw] of data.coupons.entries()) {
    const v = validateCouponInput(raw);
    if (!v.ok) return err('invalid_input', data.coupons.length > 1 ? `Coupon ${i + 1}: ${v.message}` : v.message);
    inputs.push(v.coupon);
  }
  // The events/outbox/programs tables are in scope so the status change below joins this transaction.
  return db.transaction('rw', [db.coupons, db.invites, db.events, db.outbox, db.programs], async () => {
    // A coupon belongs to a program the user has (the wallet, stats and backups group by it).
    if (!allPrograms(await db.programs.toArray()).some((p) => p.id === data.programId)) {
      return err('not_found', 'That program is not one of yours: add it in Links first.');
    }
    const invite = data.inviteId ? await db.invites.get(data.inviteId) : undefined;
    if (data.inviteId && !invite) return err('not_found', 'That invite no longer exists.');
    if (invite && invite.programId !== data.programId) {
      return err('invalid_input', 'That invite was shared for another program than this coupon.');
    }
    const added: Coupon[] = [];
    const existing: Coupon[] = [];
    for (const input of inputs) {
      const key = couponDedupeKey(data.programId, input);
      const twin = (await db.coupons.where('dedupeKey').equals(key).first()) ?? added.find((c) => c.dedupeKey === key);
      if (twin) {
        existing.push(twin);
        continue;
      }
      const coupon = newCoupon(input, {
        id: ctx.newId(),
        programId: data.programId,
        ...(data.inviteId ? { inviteId: data.inviteId } : {}),
        now: ctx.now,
      });
      await db.coupons.add(coupon);
      added.push(coupon);
    }
    // A coupon filed under an invite is that invite's reward: record the arrival, as the user's own observation.
    const first = added[0];
    if (data.inviteId && first) {
      const event = {
        key: `coupon:${first.dedupeKey}`,
        inviteId: data.inviteId,
        status: 'coupon_received' as const,
        at: ctx.now,
        source: 'manual' as const,
      };
      await ingestEvents(db, [event], settings, ctx);
    }
    return ok({ added, existing });
  });
}

/** Marks a coupon used (or available again, to undo a mistaken click). */
export async function markCouponUsed(
  db: RefShareDB,
  data: { id: string; used: boolean },
  ctx: Ctx,
): Promise<Result<Coupon>> {
  return db.transaction('rw', db.coupons, async () => {
    const coupon = await db.coupons.get(data.id);
    if (!coupon) return err('not_found', 'That coupon no longer exists.');
    const next: Coupon = { ...coupon, state: data.used ? 'used' : 'available' };
    if (data.used) next.usedAt = ctx.now;
    else delete next.usedAt;
    if (!data.used && next.expiresAt !== undefined && next.expiresAt <= ctx.now) next.state = 'expired';
    await db.coupons.put(next);
    return ok(next);
  });
}

/** Marks coupons as seen by the user (they stop counting on the badge). */
export async function markCouponsSeen(db: RefShareDB, ids: string[], ctx: Ctx): Promise<Result<{ count: number }>> {
  return db.transaction('rw', db.coupons, async () => {
    const found = await db.coupons.bulkGet(ids);
    const unseen = found.filter((c): c is Coupon => c !== undefined && c.seenAt === undefined);
    await db.coupons.bulkPut(unseen.map((c) => ({ ...c, seenAt: ctx.now })));
    return ok({ count: unseen.length });
  });
}
