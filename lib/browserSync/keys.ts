/** The switch (written by Settings): "Sync links and settings across your browsers". In storage.local. */
export const SYNC_SWITCH = 'browserSyncOn';
/** The worker's memory of the synced state, with what Settings shows about the last meeting. In storage.local. */
export const SYNC_MEMORY = 'browserSync';
