import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { type RefShareDB, SCHEMA_VERSIONS } from '@/lib/db/schema';

type Rows = Record<string, unknown[]>;

/**
 * Fills a database exactly as version `version` of the schema declared it (only the versions up to it,
 * so later upgrades have not run), then closes it.
 */
export async function fillAtVersion(name: string, version: number, rows: Rows): Promise<void> {
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
    const declared = old.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  });
  old.close();
}

/** Opens the database with the current schema (running any upgrades) and reads every table back. */
export async function upgradeAndRead(open: () => RefShareDB): Promise<{ version: number; rows: Rows }> {
  const db = open();
  await db.open();
  const rows: Rows = {};
  for (const t of db.tables) rows[t.name] = await t.toArray();
  const version = db.verno;
  db.close();
  return { version, rows };
}
