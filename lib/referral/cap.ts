import { calendarDate } from './dates';
import type { Invite, Program } from './types';

/** Where a program's monthly cap stands: rewarded invites this month, the cap (absent when none), and whether it is met. */
export interface CapStatus {
  used: number;
  limit?: number;
  /** True once `used` reaches `limit`: further invites this month may earn nothing. Never true without a cap. */
  reached: boolean;
}

/**
 * Counts the invites rewarded in the calendar month of `now`, in the user's `timeZone` (programs count their month
 * where the user lives, so a coupon at 23:30 on the 31st belongs to that month even if it is the 1st in UTC).
 * An invite counts while its status is 'coupon_received', by when the coupon arrived; one clawed back does not.
 * The caller picks the invites (one program's); this is the one place that counts them, for stats and the cap.
 */
export function rewardedInMonth(invites: Invite[], now: number, timeZone: string): number {
  const month = calendarDate(now, timeZone);
  let used = 0;
  for (const i of invites) {
    const at = i.milestones.coupon_received;
    if (i.status !== 'coupon_received' || at === undefined) continue;
    const d = calendarDate(at, timeZone);
    if (d.year === month.year && d.month === month.month) used++;
  }
  return used;
}

/** The program's monthly cap at `now`: its rewarded invites among `invites` this month against `rules.monthlyCap`. */
export function capStatus(program: Program, invites: Invite[], now: number, timeZone: string): CapStatus {
  const used = rewardedInMonth(
    invites.filter((i) => i.programId === program.id),
    now,
    timeZone,
  );
  const limit = program.rules.monthlyCap;
  return limit === undefined ? { used, reached: false } : { used, limit, reached: used >= limit };
}
