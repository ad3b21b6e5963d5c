import { useEffect, useState } from 'react';
import { MINUTE } from '@/lib/referral/time';

/**
 * The current time, refreshed every `intervalMs`, so countdowns ("expires in 2 hours") and the state of a
 * coupon that expires while the page is open stay true without a reload.
 */
export function useNow(intervalMs = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
