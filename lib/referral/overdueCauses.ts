import { rewardOverdue } from './pending';
import type { Invite, Program } from './types';

// Beside pending.ts rather than in it: the popup loads pending.ts, and only the dashboard asks for causes.

/** Why an overdue reward may never come, as users report it; the dashboard words each one (pending.json). */
export type OverdueCause = 'had_account' | 'no_link' | 'order_cancelled' | 'monthly_cap';

/**
 * The likely causes of an overdue reward, most common first: the friend already had an account; signed up without
 * opening the link (or opened it in a browser and registered in the app); the first order was cancelled or refunded
 * (when the program voids the reward for that); the user had reached the monthly cap (only for a program with one).
 * Empty when the reward is not overdue.
 */
export function overdueCauses(invite: Invite, program: Program, now: number): OverdueCause[] {
  if (!rewardOverdue(invite, now)) return [];
  const causes: OverdueCause[] = ['had_account', 'no_link'];
  if (program.rules.cancelledOrderVoidsReward) causes.push('order_cancelled');
  if (program.rules.monthlyCap !== undefined) causes.push('monthly_cap');
  return causes;
}
