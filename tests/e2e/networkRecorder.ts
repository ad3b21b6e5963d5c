/**
 * Records every request the extension makes while a test drives it, and tells which ones left the device for a place
 * the test did not configure. The harness starts one for every launch (launchExtension) and `close()` fails when the
 * extension reached anywhere else, so the whole e2e run doubles as the zero-network check of the privacy promise.
 *
 * Who made a request:
 * - the background worker: Playwright reports its requests with `request.serviceWorker()`;
 * - an extension page (popup, dashboard, the shop panel framed in a page): the request's frame, or the parent of the
 *   frame it navigates, is a chrome-extension:// document of ours;
 * - a content script (the shop launcher, capture): DevTools' Network domain on each web page gives the script stack
 *   that started a request; any frame of ours on it makes it the extension's.
 * A web page's own requests (the test's fixture shops) and top-level navigations (the test's page.goto, a share
 * channel the user clicked open) are not the extension's. chrome-extension:, data: and blob: URLs stay inside.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';

export type Maker = 'background worker' | 'extension page' | 'content script';

export interface RecordedRequest {
  url: string;
  by: Maker;
  /** Where it came from: the worker's or page's URL. */
  from: string;
}

interface CdpStack {
  callFrames: { url: string; scriptId: string }[];
  parent?: CdpStack;
}

const INSIDE = new Set(['data:', 'blob:', 'about:']);

export class NetworkRecorder {
  /** Every request the extension made to its own files. */
  inside = 0;
  /** Every request the extension made to anywhere but its own files, in order. */
  readonly outside: RecordedRequest[] = [];
  private readonly allowed = new Set<string>();
  private own = '';
  /** Requests seen before the extension's id was known (the worker starts before the harness finds it). */
  private pending: Request[] | undefined = [];

  /** Names the extension, and sorts the requests seen before that. */
  identify(extensionId: string): void {
    this.own = `chrome-extension://${extensionId}/`;
    const early = this.pending ?? [];
    this.pending = undefined;
    for (const request of early) this.onRequest(request);
  }

  /** Set by the recorder's own test, which leaks on purpose: its log line is then not counted as a leak. */
  deliberate = false;

  /** Lets the extension reach this URL's origin (a status feed the test configured). */
  allow(url: string): void {
    this.allowed.add(new URL(url).origin);
  }

  /** Requests that went somewhere the test did not allow. */
  violations(): RecordedRequest[] {
    return this.outside.filter((r) => !this.allowed.has(new URL(r.url).origin));
  }

  /** Requests that went to the origins the test allowed. */
  toAllowed(): RecordedRequest[] {
    return this.outside.filter((r) => this.allowed.has(new URL(r.url).origin));
  }

  /** Starts listening on the context's pages, frames and service workers (including pages opened later). */
  async attach(context: BrowserContext): Promise<void> {
    context.on('request', (request) => this.onRequest(request));
    context.on('page', (page) => void this.watchContentScripts(page));
    await Promise.all(context.pages().map((page) => this.watchContentScripts(page)));
  }

  /** Adds this launch's figures and any violation to test-results/network.jsonl (summed up by `npm test`). */
  writeLog(root: string, testFile: string): void {
    const dir = path.join(root, 'test-results');
    mkdirSync(dir, { recursive: true });
    const line = {
      file: testFile,
      inside: this.inside,
      toAllowed: this.toAllowed().length,
      violations: this.violations(),
      deliberate: this.deliberate,
    };
    appendFileSync(path.join(dir, 'network.jsonl'), `${JSON.stringify(line)}\n`);
  }

  private record(url: string, by: Maker, from: string): void {
    const protocol = url.slice(0, url.indexOf(':') + 1);
    // chrome-extension: never reaches the network; the shop panel's address has a per-session id instead of ours.
    if (protocol === 'chrome-extension:') this.inside++;
    else if (!INSIDE.has(protocol)) this.outside.push({ url, by, from });
  }

  private onRequest(request: Request): void {
    if (this.pending) {
      this.pending.push(request);
      return;
    }
    const worker = request.serviceWorker();
    if (worker) {
      if (worker.url().startsWith(this.own)) this.record(request.url(), 'background worker', worker.url());
      return;
    }
    let frame: ReturnType<Request['frame']>;
    try {
      frame = request.frame();
    } catch {
      return; // not a page's request (another kind of worker): covered by the cases above
    }
    const origin = request.isNavigationRequest() ? frame.parentFrame() : frame;
    if (origin?.url().startsWith(this.own)) this.record(request.url(), 'extension page', origin.url());
  }

  /**
   * Content scripts run in the web page's process: DevTools names the scripts that started each request. A script
   * of ours is one loaded from our files, or one that runs in an isolated world of ours (a function injected with
   * `scripting.executeScript` has no URL, only its world).
   */
  private async watchContentScripts(page: Page): Promise<void> {
    try {
      const cdp = await page.context().newCDPSession(page);
      const ourWorlds = new Set<number>();
      const ourScripts = new Map<string, string>();
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if (this.own && `${context.origin}/` === this.own) ourWorlds.add(context.id);
      });
      cdp.on('Debugger.scriptParsed', (script) => {
        if (!this.own) return;
        if (script.url.startsWith(this.own) || ourWorlds.has(script.executionContextId)) {
          ourScripts.set(script.scriptId, script.url || `${this.own} (injected function)`);
        }
      });
      cdp.on('Network.requestWillBeSent', (event) => {
        if (!this.own || event.documentURL?.startsWith(this.own)) return; // an extension frame: seen by onRequest
        const script = ourScript(event.initiator?.stack as CdpStack | undefined, ourScripts);
        if (script) this.record(event.request.url, 'content script', script);
      });
      await cdp.send('Network.enable');
      await cdp.send('Runtime.enable');
      await cdp.send('Debugger.enable');
    } catch {
      // The page closed before DevTools attached: it made no request.
    }
  }
}

/** The first script of ours on a request's initiator stack, async parents included. */
function ourScript(stack: CdpStack | undefined, ours: Map<string, string>): string | undefined {
  for (let s = stack; s; s = s.parent) {
    for (const frame of s.callFrames) {
      const name = ours.get(frame.scriptId);
      if (name) return name;
    }
  }
  return undefined;
}
