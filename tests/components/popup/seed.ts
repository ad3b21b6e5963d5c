// Not a hook despite its name: a plain singleton getter, so it may be called here (aliased for the linter).
import { useDb as refshareDb } from '@/components/hooks/useDb';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { findProgram } from '@/lib/referral/programs/index';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import type { Channel, Coupon, Invite, ObservedStatus } from '@/lib/referral/types';

/** The database the popup reads. */
export const db = refshareDb();

export async function clearDb(): Promise<void> {
  await Promise.all([db.links.clear(), db.invites.clear(), db.coupons.clear(), db.programs.clear()]);
}

/** An invite as the engine would store it, moved to `status` by a manual event at `at`. */
export function invite(args: {
  id: string;
  sharedAt: number;
  status?: ObservedStatus;
  at?: number;
  nickname?: string;
  channel?: Channel;
  programId?: string;
}): Invite {
  const program = findProgram(args.programId ?? 'aliexpress', []);
  if (!program) throw new Error('unknown program');
  const base = newInvite(
    {
      id: args.id,
      programId: program.id,
      linkId: 'link-ali',
      channel: args.channel ?? 'whatsapp',
      nickname: args.nickname,
      now: args.sharedAt,
    },
    program,
  );
  if (!args.status) return base;
  const at = args.at ?? args.sharedAt;
  const event = {
    key: `${args.id}:${args.status}`,
    inviteId: args.id,
    status: args.status,
    at,
    source: 'manual' as const,
  };
  return applyEvent(base, event, program, DEFAULT_SETTINGS, at).invite;
}

export function coupon(patch: Partial<Coupon> & Pick<Coupon, 'id' | 'title'>): Coupon {
  return {
    programId: 'aliexpress',
    value: 3,
    currency: 'USD',
    state: 'available',
    addedAt: Date.now() - 1000,
    dedupeKey: patch.id,
    ...patch,
  };
}
