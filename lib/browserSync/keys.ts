import { browser } from 'wxt/browser';

/** The switch (written by Settings): "Sync links and settings across your browsers". In storage.local. */
export const SYNC_SWITCH = 'browserSyncOn';
/** The worker's memory of the synced state, with what Settings shows about the last meeting. In storage.local. */
export const SYNC_MEMORY = 'browserSync';
/** Custom programs from another browser whose site-access prompt the user put off ("Not now"). In storage.local. */
export const SYNC_PROMPTS_PUT_OFF = 'browserSyncPutOff';

/** Sync off and its memory forgotten (before "Delete all data"); the other browsers keep their copies. */
export async function turnBrowserSyncOff(): Promise<void> {
  await browser.storage.local.remove([SYNC_SWITCH, SYNC_MEMORY]);
}
