import { couponDedupeKey, newCoupon } from '@/lib/referral/coupons';
import { applyEvent } from '@/lib/referral/invites';
import { findProgram } from '@/lib/referral/programs/index';
import type {
  Coupon,
  CustomProgramData,
  Effect,
  EventOutcome,
  Invite,
  Settings,
  StatusEvent,
} from '@/lib/referral/types';
import { queueNotifications } from './outbox';
import type { Ctx } from './result';
import type { RefShareDB, StoredEvent } from './schema';

export interface IngestReport {
  key: string;
  outcome: EventOutcome;
}

/** What the caller of applyEventsInTx may already hold, so nothing is read or written twice. */
interface InTx {
  /** The custom programs, when the caller has read them already. */
  customs?: CustomProgramData[];
  /**
   * Invites the caller changed in this transaction and has not written yet (e.g. by the time rules): events apply
   * on top of them instead of the stored copies, and every one of them is written with the results.
   */
  pending?: ReadonlyMap<string, Invite>;
}

/**
 * The body of ingestEvents: stores and applies status events, with the coupons they bring and the notifications
 * they cause. Dexie joins the caller's read-write transaction when there is one (so a caller can apply events
 * together with its own changes, all or nothing), else it opens its own.
 */
export async function applyEventsInTx(
  db: RefShareDB,
  events: readonly StatusEvent[],
  settings: Settings,
  ctx: Ctx,
  held: InTx = {},
): Promise<{ reports: IngestReport[]; notifications: number }> {
  return db.transaction('rw', [db.invites, db.events, db.coupons, db.outbox, db.programs], async () => {
    const customs = held.customs ?? (await db.programs.toArray());
    const invites = new Map<string, Invite>(held.pending);
    const ids = [...new Set(events.map((e) => e.inviteId))].filter((id) => !invites.has(id));
    const found = ids.length > 0 ? await db.invites.bulkGet(ids) : [];
    for (const inv of found) if (inv) invites.set(inv.id, inv);

    const changed = new Set<string>(held.pending?.keys());
    const stored: StoredEvent[] = [];
    const effects: Effect[] = [];
    const coupons: Coupon[] = [];
    const reports: IngestReport[] = [];
    for (const event of events) {
      const invite = invites.get(event.inviteId);
      const program = invite && findProgram(invite.programId, customs);
      if (!invite || !program) {
        const outcome: EventOutcome = { result: 'unknown_invite' };
        stored.push({ ...event, receivedAt: ctx.now, outcome: outcome.result, reason: 'No such invite' });
        reports.push({ key: event.key, outcome });
        continue;
      }
      const r = applyEvent(invite, event, program, settings, ctx.now);
      reports.push({ key: event.key, outcome: r.outcome });
      if (r.outcome.result === 'duplicate') continue;
      invites.set(invite.id, r.invite);
      changed.add(invite.id);
      stored.push({
        ...event,
        receivedAt: ctx.now,
        outcome: r.outcome.result,
        ...(r.outcome.result === 'rejected' ? { reason: r.outcome.reason } : {}),
      });
      effects.push(...r.effects);
      if (event.coupon && r.outcome.result === 'applied') {
        const coupon = newCoupon(event.coupon, {
          id: ctx.newId(),
          programId: invite.programId,
          inviteId: invite.id,
          now: ctx.now,
        });
        coupons.push(coupon);
      }
    }

    await db.events.bulkPut(stored);
    await db.invites.bulkPut([...changed].map((id) => invites.get(id) as Invite));
    if (coupons.length > 0) {
      const keys = coupons.map((c) => couponDedupeKey(c.programId, c));
      const stored = await db.coupons.where('dedupeKey').anyOf(keys).toArray();
      const idOf = new Map(stored.map((c) => [c.dedupeKey, c.id]));
      const fresh = coupons.filter((c) => !idOf.has(c.dedupeKey) && idOf.set(c.dedupeKey, c.id));
      await db.coupons.bulkAdd(fresh);
      // The invite's "coupon arrived" notice was written before its coupon existed: name the coupon, so the
      // notification can offer "Mark used" and lead to it.
      const couponOf = new Map(coupons.map((c) => [c.inviteId, idOf.get(c.dedupeKey)]));
      for (const e of effects) {
        if (e.kind !== 'notify' || e.notification !== 'coupon_arrived' || e.couponId || !e.inviteId) continue;
        const couponId = couponOf.get(e.inviteId);
        if (couponId) e.couponId = couponId;
      }
    }
    const notifications = await queueNotifications(db, effects, ctx.now);
    return { reports, notifications };
  });
}

/**
 * Stores and applies status events in ONE read-write transaction: the events, the invites they move,
 * coupons they bring and the notifications they cause all commit together or not at all. Nothing but
 * IndexedDB is awaited inside (a foreign await would commit the transaction early).
 *
 * Replays are no-ops (the invite keeps every applied key); an event for an unknown invite or one the
 * engine rejects is still stored, with its verdict, so no observation is ever lost.
 */
export async function ingestEvents(
  db: RefShareDB,
  events: readonly StatusEvent[],
  settings: Settings,
  ctx: Ctx,
): Promise<IngestReport[]> {
  return (await applyEventsInTx(db, events, settings, ctx)).reports;
}
