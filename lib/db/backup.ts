import { BACKUP_TABLES, type BackupCounts, type BackupData, type BackupTable } from '@/lib/backup/format';
import { validateBackup } from '@/lib/backup/validate';
import type { Coupon, ReferralLink } from '@/lib/referral/types';
import { type Ctx, err, ok, type Result } from './result';
import type { RefShareDB } from './schema';

/** What an import does, table by table: rows added, rows replaced (same id), and rows skipped as already there. */
export interface ImportSummary {
  added: BackupCounts;
  replaced: BackupCounts;
  /** Links whose URL is already saved under another id, and coupons already in the wallet. */
  skipped: { links: number; coupons: number };
}

/** Rows deleted by deleteAllData, per table (the tables a backup leaves out included). */
export type DeletedCounts = BackupCounts & { outbox: number; feeds: number };

const zero = (): BackupCounts => ({ links: 0, programs: 0, invites: 0, events: 0, coupons: 0 });

/** The tables a backup covers, for transactions. */
const backupTables = (db: RefShareDB) => [db.links, db.programs, db.invites, db.events, db.coupons];

/**
 * Reads every backed-up table in one read transaction (a consistent snapshot even while the background
 * writes), each in primary-key order so the same data always exports the same way. Reading is allowed in the UI.
 */
export async function readBackupData(db: RefShareDB): Promise<BackupData> {
  return db.transaction('r', backupTables(db), async () => ({
    links: await db.links.toArray(),
    programs: await db.programs.toArray(),
    invites: await db.invites.toArray(),
    events: await db.events.toArray(),
    coupons: await db.coupons.toArray(),
  }));
}

interface ImportPlan {
  summary: ImportSummary;
  rows: BackupData;
}

/**
 * Works out what importing `data` would do, without writing: rows whose id exists are replaced, others added.
 * A link whose program and URL are already saved under another id is the same link: it is skipped and its
 * invites are attached to the saved one. A coupon already in the wallet (same dedupeKey, another id) is skipped.
 */
async function plan(db: RefShareDB, data: BackupData): Promise<ImportPlan> {
  const summary: ImportSummary = { added: zero(), replaced: zero(), skipped: { links: 0, coupons: 0 } };
  const tally = async (table: BackupTable, keys: string[]) => {
    const found = await db.table(table).bulkGet(keys);
    const exists = found.map((row) => row !== undefined);
    for (const e of exists) summary[e ? 'replaced' : 'added'][table]++;
    return exists;
  };

  const linkIds = new Set(data.links.map((l) => l.id));
  const linkExists = await tally(
    'links',
    data.links.map((l) => l.id),
  );
  const savedByUrl = new Map<string, ReferralLink>();
  for (const programId of new Set(data.links.map((l) => l.programId))) {
    for (const l of await db.links.where('programId').equals(programId).toArray()) {
      // A saved link the backup replaces by id is not a twin: it takes the backup's URL.
      if (!linkIds.has(l.id)) savedByUrl.set(`${l.programId} ${l.url}`, l);
    }
  }
  const remap = new Map<string, string>();
  const links = data.links.filter((link, i) => {
    const twin = linkExists[i] ? undefined : savedByUrl.get(`${link.programId} ${link.url}`);
    if (!twin) return true;
    remap.set(link.id, twin.id);
    summary.added.links--;
    summary.skipped.links++;
    return false;
  });

  const couponIds = new Set(data.coupons.map((c) => c.id));
  const couponExists = await tally(
    'coupons',
    data.coupons.map((c) => c.id),
  );
  const inWallet = await db.coupons
    .where('dedupeKey')
    .anyOf(data.coupons.map((c) => c.dedupeKey))
    .toArray();
  const walletKeys = new Set(inWallet.filter((c) => !couponIds.has(c.id)).map((c) => c.dedupeKey));
  const coupons = data.coupons.filter((coupon: Coupon, i) => {
    if (couponExists[i] || !walletKeys.has(coupon.dedupeKey)) return true;
    summary.added.coupons--;
    summary.skipped.coupons++;
    return false;
  });

  await tally(
    'programs',
    data.programs.map((p) => p.id),
  );
  await tally(
    'invites',
    data.invites.map((inv) => inv.id),
  );
  await tally(
    'events',
    data.events.map((e) => e.key),
  );
  const invites = data.invites.map((inv) => {
    const linkId = remap.get(inv.linkId);
    return linkId === undefined ? inv : { ...inv, linkId };
  });
  return { summary, rows: { links, programs: data.programs, invites, events: data.events, coupons } };
}

/** What importing a (validated) backup would add, replace and skip: for the preview. Reads only. */
export async function previewImport(db: RefShareDB, data: BackupData): Promise<ImportSummary> {
  return db.transaction('r', backupTables(db), async () => (await plan(db, data)).summary);
}

/**
 * Imports a backup. The input is validated again here (the background trusts no page); a corrupt or foreign
 * file changes nothing. All tables are written in ONE read-write transaction, so an import is whole or absent.
 * Afterwards each program the backup touched has exactly one primary link: a primary the user already had is
 * kept, and a program left without one gets its oldest link. Settings are applied by the page, not here.
 */
export async function importBackup(db: RefShareDB, input: unknown, ctx: Ctx): Promise<Result<ImportSummary>> {
  const v = validateBackup(input);
  if (!v.ok) return err('invalid_input', v.message);
  const data = v.backup.data;
  return db.transaction('rw', backupTables(db), async () => {
    const { summary, rows } = await plan(db, data);
    for (const table of BACKUP_TABLES) {
      if (rows[table].length > 0) await db.table(table).bulkPut(rows[table]);
    }
    await settlePrimaries(db, new Set(rows.links.map((l) => l.programId)), new Set(rows.links.map((l) => l.id)), ctx);
    return ok(summary);
  });
}

/** One primary link per program: a merge may bring a second one (or, from an odd file, none). */
async function settlePrimaries(db: RefShareDB, programIds: Set<string>, imported: Set<string>, ctx: Ctx) {
  for (const programId of programIds) {
    const links = await db.links.where('programId').equals(programId).sortBy('createdAt');
    const primaries = links.filter((l) => l.primary === 1);
    const keep = primaries.find((l) => !imported.has(l.id)) ?? primaries[0] ?? links[0];
    for (const l of links) {
      const primary = l.id === keep?.id ? 1 : 0;
      if (l.primary !== primary) await db.links.update(l.id, { primary, updatedAt: ctx.now });
    }
  }
}

/**
 * Deletes every row of every table, the outbox and the status feeds included (a feed's address may carry the
 * user's token), in one transaction. Settings are reset separately.
 */
export async function deleteAllData(db: RefShareDB): Promise<Result<DeletedCounts>> {
  const tables = [...backupTables(db), db.outbox, db.feeds];
  return db.transaction('rw', tables, async () => {
    const deleted = { ...zero(), outbox: 0, feeds: 0 };
    for (const table of tables) {
      deleted[table.name as keyof DeletedCounts] = await table.count();
      await table.clear();
    }
    return ok(deleted);
  });
}
