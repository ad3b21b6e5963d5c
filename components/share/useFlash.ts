import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a confirmation such as "Copied" stays: long enough to read, short enough not to linger. */
const FLASH_MS = 2000;

/**
 * A short-lived message for a role="status" live region: `flash(text)` shows it, and it clears itself
 * after `ms`. A new flash restarts the timer.
 */
export function useFlash(ms = FLASH_MS): [string, (text: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const flash = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      setMessage(text);
      timer.current = setTimeout(() => setMessage(''), ms);
    },
    [ms],
  );
  return [message, flash];
}
