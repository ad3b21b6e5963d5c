import { couponArrivedNotice } from './notices';
import { computeDueAt } from './rules';
import { DEFAULT_SETTINGS } from './settings';
import { deriveState, STATUS_RANK } from './status';
import { DAY, MINUTE } from './time';
import type {
  Channel,
  Effect,
  EventOutcome,
  Evidence,
  Invite,
  InviteStatus,
  ObservedStatus,
  Program,
  ProgramId,
  RejectedEvidence,
  Settings,
  StatusEvent,
} from './types';

/** Clocks of devices and the minute-rounded times shown on program pages disagree by a little. */
const CLOCK_TOLERANCE = 5 * MINUTE;
/** Pages show dates in their own time zone; anything further ahead than this is a broken clock. */
const MAX_FUTURE = DAY;

/** Creates the invite recorded when the user shares a link. */
export function newInvite(
  args: { id: string; programId: ProgramId; linkId: string; channel: Channel; nickname?: string; now: number },
  program: Program,
  settings: Settings = DEFAULT_SETTINGS,
): Invite {
  const invite: Invite = {
    id: args.id,
    programId: args.programId,
    linkId: args.linkId,
    channel: args.channel,
    sharedAt: args.now,
    status: 'shared',
    milestones: {},
    evidence: [],
    rejected: [],
    updatedAt: args.now,
  };
  if (args.nickname) invite.nickname = args.nickname;
  const dueAt = computeDueAt(invite, program, settings);
  if (dueAt !== undefined) invite.dueAt = dueAt;
  return invite;
}

/**
 * The event for a status the user picks by hand, dated `at` (default: now). Its key depends only on invite
 * and status, so picking the same status twice is one observation. Statuses never go back: picking a lower
 * status records evidence but leaves the status where it is.
 */
export function setStatusEvent(
  invite: Pick<Invite, 'id'>,
  status: ObservedStatus,
  now: number,
  at: number = now,
): StatusEvent {
  return { key: `manual:${invite.id}:${status}`, inviteId: invite.id, status, at, source: 'manual' };
}

function isObservedStatus(value: unknown): value is ObservedStatus {
  return typeof value === 'string' && value !== 'shared' && Object.hasOwn(STATUS_RANK, value);
}

/** Why an event cannot be true on its own, whatever else is known; such evidence is never reconsidered. */
function finalReason(event: StatusEvent, invite: Invite, program: Program, now: number): string | undefined {
  if (event.at < invite.sharedAt - CLOCK_TOLERANCE) {
    return 'It is dated before the invite was shared, so it cannot be about this invite';
  }
  if (event.at > now + MAX_FUTURE) return 'It is dated more than a day in the future: its source has a wrong clock';
  // Only automatic sources are held to the program's rule: a person who saw a reward taken back is believed.
  if (event.status === 'clawed_back' && !program.rules.cancelledOrderVoidsReward && event.source !== 'manual') {
    return 'This program keeps rewards for cancelled orders, so a reward cannot be taken back';
  }
  return undefined;
}

function rewardAwaited(status: InviteStatus): boolean {
  return status === 'first_purchase' || status === 'reward_pending';
}

/**
 * Applies one observation. The state is re-derived from all evidence every time, so the result does not
 * depend on the order events arrive in, and replaying an event (same key) changes nothing. Contradicting
 * evidence is kept in `rejected` with a reason, never dropped. Effects are returned, not performed.
 */
export function applyEvent(
  invite: Invite,
  event: StatusEvent,
  program: Program,
  settings: Settings,
  now: number,
): { invite: Invite; outcome: EventOutcome; effects: Effect[] } {
  if (event.inviteId !== invite.id) return { invite, outcome: { result: 'unknown_invite' }, effects: [] };
  const known = (e: Evidence) => e.key === event.key;
  if (invite.evidence.some(known) || invite.rejected.some(known)) {
    return { invite, outcome: { result: 'duplicate' }, effects: [] };
  }
  // Malformed events cannot be kept as evidence (it would poison derivation); the caller validates shapes.
  if (!isObservedStatus(event.status) || !Number.isFinite(event.at)) {
    return { invite, outcome: { result: 'rejected', reason: 'The event has no valid status or time' }, effects: [] };
  }

  const piece: Evidence = { key: event.key, status: event.status, at: event.at };
  const refused = finalReason(event, invite, program, now);
  const final: RejectedEvidence[] = invite.rejected.filter((r) => r.final);
  const pool: Evidence[] = [...invite.evidence, ...invite.rejected.filter((r) => !r.final)];
  if (refused) final.push({ ...piece, reason: refused, final: true });
  else pool.push(piece);

  const derived = deriveState(pool, final);
  const next: Invite = { ...invite, ...derived, updatedAt: now };
  const firstPurchase = derived.milestones.first_purchase;
  if (rewardAwaited(derived.status) && firstPurchase !== undefined) {
    next.rewardDueAt = firstPurchase + program.rules.rewardDelayMs;
  } else {
    delete next.rewardDueAt;
  }
  const dueAt = computeDueAt(next, program, settings);
  if (dueAt === undefined) delete next.dueAt;
  else next.dueAt = dueAt;

  const landed = next.rejected.find(known);
  const outcome: EventOutcome = landed
    ? { result: 'rejected', reason: landed.reason }
    : { result: 'applied', from: invite.status, to: next.status };
  const effects: Effect[] = [];
  // A coupon the user recorded by hand is news to nobody: notify only for what arrived by itself.
  const arrived = invite.status !== 'coupon_received' && next.status === 'coupon_received';
  if (arrived && event.source !== 'manual' && settings.notify.coupon_arrived) {
    const notice = couponArrivedNotice(settings.locale, event.coupon, { program, nickname: invite.nickname });
    effects.push({
      kind: 'notify',
      notification: 'coupon_arrived',
      key: `coupon_arrived:${invite.id}`,
      inviteId: invite.id,
      ...notice,
    });
  }
  return { invite: next, outcome, effects };
}
