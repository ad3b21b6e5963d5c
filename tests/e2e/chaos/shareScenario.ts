/**
 * Scenario (d): a person shares from the popup again and again (a nickname in "Who is it for?", "Share…",
 * "WhatsApp") while the worker is stopped every 40–400 ms. Each share the popup confirmed ("Invite recorded") must be
 * in the invites exactly once. A share the popup called failed (its alert) should not be there; when it is anyway
 * (the worker recorded it, then stopped before answering, and every retry of the page's client failed too) that is
 * counted and reported, not hidden. No share may be recorded twice.
 */
import type { Locator, Page } from 'playwright-core';
import type { Invite } from '@/lib/referral/types';
import { readTable } from '../harness';
import { LINK } from './backups';
import type { ScenarioFigures } from './chaosReport';
import { type ChaosRun, finishRun, startRun } from './chaosRun';
import { shownTwice, showTwiceFromPage, sightings } from './notificationWatch';
import { scenarioRng, stopSchedule } from './random';
import { sleep } from './workerStopper';

const SHARES = 20;

type Outcome = { kind: 'confirmed'; status: string } | { kind: 'failed'; alert: string } | { kind: 'unknown' };

/** Waits for what the popup says about the share just started: the nickname cleared and "Invite recorded", or an alert. */
async function shareOutcome(popup: Page, nickname: Locator): Promise<Outcome> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await nickname.inputValue()) === '') {
      const status = (await popup.getByRole('status').allTextContents()).join(' ').trim();
      return { kind: 'confirmed', status };
    }
    const alert = (await popup.getByRole('alert').allTextContents()).join(' ').trim();
    if (alert !== '') return { kind: 'failed', alert };
    await sleep(25);
  }
  return { kind: 'unknown' };
}

export async function shareScenario(seed: number): Promise<{ run: ChaosRun; figures: ScenarioFigures }> {
  const rng = scenarioRng(seed, 'share');
  const drive = scenarioRng(seed, 'share:drive');
  const run = await startRun('(d) popup shares', seed);
  try {
    const { page, ext } = run;
    // The watcher can fail: a notification shown twice on purpose is caught (its id is ignored below).
    const selfCheck = await showTwiceFromPage(page);
    await sleep(150);
    run.check(shownTwice(await sightings(page)).has(selfCheck), 'the watcher missed a notification shown twice');

    // Channel pages open in new tabs; answer them here instead of the real sites, and close them.
    await ext.context.route(/^https:\/\/(wa\.me|api\.whatsapp\.com)\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'WhatsApp' }),
    );
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.getByRole('textbox', { name: 'Referral link' }).fill(LINK);
    await popup.getByRole('button', { name: 'Save link' }).click();
    const nickname = popup.getByRole('textbox', { name: 'Who is it for?' });
    await nickname.waitFor();

    // Long enough for every share; ended when the last one is done.
    const schedule = stopSchedule(rng, 60_000, 40, 400);
    const chaos = run.stopper.runSchedule(schedule);
    const attempts: { nickname: string; outcome: Outcome }[] = [];
    for (let i = 1; i <= SHARES; i++) {
      const name = `Friend ${String(i).padStart(2, '0')}`;
      await nickname.fill(name);
      await popup.getByRole('button', { name: 'Share…' }).click();
      await popup.getByRole('menuitem', { name: 'WhatsApp' }).click();
      // The last share's alert goes as this one starts (the card clears its error first).
      await popup
        .getByRole('alert')
        .waitFor({ state: 'detached', timeout: 1_000 })
        .catch(() => undefined);
      const outcome = await shareOutcome(popup, nickname);
      attempts.push({ nickname: name, outcome });
      if (outcome.kind !== 'confirmed' && (await popup.getByRole('menu').count()) > 0)
        await popup.keyboard.press('Escape');
      for (const p of ext.context.pages()) if (p !== page && p !== popup) await p.close();
      await sleep(drive.between(50, 400));
    }
    await chaos.end();
    run.check(run.stopper.stops.length >= 3, `only ${run.stopper.stops.length} stops: the chaos did not happen`);

    const figures = await finishRun(run, schedule);
    const invites = await readTable<Invite>(page, 'invites');
    const confirmed = attempts.filter((a) => a.outcome.kind === 'confirmed');
    const failed = attempts.filter((a) => a.outcome.kind === 'failed');
    for (const a of attempts) {
      const mine = invites.filter((inv) => inv.nickname === a.nickname);
      run.check(mine.length <= 1, `${a.nickname} was recorded ${mine.length} times`);
      if (a.outcome.kind === 'confirmed') {
        run.check(mine.length === 1, `${a.nickname}: the popup said "${a.outcome.status}", but no invite was recorded`);
        run.check(
          /Invite recorded \(WhatsApp\)/.test(a.outcome.status),
          `${a.nickname}: confirmed with "${a.outcome.status}"`,
        );
        run.check(mine[0]?.channel === 'whatsapp', `${a.nickname}: channel ${mine[0]?.channel}`);
      }
      run.check(a.outcome.kind !== 'unknown', `${a.nickname}: the popup said nothing within 20 s`);
    }
    const names = new Set(attempts.map((a) => a.nickname));
    for (const inv of invites) run.check(names.has(inv.nickname ?? ''), `invite ${inv.id} for "${inv.nickname}"`);
    const failedButRecorded = failed.filter((a) => invites.some((inv) => inv.nickname === a.nickname));
    run.notes.shares = attempts.length;
    run.notes.confirmed = confirmed.length;
    run.notes.failed = failed.length;
    run.notes.failedButRecorded = failedButRecorded.map((a) => a.nickname);
    run.notes.failureMessages = [...new Set(failed.map((a) => (a.outcome.kind === 'failed' ? a.outcome.alert : '')))];
    figures.rowsChecked += invites.length;
    return { run, figures };
  } finally {
    await run.ext.close();
  }
}
