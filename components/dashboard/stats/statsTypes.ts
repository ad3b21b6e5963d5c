import type { Stats } from '@/lib/referral/stats';

/** How far a group of invites got (lib/referral/stats.ts keeps the type private; this names it). */
export type Funnel = Stats['total'];

/** One program's numbers. */
export type ProgramStats = Stats['programs'][number];
