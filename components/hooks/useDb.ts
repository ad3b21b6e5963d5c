import { openDatabase, type RefShareDB } from '@/lib/db/schema';

let db: RefShareDB | undefined;

/**
 * The database as the UI reads it. Pages only READ (through useLiveQuery, which re-renders when the
 * background writes, in any tab); every change goes through sendCommand to the background.
 */
export function useDb(): RefShareDB {
  db ??= openDatabase();
  return db;
}
