import type { Evidence, InviteStatus, ObservedStatus, RejectedEvidence } from './types';

/**
 * Precedence of statuses: the invite's status is the highest-ranked status among its evidence, so adding
 * evidence can only move it up, whatever order the evidence arrives in.
 */
export const STATUS_RANK: Record<InviteStatus, number> = {
  shared: 0,
  registered: 1,
  expired: 2,
  first_purchase: 3,
  reward_pending: 4,
  ineligible: 5,
  coupon_received: 6,
  clawed_back: 7,
};

/** What each status implies happened before it (a first purchase means the friend registered). */
const IMPLIES: Partial<Record<ObservedStatus, ObservedStatus>> = {
  first_purchase: 'registered',
  reward_pending: 'first_purchase',
  coupon_received: 'reward_pending',
  clawed_back: 'first_purchase',
};

/** Lower statuses that can be true alongside each status; any other lower evidence contradicts it. */
const COMPATIBLE: Record<InviteStatus, readonly ObservedStatus[]> = {
  shared: [],
  registered: [],
  expired: ['registered'],
  first_purchase: ['registered'],
  reward_pending: ['registered', 'first_purchase'],
  ineligible: ['registered', 'first_purchase', 'reward_pending'],
  coupon_received: ['registered', 'first_purchase', 'reward_pending'],
  clawed_back: ['registered', 'first_purchase', 'reward_pending', 'coupon_received'],
};

const BECAUSE: Record<InviteStatus, string> = {
  shared: 'The invite was only shared',
  registered: 'Your friend registered',
  expired: 'The invite expired',
  first_purchase: 'Your friend made a first purchase',
  reward_pending: 'A reward is already on its way for this invite',
  ineligible: 'Your friend was found ineligible',
  coupon_received: 'A coupon already arrived for this invite',
  clawed_back: 'The reward for this invite was taken back after a first purchase',
};

function contradiction(lower: ObservedStatus, winner: InviteStatus): string {
  const what = lower === 'expired' ? 'it did not expire' : `it cannot be ${lower.replace('_', ' ')}`;
  return `${BECAUSE[winner]}, so ${what}`;
}

/** Statuses `status` stands for: itself and everything it implies. */
function withImplied(status: ObservedStatus): ObservedStatus[] {
  const out: ObservedStatus[] = [status];
  for (let s = IMPLIES[status]; s; s = IMPLIES[s]) out.push(s);
  return out;
}

/** Canonical order, so the same evidence set is the same array whatever order it arrived in. */
function byTimeThenKey(a: Evidence, b: Evidence): number {
  return a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

interface Derived {
  status: InviteStatus;
  milestones: Partial<Record<ObservedStatus, number>>;
  evidence: Evidence[];
  rejected: RejectedEvidence[];
}

/**
 * Derives an invite's state from all its evidence at once (never incrementally), which is what makes the
 * result independent of arrival order. `pool` is every piece not refused on its own; `final` are the pieces
 * that were (they stay rejected). Pool evidence that contradicts the winning status moves to `rejected`.
 */
export function deriveState(pool: Evidence[], final: RejectedEvidence[]): Derived {
  let status: InviteStatus = 'shared';
  for (const e of pool) if (STATUS_RANK[e.status] > STATUS_RANK[status]) status = e.status;
  const evidence: Evidence[] = [];
  const rejected: RejectedEvidence[] = [...final];
  for (const e of pool) {
    const fits = e.status === status || COMPATIBLE[status].includes(e.status);
    if (fits) evidence.push({ key: e.key, status: e.status, at: e.at });
    else rejected.push({ key: e.key, status: e.status, at: e.at, reason: contradiction(e.status, status) });
  }
  const earliest: Partial<Record<ObservedStatus, number>> = {};
  for (const e of evidence) {
    for (const s of withImplied(e.status)) earliest[s] = Math.min(earliest[s] ?? e.at, e.at);
  }
  // Keys in rank order, so equal milestones are equal objects down to key order.
  const milestones: Partial<Record<ObservedStatus, number>> = {};
  for (const s of Object.keys(STATUS_RANK) as InviteStatus[]) {
    const at = s === 'shared' ? undefined : earliest[s];
    if (s !== 'shared' && at !== undefined) milestones[s] = at;
  }
  return { status, milestones, evidence: evidence.sort(byTimeThenKey), rejected: rejected.sort(byTimeThenKey) };
}
