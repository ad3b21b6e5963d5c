import { browser } from 'wxt/browser';
import { linkRow, programRow } from '@/lib/backup/rows';
import { settingsCheck } from '@/lib/backup/settingsCheck';
import { deleteCustomProgram } from '@/lib/db/programs';
import type { RefShareDB } from '@/lib/db/schema';
import type { CustomProgramData, ReferralLink } from '@/lib/referral/types';
import { DEFAULT_APP_SETTINGS, loadSettings, updateSettings } from '@/lib/settings';
import type { Clock } from './clock';
import { fitWrites, type NotFitting } from './fit';
import { SYNC_MEMORY, SYNC_SWITCH } from './keys';
import { type Fields, reconcile } from './reconcile';
import type { SyncRecord } from './records';
import { SYNCED_SETTINGS, toFields, toRow } from './state';

export interface SyncStatus {
  at: number;
  /** storage.sync's refusal (quota, rate), when the write failed: retried at the next meeting. */
  error?: string;
  notFitting: NotFitting[];
  waiting: number;
  refused: number;
  bytes: number;
}

interface Memory {
  device: string;
  clock: Clock;
  shadow: Record<string, SyncRecord>;
  status?: SyncStatus;
}

/** Why a record from another browser cannot be applied here, checked as strictly as a backup's rows. */
function refuse(key: string, fields: Fields): string | undefined {
  const check = (r: { ok: boolean; message?: string }) => (r.ok ? undefined : r.message);
  if (key.startsWith('l:')) return check(linkRow(toRow(key, fields), key));
  if (key.startsWith('p:')) return check(programRow(toRow(key, fields), key));
  if (key === 's') return check(settingsCheck({ ...DEFAULT_APP_SETTINGS, ...fields }, key));
  if (key.startsWith('t:')) {
    const byLocale = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
    return check(settingsCheck({ ...DEFAULT_APP_SETTINGS, templates: { [key.slice(2)]: byLocale } }, key));
  }
  return 'not a RefShare record';
}

/**
 * One meeting with the browser's storage.sync, when the user turned sync on: this device's links, custom programs,
 * templates and settings merge with what the other browsers wrote (lib/browserSync/reconcile.ts); the result is
 * applied here and written back in one batch within the quotas. A refused write (quota, rate) loses nothing: the
 * data stays here, Settings says what is waiting and why, and the next meeting (at the latest the next alarm)
 * tries again.
 */
export async function runBrowserSync(db: RefShareDB, now: number): Promise<void> {
  const stored = await browser.storage.local.get([SYNC_SWITCH, SYNC_MEMORY]);
  if (stored[SYNC_SWITCH] !== true) return;
  const memory = (stored[SYNC_MEMORY] ?? {}) as Partial<Memory>;
  const device = memory.device ?? crypto.randomUUID().slice(0, 8);
  const [links, programs, settings, remote] = await Promise.all([
    db.links.toArray(),
    db.programs.toArray(),
    loadSettings(),
    browser.storage.sync.get(null),
  ]);
  const r = reconcile({
    shadow: memory.shadow ?? {},
    local: toFields({ links, programs, settings }),
    remote,
    clock: memory.clock ?? { t: 0, c: 0 },
    device,
    now,
    refuse,
    // A link of a custom program this browser does not have yet waits for it.
    ready: (key, fields, put) =>
      !key.startsWith('l:') ||
      !String(fields.programId).startsWith('custom:') ||
      programs.some((p) => p.id === fields.programId) ||
      `p:${fields.programId}` in put,
  });

  const puts = Object.entries(r.put);
  await db.transaction('rw', db.links, db.programs, async () => {
    for (const [key, fields] of puts) {
      if (key.startsWith('p:')) await db.programs.put(toRow<CustomProgramData>(key, fields));
      if (key.startsWith('l:')) {
        const link = toRow<ReferralLink>(key, fields);
        // One primary link per program: the one arriving primary takes over.
        if (link.primary === 1) await db.links.where({ programId: link.programId, primary: 1 }).modify({ primary: 0 });
        await db.links.put(link);
      }
    }
    for (const key of r.drop) if (key.startsWith('l:')) await db.links.delete(key.slice(2));
  });
  // A program deleted elsewhere goes here once its links have (never leaving a link without its program).
  for (const key of r.drop) if (key.startsWith('p:')) await deleteCustomProgram(db, key.slice(2));
  const settingsChanged =
    puts.some(([key]) => key === 's' || key.startsWith('t:')) || r.drop.some((k) => k.startsWith('t:'));
  if (settingsChanged) {
    await updateSettings((current) => {
      const templates = { ...current.templates };
      for (const key of r.drop) if (key.startsWith('t:')) delete templates[key.slice(2)];
      for (const [key, fields] of puts) {
        if (!key.startsWith('t:')) continue;
        const byLocale = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
        templates[key.slice(2)] = byLocale;
      }
      const s = r.put.s ?? {};
      return { ...Object.fromEntries(SYNCED_SETTINGS.filter((n) => n in s).map((n) => [n, s[n]])), templates };
    });
  }

  const { set, notFitting, total } = fitWrites(r.set, remote);
  let error: string | undefined;
  try {
    if (Object.keys(set).length) await browser.storage.sync.set(set);
    if (r.remove.length) await browser.storage.sync.remove(r.remove);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const status: SyncStatus = {
    at: now,
    error,
    notFitting,
    waiting: r.waiting.length,
    refused: r.refused.length,
    bytes: total,
  };
  await browser.storage.local.set({
    [SYNC_MEMORY]: { device, clock: r.clock, shadow: r.shadow, status } satisfies Memory,
  });
}
