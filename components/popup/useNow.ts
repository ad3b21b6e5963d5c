import { useEffect, useState } from 'react';
import { MINUTE } from '@/lib/referral/time';

/** The current time, refreshed every `everyMs`, so "due in 3 h" wording stays true while the page is open. */
export function useNow(everyMs = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
