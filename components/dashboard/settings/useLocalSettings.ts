import { createContext, useCallback, useEffect, useState } from 'react';
import { useSettings } from '@/components/hooks/useSettings';
import type { AppSettings } from '@/lib/settings';

/** A settings change as a function of the current settings. */
export type SettingsChange = (current: AppSettings) => Partial<AppSettings>;

/**
 * Shows a change in the Settings tab at once, before storage has confirmed it. Without it a controlled checkbox
 * would flip back for the few milliseconds the save and its change event take, which a fast user (or a test)
 * sees as a click that did nothing. Outside a provider, nothing is shown early.
 */
export const ShowChangeContext = createContext<(change: SettingsChange) => void>(() => {});

/**
 * The settings as the Settings tab shows them: the stored ones (live, from any page), with the tab's own latest
 * change applied right away. The next stored value replaces the local one, so storage stays the truth.
 */
export function useLocalSettings(): { settings: AppSettings | null; showChange: (change: SettingsChange) => void } {
  const live = useSettings();
  const [local, setLocal] = useState<AppSettings | null>(null);
  useEffect(() => setLocal(live), [live]);
  const showChange = useCallback(
    (change: SettingsChange) => setLocal((current) => (current ? { ...current, ...change(current) } : current)),
    [],
  );
  return { settings: local ?? live, showChange };
}
