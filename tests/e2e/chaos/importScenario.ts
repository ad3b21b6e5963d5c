/**
 * Scenario (c): a person imports a backup of 10,000 invites through the dashboard (Settings → "Import backup" →
 * preview → "Import"). During the first one or two presses of "Import" the worker is stopped at random moments of
 * the import (each time a message starts it, a seeded 100 ms–2.2 s later: the worker spends ~2.8 s on this import),
 * so the dashboard's own retries fail too and it shows its error; the database must then be untouched or fully
 * imported, never half-way.
 * The person presses "Import" again until the dashboard says it is done. Afterwards: exactly the backup's rows
 * once each, the rows the user had before intact.
 */
import type { StoredEvent } from '@/lib/db/schema';
import type { Coupon, Invite, ReferralLink } from '@/lib/referral/types';
import { readTable } from '../harness';
import { bigBackup, LINK } from './backups';
import type { ScenarioFigures } from './chaosReport';
import { type ChaosRun, command, finishRun, startRun } from './chaosRun';
import { countRows, importOutcome } from './dashboardImport';
import { scenarioRng } from './random';
import { sleep } from './workerStopper';

const INVITES = 10_000;
/** Presses of "Import" after the chaos ones before giving up (each is a full import of several seconds). */
const CALM_TRIES = 3;
/** Presses under the chaos at most (one that gets through is followed by another with shorter delays). */
const MAX_CHAOS_PRESSES = 4;
/**
 * Stops come 100 ms to FIRST_CAP_MS after each worker start: measured here, the worker spends ~2.8 s on this import
 * (checking the file again, then the transaction), so most stops land inside it, some in the checking.
 */
const MIN_DELAY_MS = 100;
const FIRST_CAP_MS = 2_200;

interface Press {
  chaos: boolean;
  stops: number;
  status: string;
  alert: string;
  /** After a failed press: the database untouched, fully imported, or (a failure) half-way. */
  database?: string;
  /** After a chaos press that got through: the shorter delay cap for the next one. */
  nextCap?: number;
}

export async function importScenario(seed: number): Promise<{ run: ChaosRun; figures: ScenarioFigures }> {
  const rng = scenarioRng(seed, 'import');
  const drive = scenarioRng(seed, 'import:drive');
  const backup = bigBackup(INVITES, Date.now(), drive);
  const text = JSON.stringify(backup);
  const run = await startRun('(c) import', seed, { path: 'options.html#settings' });
  try {
    const { page } = run;
    // What the user had before: a link, three shares, a first purchase, a coupon added by hand.
    const link = await command<{ id: string }>(page, 'saveLink', { input: LINK });
    const shared: string[] = [];
    for (const nickname of ['Ana', 'Bruno', 'Carla']) {
      shared.push(
        (await command<{ id: string }>(page, 'recordShare', { linkId: link.id, channel: 'sms', nickname })).id,
      );
    }
    await command(page, 'setInviteStatus', { inviteId: shared[1], status: 'first_purchase' });
    await command(page, 'addCoupons', {
      programId: 'aliexpress',
      inviteId: shared[1],
      coupons: [{ title: 'US $3 off US $20', value: 3, currency: 'USD', minSpend: 20 }],
    });
    const before = {
      links: await readTable<ReferralLink>(page, 'links'),
      invites: await readTable<Invite>(page, 'invites'),
      events: await readTable<StoredEvent>(page, 'events'),
      coupons: await readTable<Coupon>(page, 'coupons'),
    };

    const preview = page.getByRole('group', { name: 'Import this backup?' });
    /** "Import backup", the file, and the preview (checking 10,000 rows in the page takes a moment). */
    const choose = async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import backup' }).click();
      await (await chooser).setFiles({
        name: 'refshare-backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await preview.waitFor({ timeout: 30_000 });
    };
    await choose();

    // One or two presses must fail under the chaos (a press that gets through anyway is followed by another, with
    // shorter delays), then calm presses until the dashboard says it is done.
    const wanted = rng.between(1, 2);
    let failures = 0;
    let chaosPresses = 0;
    let cap = FIRST_CAP_MS;
    const fractions: number[] = [];
    const presses: Press[] = [];
    for (let press = 0; press < MAX_CHAOS_PRESSES + CALM_TRIES; press++) {
      const chaos = failures < wanted && chaosPresses < MAX_CHAOS_PRESSES;
      let stopping: { end(): Promise<number> } | undefined;
      if (chaos) {
        chaosPresses++;
        const mine = Array.from({ length: 8 }, () => rng.next());
        fractions.push(...mine.map((f) => Math.round(f * 1000)));
        // Every attempt of this press in a worker of its own, started by the attempt's message, and stopped a
        // random part of an import's time after it started.
        await run.stopper.stopNow(0);
        stopping = run.stopper.stopEachStart(mine.map((f) => Math.round(MIN_DELAY_MS + f * (cap - MIN_DELAY_MS))));
      }
      await preview.getByRole('button', { name: 'Import', exact: true }).click();
      const outcome = await importOutcome(page);
      const stops = (await stopping?.end()) ?? 0;
      const done = /(^| \| )Backup imported\./.test(outcome.status);
      const entry: Press = { chaos, stops, ...outcome };
      presses.push(entry);
      if (done && chaos) {
        // This machine imports faster than the delays allowed for: the next chaos press stops sooner.
        const lastStart = run.stopper.transitions.findLast((t) => t.status === 'running')?.at ?? Date.now();
        cap = Math.max(MIN_DELAY_MS * 2, Math.round(0.7 * (Date.now() - lastStart)));
        entry.nextCap = cap;
        // The preview closed with the success: the person imports the same file again (it replaces, adds nothing).
        await choose();
        continue;
      }
      if (done) break;
      failures++;
      // A failed press says so, and leaves the database as it was or fully imported, never half-way.
      run.check(
        /The backup was not imported/.test(outcome.alert),
        `press ${press + 1} ended without success or an error: status "${outcome.status}", alert "${outcome.alert}"`,
      );
      const invites = await countRows(page, 'invites');
      const events = await countRows(page, 'events');
      entry.database =
        invites === before.invites.length && events === before.events.length
          ? 'untouched'
          : invites === before.invites.length + INVITES && events === before.events.length + backup.data.events.length
            ? 'fully imported'
            : `half-way: ${invites} invites, ${events} events`;
      run.check(
        !entry.database.startsWith('half'),
        `after failed press ${press + 1} the database is ${entry.database}`,
      );
      // A person reads the error and presses "Import" again a moment later.
      await sleep(drive.between(200, 800));
    }
    run.notes.presses = presses;
    const last = presses.at(-1);
    run.check(/(^| \| )Backup imported\./.test(last?.status ?? ''), `never imported: ${JSON.stringify(presses)}`);
    run.check(failures >= 1, 'no press failed under the chaos: the failure path was not exercised');
    run.check(run.stopper.stops.length >= 3, `only ${run.stopper.stops.length} stops: the chaos did not happen`);

    const figures = await finishRun(run, fractions);
    const after = {
      links: await readTable<ReferralLink>(page, 'links'),
      invites: await readTable<Invite>(page, 'invites'),
      events: await readTable<StoredEvent>(page, 'events'),
      coupons: await readTable<Coupon>(page, 'coupons'),
    };
    const data = backup.data;
    run.sameSet(
      'invites',
      after.invites.map((i) => i.id),
      [...before.invites, ...data.invites].map((i) => i.id),
    );
    run.sameSet(
      'events',
      after.events.map((e) => e.key),
      [...before.events, ...data.events].map((e) => e.key),
    );
    const same = <T>(what: string, key: (row: T) => string, rows: readonly T[], stored: readonly T[]) => {
      const byKey = new Map(stored.map((r) => [key(r), JSON.stringify(r)]));
      const changed = rows.filter((r) => byKey.get(key(r)) !== JSON.stringify(r)).map(key);
      run.check(
        changed.length === 0,
        `${what} not as they should be (${changed.length}): ${changed.slice(0, 5).join(', ')}`,
      );
    };
    same('earlier invites', (i: Invite) => i.id, before.invites, after.invites);
    same('imported invites', (i: Invite) => i.id, data.invites, after.invites);
    same('earlier events', (e: StoredEvent) => e.key, before.events, after.events);
    same('imported events', (e: StoredEvent) => e.key, data.events, after.events);
    same('coupons', (c: Coupon) => c.id, before.coupons, after.coupons);
    run.sameSet(
      'coupons',
      after.coupons.map((c) => c.id),
      before.coupons.map((c) => c.id),
    );
    // The user's link stays the program's primary one; the backup's comes in beside it.
    same('earlier links', (l: ReferralLink) => l.id, before.links, after.links);
    run.sameSet(
      'links',
      after.links.map((l) => l.id),
      [...before.links, ...data.links].map((l) => l.id),
    );
    figures.rowsChecked += after.invites.length + after.events.length + after.links.length + after.coupons.length;
    return { run, figures };
  } finally {
    await run.ext.close();
  }
}
