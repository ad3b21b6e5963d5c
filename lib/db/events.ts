import { couponDedupeKey, newCoupon } from '@/lib/referral/coupons';
import { applyEvent } from '@/lib/referral/invites';
import { findProgram } from '@/lib/referral/programs/index';
import type { Coupon, Effect, EventOutcome, Invite, Settings, StatusEvent } from '@/lib/referral/types';
import { queueNotifications } from './outbox';
import type { Ctx } from './result';
import type { RefShareDB, StoredEvent } from './schema';

export interface IngestReport {
  key: string;
  outcome: EventOutcome;
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
  return db.transaction('rw', [db.invites, db.events, db.coupons, db.outbox, db.programs], async () => {
    const customs = await db.programs.toArray();
    const ids = [...new Set(events.map((e) => e.inviteId))];
    const found = await db.invites.bulkGet(ids);
    const invites = new Map<string, Invite>();
    for (const inv of found) if (inv) invites.set(inv.id, inv);

    const changed = new Set<string>();
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
      const seen = new Set((await db.coupons.where('dedupeKey').anyOf(keys).toArray()).map((c) => c.dedupeKey));
      const fresh = coupons.filter((c) => !seen.has(c.dedupeKey) && seen.add(c.dedupeKey));
      await db.coupons.bulkAdd(fresh);
    }
    await queueNotifications(db, effects, ctx.now);
    return reports;
  });
}
