/**
 * Issue 13, "Nothing lost when the worker is really stopped": the extension's service worker is stopped for real
 * (DevTools' ServiceWorker.stopWorker, see chaos/workerStopper.ts) at seeded random moments while (a) a status feed
 * brings coupons, (b) due rules raise overdue, follow-up and expiring notices, (c) a person imports a backup of
 * 10,000 invites, (d) a person shares from the popup. Afterwards every row the user had or was told about is there
 * once, every notification the outbox calls shown is on screen or was closed, none was shown twice, and the badge
 * counts the wallet. Each scenario runs in its own browser; chaos/*Scenario.ts say how.
 *
 * The seed is printed at the start of each scenario and in every failure: REFSHARE_CHAOS_SEED=<seed> replays the
 * same stop schedule and data. Figures go to test-results/chaos.json and to the summary lines printed at the end.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type ScenarioFigures, scenarioLine, totalLine, writeChaosReport } from './chaos/chaosReport';
import { type ChaosRun, failureMessage } from './chaos/chaosRun';
import { feedScenario } from './chaos/feedScenario';
import { importScenario } from './chaos/importScenario';
import { chaosSeed } from './chaos/random';
import { rulesScenario } from './chaos/rulesScenario';
import { shareScenario } from './chaos/shareScenario';

const seed = chaosSeed();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const figures: ScenarioFigures[] = [];

/** Runs a scenario, keeps its figures, prints its line, and asserts it found no problem (the seed in the message). */
async function scenario(runIt: (seed: number) => Promise<{ run: ChaosRun; figures: ScenarioFigures }>) {
  const { run, figures: f } = await runIt(seed);
  figures.push(f);
  console.log(scenarioLine(f));
  if (Object.keys(f.notes).length > 0) console.log(`  notes: ${JSON.stringify(f.notes)}`);
  expect(run.problems, failureMessage(run)).toEqual([]);
  expect(f.shownTwice, `seed ${seed}`).toBe(0);
}

afterAll(() => {
  if (figures.length === 0) return;
  const file = writeChaosReport(root, seed, figures);
  for (const f of figures) console.log(scenarioLine(f));
  console.log(`${totalLine(figures, seed)} → ${path.relative(root, file)}`);
});

describe(`chaos: nothing lost when the worker is really stopped (seed ${seed})`, () => {
  it('(a) a status feed bringing coupons', () => scenario(feedScenario), 90_000);
  it('(b) due rules making overdue, follow-up and expiring notices', () => scenario(rulesScenario), 90_000);
  it('(c) importing a backup of 10,000 invites through the dashboard', () => scenario(importScenario), 180_000);
  it('(d) recording shares from the popup', () => scenario(shareScenario), 120_000);
});
