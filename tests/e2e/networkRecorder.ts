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

const INSIDE = new Set(['chrome-extension:', 'data:', 'blob:', 'about:']);

/** One web page's requests and the scripts of ours DevTools has named in it so far. */
interface WatchedPage {
  /** Execution contexts (the page's world, isolated worlds) by id: their origin. */
  worlds: Map<number, string>;
  scripts: Map<string, { url: string; world: number }>;
  requests: { url: string; document: string; stack?: CdpStack }[];
}

export class NetworkRecorder {
  /** Requests known to be the extension's as they happened (worker, extension pages). */
  private readonly direct: RecordedRequest[] = [];
  /**
   * Web pages' requests with the script stacks that started them. They are sorted when asked, not when seen:
   * DevTools may name a content script (Debugger.scriptParsed) after the request it started.
   */
  private readonly pages: WatchedPage[] = [];
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

  /** Every request the extension made, from any of its parts. */
  all(): RecordedRequest[] {
    const fromScripts = this.pages.flatMap((page) =>
      page.requests.flatMap((r) => {
        if (r.document.startsWith(this.own)) return []; // an extension frame: seen by onRequest
        const script = this.ourScript(r.stack, page);
        return script ? [{ url: r.url, by: 'content script' as const, from: script }] : [];
      }),
    );
    return [...this.direct, ...fromScripts];
  }

  /**
   * The first script of ours on a request's initiator stack, async parents included: loaded from our files, or
   * running in an isolated world of ours (a function injected with `scripting.executeScript` has no URL).
   */
  private ourScript(stack: CdpStack | undefined, page: WatchedPage): string | undefined {
    for (let s = stack; s; s = s.parent) {
      for (const frame of s.callFrames) {
        const script = page.scripts.get(frame.scriptId);
        const url = script?.url || frame.url;
        if (url.startsWith(this.own)) return url;
        if (script && `${page.worlds.get(script.world)}/` === this.own) return `${this.own} (injected function)`;
      }
    }
    return undefined;
  }

  /** How many requests the extension made to extension files (chrome-extension: never reaches the network). */
  get inside(): number {
    return this.all().filter((r) => r.url.startsWith('chrome-extension:')).length;
  }

  /** Every request the extension made to anywhere but extension files, data: and blob: URLs. */
  get outside(): RecordedRequest[] {
    return this.all().filter((r) => !INSIDE.has(r.url.slice(0, r.url.indexOf(':') + 1)));
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
    this.direct.push({ url, by, from });
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
      const watched: WatchedPage = { worlds: new Map(), scripts: new Map(), requests: [] };
      this.pages.push(watched);
      cdp.on('Runtime.executionContextCreated', ({ context }) => watched.worlds.set(context.id, context.origin));
      cdp.on('Debugger.scriptParsed', (script) =>
        watched.scripts.set(script.scriptId, { url: script.url, world: script.executionContextId }),
      );
      cdp.on('Network.requestWillBeSent', (event) => {
        watched.requests.push({
          url: event.request.url,
          document: event.documentURL ?? '',
          stack: event.initiator?.stack as CdpStack | undefined,
        });
      });
      await cdp.send('Network.enable');
      await cdp.send('Runtime.enable');
      await cdp.send('Debugger.enable');
    } catch {
      // The page closed before DevTools attached: it made no request.
    }
  }
}
