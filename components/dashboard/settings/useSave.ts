import { useCallback, useContext, useEffect, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { type AppSettings, loadSettings, updateSettings } from '@/lib/settings';
import { ShowChangeContext } from './useLocalSettings';

const SAVED_FOR_MS = 6000;

/** A settings change: fields to set, or a function of the current settings giving them. */
export type Change = Partial<AppSettings> | ((current: AppSettings) => Partial<AppSettings>);

/** The outcome of the last save of a settings section, shown by SaveStatus. */
export type SaveState = { kind: 'idle' } | { kind: 'saved' | 'error'; message: string };

/**
 * Saves a settings change and remembers how it went, so each section can say "Saved" (politely) or show
 * why not (as an alert). Settings are not referral data: the page writes them directly.
 */
export function useSave() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // "Saved." is a passing confirmation (already announced): it goes after a while, so it never describes an
  // older state after later changes elsewhere. Errors stay until the next attempt.
  useEffect(() => {
    if (state.kind !== 'saved') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), SAVED_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const showChange = useContext(ShowChangeContext);
  const save = useCallback(
    async (change: Change, message = t('settingsSaved')): Promise<boolean> => {
      // A function computes the change from the stored settings (not from a possibly stale render).
      const fn = typeof change === 'function' ? change : () => change;
      showChange(fn);
      try {
        await updateSettings(fn);
        setState({ kind: 'saved', message });
        return true;
      } catch (e) {
        setState({ kind: 'error', message: t('settingsSaveFailed', String(e)) });
        // Show what is really stored again, not the change that failed.
        loadSettings().then(
          (stored) => showChange(() => stored),
          () => undefined,
        );
        return false;
      }
    },
    [showChange],
  );
  return { state, save, setState };
}
