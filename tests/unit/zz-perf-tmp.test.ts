import { it } from 'vitest';
import { computeStats } from '@/lib/referral/stats';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { Invite } from '@/lib/referral/types';
it('perf', () => {
  const chans = ['whatsapp','telegram','email','sms','copy'] as const;
  const invites: Invite[] = Array.from({length: 100000}, (_, n) => ({ id: `i${n}`, programId: n%2?'aliexpress':'temu', linkId:'l', channel: chans[n%5]!, sharedAt: n, status: 'shared', milestones: n%3? {registered: n}: {}, evidence: [], rejected: [], updatedAt: n }));
  for (const size of [10000, 30000, 100000]) {
    const t0 = performance.now();
    computeStats(invites.slice(0,size), [], BUILT_IN_PROGRAMS, Date.now(), 'UTC');
    console.log(size, Math.round(performance.now()-t0), 'ms');
  }
});
