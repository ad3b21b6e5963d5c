/**
 * The browser's "no more room" error, however it reaches us: IndexedDB's QuotaExceededError, Dexie's wrapper of it
 * (Dexie.QuotaExceededError, `inner`), a transaction aborted because of it (AbortError with the cause inside), or
 * a bulk write's failures.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || (e.name === undefined && e.code === 22)) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** The background's reply text (pages show their own translation of it, see lib/messaging/client.ts). */
export const STORAGE_FULL_MESSAGE =
  'Your browser has no more room for RefShare’s data, so this was not saved (nothing was changed). Free some disk space, or delete old invites or coupons, and try again.';
