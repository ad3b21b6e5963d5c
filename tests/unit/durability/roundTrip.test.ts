import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackupFile, buildBackup } from '@/lib/backup/format';
import { parseBackupText } from '@/lib/backup/validate';
import { readBackupData } from '@/lib/db/backup';
import type { RefShareDB } from '@/lib/db/schema';
import { dispatch } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { DEFAULT_APP_SETTINGS } from '@/lib/settings';
import { freshDb, settings, testCtx } from '../db/testDb';
import { bigDb, COUPONS, INVITES } from './bigDb';

/** What "Export backup" downloads (components/dashboard/settings/ExportBackup.tsx), as text. */
async function exportFile(db: RefShareDB): Promise<string> {
  return JSON.stringify(buildBackup(await readBackupData(db), DEFAULT_APP_SETTINGS, Date.UTC(2026, 10, 25)));
}

/** Every row of every backed-up table, in key order. */
const tables = async (db: RefShareDB) =>
  Object.fromEntries(
    await Promise.all(
      [db.links, db.programs, db.invites, db.events, db.coupons].map(async (t) => [t.name, await t.toArray()]),
    ),
  );

describe('backup round trip at scale', () => {
  it('10,000 invites and 10,000 coupons: export → import into an empty RefShare gives back every row exactly', async () => {
    const source = await bigDb();
    expect(await source.invites.count()).toBe(INVITES);
    expect(await source.coupons.count()).toBe(COUPONS);

    const started = performance.now();
    const text = await exportFile(source);
    // What Settings → Import does: the page checks the file, then the background checks it again and writes it.
    const checked = parseBackupText(text);
    expect(checked).toMatchObject({ ok: true });
    if (!checked.ok) return;
    const target = freshDb();
    const ctx = testCtx();
    const origin = `chrome-extension://${fakeBrowser.runtime.id}/`;
    const reply = await dispatch(
      { channel: CHANNEL, command: 'importBackup', data: { backup: checked.backup as BackupFile } },
      { id: fakeBrowser.runtime.id, url: `${origin}options.html` },
      {
        db: target,
        settings: async () => settings,
        extensionId: fakeBrowser.runtime.id,
        extensionOrigin: origin,
        now: () => ctx.now,
        newId: ctx.newId,
      },
    );
    expect(reply).toMatchObject({ ok: true, value: { added: { invites: INVITES, coupons: COUPONS } } });
    const ms = performance.now() - started;

    expect(await tables(target)).toEqual(await tables(source));
    // And the copy exports to the very same file, byte for byte.
    expect(await exportFile(target)).toBe(text);
    console.info(
      `round trip of ${INVITES} invites, ${COUPONS} coupons (${(text.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms on fake-indexeddb`,
    );
  }, 120_000);
});
