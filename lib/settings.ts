import { storage } from '#imports';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import type { Settings } from '@/lib/referral/types';

/** User settings (small, typed, versioned) live in extension storage; Dexie holds referral data only. */
const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The stored settings completed with defaults, so a field added later is never undefined. */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  return { ...DEFAULT_SETTINGS, ...stored, notify: { ...DEFAULT_SETTINGS.notify, ...stored.notify } };
}
