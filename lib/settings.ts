import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import { defaultShareText } from '@/lib/referral/shareText';
import type { Locale, Program, ProgramId, Settings } from '@/lib/referral/types';

/**
 * Everything the user sets. The engine's part (`Settings`) plus UI preferences. Settings are small and
 * typed and live in extension storage; Dexie holds referral data only.
 */
export interface AppSettings extends Settings {
  /** 'auto' follows the browser's language. */
  language: 'auto' | Locale;
  /** No notifications between these local times ('HH:MM'); null = no quiet hours. */
  quietHours: { start: string; end: string } | null;
  /** Hostnames where the shop-page button stays hidden. */
  mutedSites: string[];
  /** Share-text templates the user edited, per program and language (defaults come from the program). */
  templates: Partial<Record<ProgramId, Partial<Record<Locale, string>>>>;
  /** The program the popup showed last (used when the current tab matches none). */
  lastProgramId?: ProgramId;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  ...DEFAULT_SETTINGS,
  language: 'auto',
  quietHours: null,
  mutedSites: [],
  templates: {},
};

/**
 * The settings' key in extension storage (local area). Read and written with the storage API itself: WXT's storage
 * wrapper (the key was 'local:settings' there, the same place) cost the background worker about 3 kB gzipped.
 */
const KEY = 'settings';

async function readStored(): Promise<Partial<AppSettings> | null> {
  const value = (await browser.storage.local.get(KEY))[KEY];
  return value !== null && typeof value === 'object' ? (value as Partial<AppSettings>) : null;
}

/** Completes stored settings with defaults, so a field added later is never undefined. */
function complete(stored: Partial<AppSettings> | null): AppSettings {
  return {
    ...DEFAULT_APP_SETTINGS,
    ...stored,
    notify: { ...DEFAULT_APP_SETTINGS.notify, ...stored?.notify },
  };
}

export async function loadSettings(): Promise<AppSettings> {
  return complete(await readStored());
}

/** Saves of this page, one after another (see updateSettings). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Applies a change computed from the current settings. Changes made from this page run one after another, each
 * reading what the one before wrote, so two quick clicks (two notification toggles, two muted sites) both stick
 * instead of the second overwriting the first with a stale copy.
 */
export function updateSettings(change: (current: AppSettings) => Partial<AppSettings>): Promise<AppSettings> {
  const run = queue.then(async () => {
    const current = complete(await readStored());
    const next = complete({ ...current, ...change(current) });
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Merges a change into the stored settings. */
export function saveSettings(patch: Partial<AppSettings>): Promise<AppSettings> {
  return updateSettings(() => patch);
}

/**
 * Back to a fresh install (after "Delete all data"): the settings and everything else RefShare keeps in extension
 * storage, such as where the shop-page button sits on each site (lib/launcher/placeMemory.ts).
 */
export async function resetSettings(): Promise<void> {
  await browser.storage.local.clear();
}

/** The share-text template to use for a program and language: the user's own when they saved one, else the default. */
export function templateFor(settings: Pick<AppSettings, 'templates'>, program: Program, locale: Locale): string {
  return settings.templates[program.id]?.[locale] ?? defaultShareText(program, locale);
}

/** Calls back with the new settings whenever they change (in any extension page). Returns the unsubscribe. */
export function watchSettings(callback: (settings: AppSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area !== 'local' || !change) return;
    const value = change.newValue;
    callback(complete(value !== null && typeof value === 'object' ? (value as Partial<AppSettings>) : null));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The engine's view of the settings: language resolved, and the device's own time zone. */
export async function loadEngineSettings(locale: (choice: AppSettings['language']) => Locale): Promise<Settings> {
  const s = await loadSettings();
  return { ...s, locale: locale(s.language), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
}
