import { rewardedInMonth } from './cap';
import type { Channel, Coupon, Invite, Program, ProgramId } from './types';

/** How far invites got. `shared` is every invite; the others count invites that reached that point. */
interface Funnel {
  shared: number;
  registered: number;
  firstPurchase: number;
  rewarded: number;
  ineligible: number;
  expired: number;
  clawedBack: number;
  /** Shares of `shared`, from 0 to 1 (0 when nothing was shared). */
  rates: { registered: number; firstPurchase: number; rewarded: number };
}

interface ProgramStats {
  programId: ProgramId;
  name: string;
  funnel: Funnel;
  byChannel: Partial<Record<Channel, Funnel>>;
  /** Value of the coupons earned through invites, per currency (major units, rounded to cents). */
  earned: Record<string, number>;
  /** Rewarded invites this calendar month (in the user's time zone), against the program's cap if any. */
  cap: { used: number; limit?: number };
}

/** Everything the Stats tab shows. */
export interface Stats {
  programs: ProgramStats[];
  byChannel: Partial<Record<Channel, Funnel>>;
  total: Funnel;
}

function funnel(invites: Invite[]): Funnel {
  const count = (test: (i: Invite) => boolean) => invites.filter(test).length;
  const shared = invites.length;
  // Milestones include implied steps, so a coupon counts as a registration and a first purchase too.
  const registered = count((i) => i.milestones.registered !== undefined);
  const firstPurchase = count((i) => i.milestones.first_purchase !== undefined);
  const rewarded = count((i) => i.status === 'coupon_received');
  const rate = (n: number) => (shared === 0 ? 0 : n / shared);
  return {
    shared,
    registered,
    firstPurchase,
    rewarded,
    ineligible: count((i) => i.status === 'ineligible'),
    expired: count((i) => i.status === 'expired'),
    clawedBack: count((i) => i.status === 'clawed_back'),
    rates: { registered: rate(registered), firstPurchase: rate(firstPurchase), rewarded: rate(rewarded) },
  };
}

function byChannel(invites: Invite[]): Partial<Record<Channel, Funnel>> {
  const groups = new Map<Channel, Invite[]>();
  for (const i of invites) {
    // Push in place: copying the group on every insert made 100,000 invites take about a minute.
    const group = groups.get(i.channel);
    if (group) group.push(i);
    else groups.set(i.channel, [i]);
  }
  const out: Partial<Record<Channel, Funnel>> = {};
  for (const [channel, group] of groups) out[channel] = funnel(group);
  return out;
}

/**
 * Value earned: only coupons linked to an invite count, because a program's wallet also holds coupons that
 * have nothing to do with referrals (sign-up gifts, sales). Coupons of invites whose reward was clawed back
 * are left out: that value was taken back.
 */
function earned(coupons: Coupon[], invitesById: Map<string, Invite>): Record<string, number> {
  const cents: Record<string, number> = {};
  for (const c of coupons) {
    const invite = c.inviteId === undefined ? undefined : invitesById.get(c.inviteId);
    if (!invite || invite.status === 'clawed_back') continue;
    cents[c.currency] = (cents[c.currency] ?? 0) + Math.round(c.value * 100);
  }
  return Object.fromEntries(Object.entries(cents).map(([currency, v]) => [currency, v / 100]));
}

/** Funnel, conversion and value statistics per program and per channel. */
export function computeStats(
  invites: Invite[],
  coupons: Coupon[],
  programs: Program[],
  now: number,
  timeZone: string,
): Stats {
  const invitesById = new Map(invites.map((i) => [i.id, i]));
  // Invites of a deleted program still count, listed under their id after the known programs.
  const orphanIds = [...new Set(invites.map((i) => i.programId))]
    .filter((id) => !programs.some((p) => p.id === id))
    .sort();
  const entries = [
    ...programs.map((p) => ({ id: p.id, name: p.name, cap: p.rules.monthlyCap })),
    ...orphanIds.map((id) => ({ id, name: id, cap: undefined })),
  ];
  const perProgram = entries.map(({ id, name, cap }): ProgramStats => {
    const own = invites.filter((i) => i.programId === id);
    const used = rewardedInMonth(own, now, timeZone);
    return {
      programId: id,
      name,
      funnel: funnel(own),
      byChannel: byChannel(own),
      earned: earned(
        coupons.filter((c) => c.programId === id),
        invitesById,
      ),
      cap: cap === undefined ? { used } : { used, limit: cap },
    };
  });
  return { programs: perProgram, byChannel: byChannel(invites), total: funnel(invites) };
}
