/**
 * What every chaos scenario shares: its own browser with the test build, one extension page kept open from start to
 * end (it sends the commands, watches the notification area, and holds the DevTools session that stops the worker),
 * a list of problems found (each a sentence; the test asserts the list is empty, with the seed), and the common end:
 * settle, reconcile the outbox with the notification area, check the badge against the wallet, sum up the figures.
 */
import type { Page } from 'playwright-core';
import type { Coupon } from '@/lib/referral/types';
import {
  type LaunchedExtension,
  launchExtension,
  openExtensionPage,
  type Reply,
  readTable,
  sendCommand,
} from '../harness';
import type { ScenarioFigures } from './chaosReport';
import { SELF_CHECK, shownTwice, sightings, watchNotifications } from './notificationWatch';
import { fingerprint } from './random';
import { reconcile, storyTeller } from './reconcile';
import { badgeText, expectedBadge, settle } from './settle';
import { sleep, WorkerStopper } from './workerStopper';

export interface ChaosRun {
  scenario: string;
  seed: number;
  ext: LaunchedExtension;
  /** The extension page that lives through the whole scenario. */
  page: Page;
  stopper: WorkerStopper;
  started: number;
  problems: string[];
  /** Rows compared so far (each scenario adds its own). */
  rowsChecked: number;
  notes: Record<string, unknown>;
  /** Records a problem unless `ok`. */
  check(ok: boolean, problem: string): void;
  /** Records what is missing from and extra in `actual`, and any value listed twice. */
  sameSet(what: string, actual: readonly string[], expected: readonly string[]): void;
}

/** Launches the scenario's browser and opens its long-lived page (`path`, an extension page). */
export async function startRun(
  scenario: string,
  seed: number,
  opts: { allowNetwork?: string[]; path?: string } = {},
): Promise<ChaosRun> {
  console.log(`chaos ${scenario}: seed ${seed} (replay with REFSHARE_CHAOS_SEED=${seed})`);
  const started = Date.now();
  const ext = await launchExtension({ build: 'test', allowNetwork: opts.allowNetwork ?? [] });
  try {
    const page = await openExtensionPage(ext.context, ext.extensionId, opts.path ?? 'options.html');
    await watchNotifications(page);
    const stopper = await WorkerStopper.attach(ext.context, page, ext.extensionId);
    const problems: string[] = [];
    return {
      scenario,
      seed,
      ext,
      page,
      stopper,
      started,
      problems,
      rowsChecked: 0,
      notes: {},
      check: (ok, problem) => {
        if (!ok) problems.push(problem);
      },
      sameSet: (what, actual, expected) => {
        const want = new Set(expected);
        const have = new Set(actual);
        const missing = expected.filter((x) => !have.has(x));
        const extra = actual.filter((x) => !want.has(x));
        const twice = actual.filter((x, i) => actual.indexOf(x) !== i);
        if (missing.length > 0) problems.push(`${what}: missing ${list(missing)}`);
        if (extra.length > 0) problems.push(`${what}: not expected ${list(extra)}`);
        if (twice.length > 0) problems.push(`${what}: more than once ${list(twice)}`);
      },
    };
  } catch (error) {
    await ext.close().catch(() => undefined);
    throw error;
  }
}

const list = (xs: readonly string[]) => `${xs.length}: ${xs.slice(0, 8).join(', ')}${xs.length > 8 ? ', …' : ''}`;

/** Sends a command before or after the chaos (no stops then): the reply's value, or it throws. */
export async function command<T>(page: Page, name: string, data: unknown): Promise<T> {
  const reply = await sendCommand<T>(page, name, data);
  if (!reply?.ok) throw new Error(`${name} failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

/**
 * Sends a command during the chaos: the reply, or why none came (the worker stopped under it and the browser closed
 * the channel, or no answer within `timeoutMs`). Never throws.
 */
export async function attempt(page: Page, name: string, data: unknown, timeoutMs = 15_000): Promise<Reply> {
  const noAnswer = (message: string): Reply => ({ ok: false, error: { code: 'no_answer', message } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Reply>((resolve) => {
    timer = setTimeout(() => resolve(noAnswer(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const sent = sendCommand(page, name, data).then(
      (reply) => reply ?? noAnswer('undefined reply'),
      (e: unknown) => noAnswer(String(e)),
    );
    return await Promise.race([sent, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The common end, after the scenario's own chaos ended: settle, then every outbox row against the notification area
 * and the watcher (none shown twice), the badge against the wallet. Returns the scenario's figures.
 */
export async function finishRun(run: ChaosRun, schedule: readonly number[]): Promise<ScenarioFigures> {
  const { outbox, held, heldAt, syncs } = await settle(run.page);
  // The last run may have just shown a notification lost on the way: let the watcher poll (every 50 ms) once more.
  await sleep(200);
  const seen = await sightings(run.page);
  const twice = shownTwice(seen, SELF_CHECK);
  const stops = run.stopper.stops.map((s) => s.wall);
  const story = storyTeller(run.started, stops, SELF_CHECK);
  const reconciled = reconcile(outbox, { ids: held, at: heldAt }, seen, story);
  run.problems.push(...reconciled.problems);
  if (reconciled.lostOnClosed.length > 0) run.notes.lostOnClosed = reconciled.lostOnClosed;
  for (const [id, timeline] of twice) run.problems.push(`${id} was shown twice: ${timeline}`);

  const coupons = await readTable<Coupon>(run.page, 'coupons');
  const wallet = expectedBadge(coupons, Date.now());
  const badge = await badgeText(run.page);
  run.check(badge === wallet, `badge shows "${badge}", the wallet calls for "${wallet}"`);
  run.rowsChecked += outbox.length;
  // How many notifications the browser closed while the worker was still being stopped (their onClosed had to
  // reach a worker that might be down or going down).
  const lastStop = run.stopper.stops.at(-1)?.wall ?? 0;
  run.notes.closedDuringChaos = seen.closes.filter((c) => !SELF_CHECK(c.id) && c.at <= lastStop).length;
  run.notes.settleSyncs = syncs;
  run.notes.badge = badge;
  return {
    scenario: run.scenario,
    seed: run.seed,
    stops: run.stopper.stops.length,
    skipped: run.stopper.skipped,
    scheduled: schedule.length,
    schedule: fingerprint(schedule),
    rowsChecked: run.rowsChecked,
    notificationsReconciled: reconciled.verified,
    shownTwice: twice.size,
    reshown: reconciled.reshown,
    lostOnClosed: reconciled.lostOnClosed.length,
    wallMs: Date.now() - run.started,
    notes: run.notes,
  };
}

/** The assertion message of a scenario: its problems, one a line, and how to replay the run. */
export function failureMessage(run: Pick<ChaosRun, 'scenario' | 'seed' | 'problems'>): string {
  return `chaos ${run.scenario}, seed ${run.seed} (REFSHARE_CHAOS_SEED=${run.seed}):\n  ${run.problems.join('\n  ')}`;
}
