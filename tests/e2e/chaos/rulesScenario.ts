/**
 * Scenario (b): due rules at real time. A backup of a few weeks' sharing is imported (retried until it answers, as
 * the dashboard's client does) while the worker is stopped every 40–400 ms, and runs keep coming ("sync now"). The
 * window lasts past the browser's ~9 s timeout, so some notifications are closed by the browser while the worker is
 * being stopped. Afterwards: each overdue, follow-up and expiring notice once, every invite past its due time
 * handled, nothing else touched, the notification area reconciled, the badge counting the wallet.
 */
import type { OutboxEntry, StoredEvent } from '@/lib/db/schema';
import type { Coupon, Invite } from '@/lib/referral/types';
import { readTable } from '../harness';
import { rulesBackup } from './backups';
import type { ScenarioFigures } from './chaosReport';
import { attempt, type ChaosRun, finishRun, startRun } from './chaosRun';
import { scenarioRng, stopSchedule } from './random';
import { sleep } from './workerStopper';

const WINDOW_MS = 12_000;

export async function rulesScenario(seed: number): Promise<{ run: ChaosRun; figures: ScenarioFigures }> {
  const rng = scenarioRng(seed, 'rules');
  const drive = scenarioRng(seed, 'rules:drive');
  const backup = rulesBackup(Date.now(), drive);
  const run = await startRun('(b) due rules', seed);
  try {
    const { page } = run;
    const schedule = stopSchedule(rng, WINDOW_MS, 40, 400);
    const chaos = run.stopper.runSchedule(schedule);
    const start = Date.now();
    let imports = 0;
    let imported = false;
    let syncs = 0;
    while (!imported || Date.now() - start < WINDOW_MS) {
      if (!imported) {
        imports++;
        imported = (await attempt(page, 'importBackup', { backup: backup.file })).ok;
      } else {
        await attempt(page, 'syncNow', {});
        syncs++;
      }
      await sleep(drive.between(50, 400));
    }
    await chaos.end();
    run.notes.importAttempts = imports;
    run.notes.syncsDuringChaos = syncs;
    run.check(run.stopper.stops.length >= 3, `only ${run.stopper.stops.length} stops: the chaos did not happen`);

    const figures = await finishRun(run, schedule);
    const now = Date.now();
    const [invites, events, coupons, outbox] = await Promise.all([
      readTable<Invite>(page, 'invites'),
      readTable<StoredEvent>(page, 'events'),
      readTable<Coupon>(page, 'coupons'),
      readTable<OutboxEntry>(page, 'outbox'),
    ]);
    const data = backup.file.data;
    run.sameSet(
      'outbox',
      outbox.map((o) => o.key),
      backup.expectedNotices,
    );
    run.sameSet(
      'invites',
      invites.map((i) => i.id),
      data.invites.map((i) => i.id),
    );
    // No program has a link validity, so the rules store no events of their own: exactly the backup's.
    run.sameSet(
      'events',
      events.map((e) => e.key),
      data.events.map((e) => e.key),
    );
    // Warning about a coupon changes nothing in the wallet.
    for (const c of data.coupons) {
      const stored = coupons.find((x) => x.id === c.id);
      run.check(JSON.stringify(stored) === JSON.stringify(c), `coupon ${c.id} changed: ${JSON.stringify(stored)}`);
    }
    for (const inv of invites) {
      const before = data.invites.find((i) => i.id === inv.id);
      if (backup.quietInvites.includes(inv.id)) {
        run.check(JSON.stringify(inv) === JSON.stringify(before), `${inv.id} was not due, yet changed`);
      }
      run.check(inv.dueAt === undefined || inv.dueAt > now, `${inv.id} is still due (dueAt ${inv.dueAt})`);
      if (inv.id.startsWith('inv-follow-')) run.check(inv.followUpSentAt !== undefined, `${inv.id}: no follow-up`);
      if (inv.id.startsWith('inv-overdue-')) {
        const notified = inv.overdueNotifiedAt ?? 0;
        run.check(notified >= (inv.rewardDueAt ?? Infinity), `${inv.id}: overdue not recorded as notified`);
      }
    }
    figures.rowsChecked += invites.length + events.length + coupons.length;
    return { run, figures };
  } finally {
    await run.ext.close();
  }
}
