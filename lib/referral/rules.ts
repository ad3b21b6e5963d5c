import { followUpNotice, overdueNotice } from './notices';
import { DAY } from './time';
import type { Effect, Invite, Program, Settings, StatusEvent } from './types';

/** Idempotency key of the expiry a time rule observes: one per invite, so re-running the rule is a no-op. */
function expiryKey(inviteId: string): string {
  return `rule:expired:${inviteId}`;
}

function followUpAt(invite: Invite, settings: Settings): number | undefined {
  const applies = invite.status === 'shared' && settings.followUpDays > 0 && invite.followUpSentAt === undefined;
  return applies ? invite.sharedAt + settings.followUpDays * DAY : undefined;
}

function expiryAt(invite: Invite, program: Program): number | undefined {
  const validity = program.rules.linkValidityMs;
  if (validity === undefined || (invite.status !== 'shared' && invite.status !== 'registered')) return undefined;
  // Once the expiry was observed (even if refused), don't ask again: the loop would spin on a past dueAt.
  const key = expiryKey(invite.id);
  if (invite.evidence.some((e) => e.key === key) || invite.rejected.some((e) => e.key === key)) return undefined;
  return invite.sharedAt + validity;
}

function overdueAt(invite: Invite): number | undefined {
  const due = invite.rewardDueAt;
  if (due === undefined || (invite.status !== 'first_purchase' && invite.status !== 'reward_pending')) return undefined;
  // A notice sent at or after this due time was about this due time (due times only move earlier).
  return invite.overdueNotifiedAt !== undefined && invite.overdueNotifiedAt >= due ? undefined : due;
}

/**
 * Next time a time rule needs this invite: the follow-up reminder, the link's expiry or the reward's due
 * time, whichever comes first and is not yet handled. It may lie in the past (the loop then runs it at once);
 * undefined when no rule is pending.
 */
export function computeDueAt(invite: Invite, program: Program, settings: Settings): number | undefined {
  const times = [followUpAt(invite, settings), expiryAt(invite, program), overdueAt(invite)].filter(
    (t): t is number => t !== undefined,
  );
  return times.length === 0 ? undefined : Math.min(...times);
}

/**
 * Runs the time rules that are due at `now`. The expiry comes back as a StatusEvent for the caller to store
 * and apply like any other observation (so it is replayable and can be contradicted by a later purchase);
 * reminders come back as notify effects and are marked handled on the invite even when their notification
 * is switched off, so they never re-fire.
 */
export function evaluateDue(
  invite: Invite,
  program: Program,
  settings: Settings,
  now: number,
): { invite: Invite; events: StatusEvent[]; effects: Effect[] } {
  const next: Invite = { ...invite };
  const events: StatusEvent[] = [];
  const effects: Effect[] = [];

  const expiry = expiryAt(invite, program);
  const expiring = expiry !== undefined && expiry <= now;
  if (expiring) {
    events.push({ key: expiryKey(invite.id), inviteId: invite.id, status: 'expired', at: expiry, source: 'rule' });
  }

  const followUp = followUpAt(invite, settings);
  if (followUp !== undefined && followUp <= now) {
    next.followUpSentAt = now;
    // Reminding the user to nudge a friend whose link just expired would be pointless.
    if (settings.notify.follow_up && !expiring) {
      const notice = followUpNotice(invite, program, settings, now);
      effects.push({
        kind: 'notify',
        notification: 'follow_up',
        key: `follow_up:${invite.id}`,
        inviteId: invite.id,
        ...notice,
      });
    }
  }

  const overdue = overdueAt(invite);
  const firstPayment = invite.milestones.first_purchase;
  if (overdue !== undefined && overdue <= now) {
    next.overdueNotifiedAt = now;
    if (settings.notify.reward_overdue && firstPayment !== undefined) {
      effects.push({
        kind: 'notify',
        notification: 'reward_overdue',
        key: `reward_overdue:${invite.id}:${overdue}`,
        inviteId: invite.id,
        // No support message here: the dashboard's "Why pending?" composes it when asked (supportMessage.ts), so
        // the background worker, within its size budget, carries none of its wording.
        ...overdueNotice(invite, program, firstPayment, overdue, settings, now),
      });
    }
  }

  const dueAt = computeDueAt(next, program, settings);
  if (dueAt === undefined) delete next.dueAt;
  else next.dueAt = dueAt;
  const changed =
    next.dueAt !== invite.dueAt ||
    next.followUpSentAt !== invite.followUpSentAt ||
    next.overdueNotifiedAt !== invite.overdueNotifiedAt;
  if (!changed) return { invite, events, effects };
  next.updatedAt = now;
  return { invite: next, events, effects };
}
