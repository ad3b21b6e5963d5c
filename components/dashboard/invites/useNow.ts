import { useEffect, useState } from 'react';

/** The current time, refreshed every `ms`, so "due by 14:05 today" becomes "overdue" without a reload. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
