import { type BackupFile, buildBackup } from '@/lib/backup/format';
import { readBackupData } from '@/lib/db/backup';
import { addCoupons } from '@/lib/db/coupons';
import { recordShare, setInviteStatus } from '@/lib/db/invites';
import { saveLink } from '@/lib/db/links';
import { saveCustomProgram } from '@/lib/db/programs';
import type { Ctx } from '@/lib/db/result';
import type { RefShareDB } from '@/lib/db/schema';
import { DEFAULT_APP_SETTINGS } from '@/lib/settings';
import { ALI_SHORT, ALI_STAR, freshDb, settings, TEMU, testCtx } from '../db/testDb';

export const CUSTOM_LINK = 'https://shop.example.com/invite/ABC123';

function must<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(`fixture setup failed: ${r.message}`);
  return r.value;
}

/**
 * A database filled through the real repository functions (so every row is one the background really
 * writes): links of three programs (one custom), invites at several statuses with evidence, events, coupons.
 */
export async function seededDb(ctx: Ctx & { advance(ms: number): void } = testCtx()): Promise<RefShareDB> {
  const db = freshDb();
  must(
    await saveCustomProgram(
      db,
      {
        name: 'Shop Example',
        shoppingHosts: ['shop.example.com'],
        linkPattern: 'https://shop.example.com/invite/{code}',
        rewardDelayHours: 48,
        perkText: '10% off',
      },
      ctx,
    ),
  );
  const ali = must(await saveLink(db, { input: ALI_SHORT, label: 'Main' }, ctx));
  ctx.advance(1000);
  must(await saveLink(db, { input: ALI_STAR, label: 'Code link', notes: 'from the app' }, ctx));
  const temu = must(await saveLink(db, { input: TEMU }, ctx));
  must(await saveLink(db, { input: CUSTOM_LINK, label: 'Shop' }, ctx));
  const ana = must(await recordShare(db, { linkId: ali.id, channel: 'whatsapp', nickname: 'Ana' }, settings, ctx));
  const rtl = must(await recordShare(db, { linkId: ali.id, channel: 'sms', nickname: 'سارة' }, settings, ctx));
  must(await recordShare(db, { linkId: temu.id, channel: 'copy' }, settings, ctx));
  ctx.advance(3_600_000);
  must(await setInviteStatus(db, { inviteId: ana.id, status: 'first_purchase' }, settings, ctx));
  must(await setInviteStatus(db, { inviteId: rtl.id, status: 'registered' }, settings, ctx));
  ctx.advance(3_600_000);
  // Filing the coupons under Ana's invite records that her coupon arrived.
  must(
    await addCoupons(
      db,
      {
        programId: 'aliexpress',
        inviteId: ana.id,
        coupons: [
          { title: 'US $3 off', value: 3, currency: 'USD', minSpend: 15, expiresAt: ctx.now + 7 * 86_400_000 },
          { title: 'Welcome coupon', value: 2.5, currency: 'EUR', code: 'WELCOME-1' },
        ],
      },
      settings,
      ctx,
    ),
  );
  return db;
}

/** The backup "Export backup" would write for this database, as the JSON text of the file. */
export async function exportText(db: RefShareDB, now = Date.UTC(2026, 10, 25)): Promise<string> {
  return JSON.stringify(buildBackup(await readBackupData(db), DEFAULT_APP_SETTINGS, now));
}

/** A valid backup object (fresh each call, so a test may damage it). */
export async function validBackup(): Promise<BackupFile> {
  return JSON.parse(await exportText(await seededDb())) as BackupFile;
}
