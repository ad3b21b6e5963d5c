/**
 * Really stops the extension's service worker, the way Chromium does when it decides the worker is idle or out of
 * time: DevTools' ServiceWorker.stopWorker on the worker's version (measured: the status goes running → stopping →
 * stopped, and the next message, alarm or event starts it again; ServiceWorker.stopAllWorkers does not reach an
 * extension's worker). The session is opened on one of the extension's own pages, which outlives every stop.
 *
 * After a stop, Playwright's `Worker` of the first worker life is dead (evaluating in it hangs): callers read
 * everything from extension pages instead.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface VersionEvent {
  versions: { versionId: string; scriptURL: string; runningStatus: RunningStatus }[];
}

/** A stop that was carried out: when (ms from the window's start, and epoch ms) and which worker version it hit. */
export interface Stop {
  at: number;
  wall: number;
  versionId: string;
}

export class WorkerStopper {
  /** The extension's worker versions and their last known status. */
  private readonly versions = new Map<string, RunningStatus>();
  /** Every stop carried out, in every window. */
  readonly stops: Stop[] = [];
  /** Scheduled moments skipped because the worker was not running then (nothing to stop). */
  skipped = 0;
  /** Every status DevTools reported for the extension's worker, with the time (for a failure's story). */
  readonly transitions: { at: number; versionId: string; status: RunningStatus }[] = [];

  private constructor(private readonly cdp: CDPSession) {}

  /** Opens a DevTools session on `page` (an extension page kept open for the whole scenario) and starts listening. */
  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<WorkerStopper> {
    const cdp = await context.newCDPSession(page);
    const stopper = new WorkerStopper(cdp);
    cdp.on('ServiceWorker.workerVersionUpdated', (e: VersionEvent) => {
      for (const v of e.versions) {
        if (!v.scriptURL.includes(extensionId) || stopper.versions.get(v.versionId) === v.runningStatus) continue;
        stopper.versions.set(v.versionId, v.runningStatus);
        stopper.transitions.push({ at: Date.now(), versionId: v.versionId, status: v.runningStatus });
      }
    });
    await cdp.send('ServiceWorker.enable');
    return stopper;
  }

  /** The version of the extension's worker that is running now, if one is. */
  private running(): string | undefined {
    for (const [id, status] of this.versions) if (status === 'running') return id;
    return undefined;
  }

  /** Whether the extension's worker is running now (as DevTools last reported). */
  get isRunning(): boolean {
    return this.running() !== undefined;
  }

  /**
   * Stops the worker if it is running, and waits (up to 2 s) until DevTools reports it stopping or stopped.
   * True when a running worker was stopped; false when there was none to stop.
   */
  async stopNow(at: number): Promise<boolean> {
    const versionId = this.running();
    if (versionId === undefined) {
      this.skipped++;
      return false;
    }
    await this.cdp.send('ServiceWorker.stopWorker', { versionId });
    const deadline = Date.now() + 2_000;
    while (this.versions.get(versionId) === 'running' && Date.now() < deadline) await sleep(5);
    if (this.versions.get(versionId) === 'running') throw new Error(`worker ${versionId} did not stop within 2 s`);
    this.stops.push({ at, wall: Date.now(), versionId });
    return true;
  }

  /** Waits until the worker is running (a message or event woke it), up to `timeoutMs`; false on time-out. */
  async waitRunning(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isRunning && Date.now() < deadline) await sleep(5);
    return this.isRunning;
  }

  /**
   * Carries out a schedule of stop times (ms from now) in the background, a stop at each time the worker runs.
   * `end()` stops the schedule early and resolves once no stop is in flight; its value is the number of stops made.
   */
  runSchedule(schedule: readonly number[]): { end(): Promise<number>; done: Promise<number> } {
    const start = Date.now();
    const before = this.stops.length;
    let ended = false;
    const done = (async () => {
      for (const t of schedule) {
        // In short steps, so that end() does not wait out a long gap.
        while (!ended && Date.now() < start + t) await sleep(Math.min(20, start + t - Date.now()));
        if (ended) break;
        await this.stopNow(t);
      }
      return this.stops.length - before;
    })();
    return {
      done,
      end: async () => {
        ended = true;
        return done;
      },
    };
  }

  /**
   * For one long piece of work (an import): each time the worker starts, stops it again `delays[i]` ms later (the
   * delays taken in turn), until `end()`. Returns like runSchedule.
   */
  stopEachStart(delays: readonly number[]): { end(): Promise<number>; done: Promise<number> } {
    const start = Date.now();
    const before = this.stops.length;
    let ended = false;
    const done = (async () => {
      for (let i = 0; !ended; i++) {
        while (!ended && !this.isRunning) await sleep(5);
        const until = Date.now() + (delays[i % delays.length] ?? 0);
        while (!ended && Date.now() < until) await sleep(Math.min(20, until - Date.now()));
        if (!ended) await this.stopNow(Date.now() - start);
      }
      return this.stops.length - before;
    })();
    return {
      done,
      end: async () => {
        ended = true;
        return done;
      },
    };
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
