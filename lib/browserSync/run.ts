import { browser } from 'wxt/browser';
import { linkRow, programRow } from '@/lib/backup/rows';
import { settingsCheck } from '@/lib/backup/settingsCheck';
import { deleteCustomProgram } from '@/lib/db/programs';
import type { RefShareDB } from '@/lib/db/schema';
import { bumpDataVersion } from '@/lib/platform/dataVersion';
import { allPrograms } from '@/lib/referral/programs/index';
import type { CustomProgramData, ReferralLink } from '@/lib/referral/types';
import { DEFAULT_APP_SETTINGS, loadSettings, updateSettings } from '@/lib/settings';
import type { Clock } from './clock';
import { fitWrites, type NotFitting } from './fit';
import { SYNC_MEMORY, SYNC_SWITCH } from './keys';
import { type Fields, readRecord, reconcile } from './reconcile';
import type { SyncRecord } from './records';
import { isMutedKey, mutedSitesFrom, SYNCED_SETTINGS, toFields, toRow } from './state';

/** One thing Settings lists as not synced, and why. `name`: a link's label, a program's name or id, or empty. */
export interface WaitingItem {
  key: string;
  name: string;
  reason: NotFitting['reason'] | 'waiting_program' | 'refused';
}

export interface SyncStatus {
  at: number;
  /** storage.sync's refusal (quota, rate), when the write failed: retried at the next meeting. */
  error?: string;
  /** Local records that did not fit, links waiting for their program, items from elsewhere refused (at most 50). */
  items: WaitingItem[];
  /** Writes held back to stay within the browser's rate (120 a minute, 1,800 an hour): they go at a later meeting. */
  held?: boolean;
  bytes: number;
}

interface Memory {
  device: string;
  clock: Clock;
  shadow: Record<string, SyncRecord>;
  status?: SyncStatus;
  /** Custom programs that arrived from another browser, until the dashboard has asked for their site access. */
  arrived?: string[];
  /** When this device wrote to storage.sync in the last hour (one entry per set or remove). */
  writes?: number[];
}

/**
 * Chrome allows 120 writes a minute and 1,800 an hour to storage.sync (MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR);
 * past them every write fails. RefShare stays below with room to spare, and holds its writes when it would not:
 * the changes wait here and go at a later meeting (the alarm comes every minute).
 */
const HOUR = 3_600_000;
const PER_MINUTE = 100;
const PER_HOUR = 1_600;
const withinRate = (writes: number[], ops: number, now: number) =>
  writes.filter((at) => at > now - 60_000).length + ops <= PER_MINUTE && writes.length + ops <= PER_HOUR;

/** Read by the dashboard: custom programs from another browser whose shop pages wait for this browser's access. */
export const arrivedPrograms = (memory: unknown): string[] =>
  Array.isArray((memory as Memory | undefined)?.arrived) ? ((memory as Memory).arrived as string[]) : [];

const MAX_LISTED = 50;

/** Why a record from another browser cannot be applied here, checked as strictly as a backup's rows. */
function refuse(key: string, fields: Fields): string | undefined {
  const check = (r: { ok: boolean; message?: string }) => (r.ok ? undefined : r.message);
  if (key.startsWith('l:')) return check(linkRow(toRow(key, fields), key));
  if (key.startsWith('p:')) return check(programRow(toRow(key, fields), key));
  if (key === 's') return check(settingsCheck({ ...DEFAULT_APP_SETTINGS, ...fields }, key));
  if (isMutedKey(key)) return check(settingsCheck({ ...DEFAULT_APP_SETTINGS, mutedSites: fields.sites }, key));
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
export async function runBrowserSync(db: RefShareDB, now: number): Promise<{ programsChanged: boolean }> {
  const stored = await browser.storage.local.get([SYNC_SWITCH, SYNC_MEMORY]);
  if (stored[SYNC_SWITCH] !== true) return { programsChanged: false };
  const memory = (stored[SYNC_MEMORY] ?? {}) as Partial<Memory>;
  const device = memory.device ?? crypto.randomUUID().slice(0, 8);
  const [links, programs, settings, remote] = await Promise.all([
    db.links.toArray(),
    db.programs.toArray(),
    loadSettings(),
    browser.storage.sync.get(null),
  ]);
  const joining = memory.shadow === undefined;
  const localBefore = toFields({ links, programs, settings });
  // Joining, the muted sites are combined rather than replaced: a site muted here stays muted.
  let combined = false;
  if (joining) {
    for (const [key, fields] of Object.entries(localBefore)) {
      const synced = isMutedKey(key) ? readRecord(remote[key])?.f.sites?.[0] : undefined;
      if (!Array.isArray(synced)) continue;
      const valid = synced.filter((site) => typeof site === 'string' && !refuse(key, { sites: [site] }));
      const sites = [...new Set([...(fields.sites as string[]), ...valid])];
      combined ||= sites.length !== (fields.sites as string[]).length;
      fields.sites = sites;
    }
  }
  const r = reconcile({
    joining: (key) => joining && !isMutedKey(key),
    shadow: memory.shadow ?? {},
    local: localBefore,
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
  // Links or programs change: the popup's card is older than the data from now on (lib/share/popupCard.ts).
  const changing = puts.some(([k]) => !k.startsWith('t:')) || r.drop.length > 0;
  if (changing) await bumpDataVersion();
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
  if (changing) await bumpDataVersion();
  const settingsChanged =
    combined ||
    puts.some(([key]) => key === 's' || isMutedKey(key) || key.startsWith('t:')) ||
    r.drop.some((k) => k.startsWith('t:'));
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
      return {
        ...Object.fromEntries(SYNCED_SETTINGS.filter((n) => n in s).map((n) => [n, s[n]])),
        ...(combined || puts.some(([key]) => isMutedKey(key))
          ? { mutedSites: mutedSitesFrom({ ...localBefore, ...r.put }) }
          : {}),
        templates,
      };
    });
  }

  const { set, notFitting, total } = fitWrites(r.set, remote);
  let error: string | undefined;
  const ops = (Object.keys(set).length ? 1 : 0) + (r.remove.length ? 1 : 0);
  const writes = (memory.writes ?? []).filter((at) => at > now - HOUR && at <= now);
  const held = ops > 0 && !withinRate(writes, ops, now);
  if (ops > 0 && !held) {
    writes.push(...Array<number>(ops).fill(now));
    try {
      if (Object.keys(set).length) await browser.storage.sync.set(set);
      if (r.remove.length) await browser.storage.sync.remove(r.remove);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  // The records as they are here now, from what this meeting read and applied (no second read of the tables).
  const local: Record<string, Fields> = { ...localBefore, ...r.put };
  for (const key of r.drop) delete local[key];
  const nameOf = (key: string): string => {
    const fields = local[key] ?? {};
    if (key.startsWith('l:')) return String(fields.label ?? fields.url ?? '');
    if (key.startsWith('p:')) return String(fields.name ?? key.slice(2));
    const id = key.slice(2);
    return key.startsWith('t:') ? (allPrograms(programs).find((p) => p.id === id)?.name ?? id) : '';
  };
  const items: WaitingItem[] = [
    ...notFitting.map(({ key, reason }) => ({ key, reason })),
    ...r.waiting.map((key) => ({ key, reason: 'waiting_program' as const })),
    ...r.refused.map(({ key }) => ({ key, reason: 'refused' as const })),
  ]
    .slice(0, MAX_LISTED)
    // A refused item's name is never read from it: it is whatever another browser (or anything) wrote.
    .map((item) => ({ ...item, name: item.reason === 'refused' ? '' : nameOf(item.key).slice(0, 80) }));
  const status: SyncStatus = { at: now, error, items, bytes: total, ...(held ? { held } : {}) };
  const had = new Set(programs.map((p) => p.id));
  const arrivedNow = puts.filter(([key]) => key.startsWith('p:') && !had.has(key.slice(2))).map(([k]) => k.slice(2));
  const still = new Set(Object.keys(local));
  const arrived = [...new Set([...(memory.arrived ?? []), ...arrivedNow])].filter((id) => still.has(`p:${id}`));
  await browser.storage.local.set({
    [SYNC_MEMORY]: { device, clock: r.clock, shadow: r.shadow, status, arrived, writes } satisfies Memory,
  });
  return { programsChanged: puts.some(([key]) => key.startsWith('p:')) || r.drop.some((k) => k.startsWith('p:')) };
}
