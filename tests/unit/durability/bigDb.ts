import type { RefShareDB, StoredEvent } from '@/lib/db/schema';
import type { Coupon, Invite } from '@/lib/referral/types';
import { seededDb } from '../backup/fixture';

export const INVITES = 10_000;
export const COUPONS = 10_000;
const NAMES = ['Ana', 'سارة', 'Zoë', '李雷', 'Bruno 🎁', 'O’Brien', '👩‍👩‍👧 family', 'José', 'Ğül', undefined];
const TITLES = ['US $3 off US $20', 'Cupón de bienvenida', 'R$ 10 de desconto', '€2 off', 'Coupon “spring” 🌸'];

/**
 * A database as years of use leave it: the seeded rows (written by the real repository functions: every status,
 * evidence, events, custom program, links) repeated until there are 10,000 invites and 10,000 coupons, each copy
 * with its own ids, keys, times, nickname (or none) and coupon fields (optional ones present or absent).
 */
export async function bigDb(): Promise<RefShareDB> {
  const db = await seededDb();
  const invites = await db.invites.toArray();
  const events = await db.events.toArray();
  const coupons = await db.coupons.toArray();
  const newInvites: Invite[] = [];
  const newEvents: StoredEvent[] = [];
  const newCoupons: Coupon[] = [];
  for (let k = 0; newInvites.length + invites.length < INVITES; k++) {
    for (const inv of invites) {
      if (newInvites.length + invites.length >= INVITES) break;
      const id = `${inv.id}-c${k}`;
      const shift = k * 60_000;
      const key = (original: string) => `${original}#c${k}`;
      const nickname = NAMES[k % NAMES.length];
      const copy: Invite = {
        ...inv,
        id,
        sharedAt: inv.sharedAt + shift,
        updatedAt: inv.updatedAt + shift,
        evidence: inv.evidence.map((e) => ({ ...e, key: key(e.key), at: e.at + shift })),
        rejected: inv.rejected.map((e) => ({ ...e, key: key(e.key), at: e.at + shift })),
        milestones: Object.fromEntries(Object.entries(inv.milestones).map(([s, at]) => [s, (at ?? 0) + shift])),
      };
      if (nickname === undefined) delete copy.nickname;
      else copy.nickname = nickname;
      newInvites.push(copy);
      for (const ev of events.filter((e) => e.inviteId === inv.id)) {
        newEvents.push({ ...ev, key: key(ev.key), inviteId: id, at: ev.at + shift });
      }
    }
  }
  for (let k = 0; newCoupons.length + coupons.length < COUPONS; k++) {
    for (const c of coupons) {
      if (newCoupons.length + coupons.length >= COUPONS) break;
      const copy: Coupon = {
        ...c,
        id: `${c.id}-c${k}`,
        dedupeKey: `${c.dedupeKey}#c${k}`,
        title: TITLES[k % TITLES.length] ?? c.title,
        value: Math.round((1 + (k % 50) * 0.37) * 100) / 100,
        addedAt: c.addedAt + k * 1000,
        state: k % 7 === 0 ? 'used' : 'available',
      };
      if (copy.state === 'used') copy.usedAt = c.addedAt + k * 1000 + 5000;
      else delete copy.usedAt;
      if (k % 3 === 0) delete copy.expiresAt;
      else copy.expiresAt = c.addedAt + (k % 90) * 86_400_000;
      if (k % 4 === 0) copy.seenAt = copy.addedAt + 10;
      const invite = newInvites[k % newInvites.length];
      if (k % 5 === 0 || !invite) delete copy.inviteId;
      else copy.inviteId = invite.id;
      newCoupons.push(copy);
    }
  }
  await db.transaction('rw', db.invites, db.events, db.coupons, async () => {
    await db.invites.bulkPut(newInvites);
    await db.events.bulkPut(newEvents);
    await db.coupons.bulkPut(newCoupons);
  });
  return db;
}
