/**
 * End-to-end harness: loads the built extension into the system Chromium (headless, through
 * playwright-core) and talks to its background worker the way the extension's own pages do.
 *
 * Build first: `npm run build` (production, .output/chrome-mv3) and, for `build: 'test'`,
 * `REFSHARE_TEST_BUILD=1 npx wxt build` (.output/chrome-mv3-test). `npm test` does both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { NetworkRecorder } from './networkRecorder';

/** The slice of the extension API these helpers call inside the browser (there is no global type for it). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Channel name every message to the background carries. */
export const CHANNEL = 'refshare/v1';

/** The background's answer to every command. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface LaunchOptions {
  /** Profile folder. Defaults to a fresh temp folder that `close()` deletes; a folder passed here is kept, so a test can relaunch on it. */
  userDataDir?: string;
  /** Which build to load: 'prod' (.output/chrome-mv3, the default) or 'test' (.output/chrome-mv3-test, adds clipboardRead). */
  build?: 'prod' | 'test';
  /** Extra Chromium switches, e.g. `--host-resolver-rules=MAP *.aliexpress.com 127.0.0.1`. */
  args?: string[];
  /** URLs whose origins the extension may reach (status feeds the test configures); see also `network.allow`. */
  allowNetwork?: string[];
  /**
   * Device px per CSS px (Chromium's default is 1); 2 draws as on a high-density screen. Set both ways: Playwright's
   * emulation reaches only a page's own frames, not an extension's frame inside it (a separate process), which
   * Chromium's `--force-device-scale-factor` switch reaches.
   */
  deviceScaleFactor?: number;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker. */
  worker: Worker;
  userDataDir: string;
  /** Every request the extension made to anywhere but its own files (see networkRecorder.ts). */
  network: NetworkRecorder;
  /**
   * Closes the browser, and deletes the profile unless the caller supplied it. Fails when the extension made a
   * request to anywhere the test did not allow (no feed configured means: nowhere).
   */
  close(): Promise<void>;
}

/** Absolute path of a built extension folder; throws a clear error when it has not been built. */
function extensionDir(build: 'prod' | 'test' = 'prod'): string {
  const dir = path.join(repoRoot, '.output', build === 'test' ? 'chrome-mv3-test' : 'chrome-mv3');
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const how = build === 'test' ? '`REFSHARE_TEST_BUILD=1 npx wxt build`' : '`npm run build`';
    throw new Error(`No built extension in ${dir}. Run ${how} first (\`npm test\` builds both variants).`);
  }
  return dir;
}

/** Launches headless Chromium with only this extension loaded and waits for its service worker. */
export async function launchExtension(opts: LaunchOptions = {}): Promise<LaunchedExtension> {
  const dir = extensionDir(opts.build);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
  };
  const workerFile = `/${manifest.background?.service_worker ?? 'background.js'}`;
  const ownsProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'refshare-e2e-')));
  const removeProfile = async () => {
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
  };

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      // Tests inject axe-core into extension pages, whose CSP would otherwise refuse them.
      bypassCSP: true,
      ...(opts.deviceScaleFactor === undefined ? {} : { deviceScaleFactor: opts.deviceScaleFactor }),
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        ...(opts.deviceScaleFactor === undefined ? [] : [`--force-device-scale-factor=${opts.deviceScaleFactor}`]),
        ...(opts.args ?? []),
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }

  const network = new NetworkRecorder();
  for (const url of opts.allowNetwork ?? []) network.allow(url);
  const attached = network.attach(context);
  try {
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && new URL(w.url()).pathname === workerFile;
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    network.identify(extensionId);
    let closed = false;
    await attached;
    return {
      context,
      extensionId,
      worker,
      userDataDir,
      network,
      close: async () => {
        // Once: a test that checks close() failing may leave its afterAll to call it again.
        if (closed) return;
        closed = true;
        await context.close();
        await removeProfile();
        network.writeLog(repoRoot, path.relative(repoRoot, expect.getState().testPath ?? 'unknown'));
        const leaks = network.violations();
        if (leaks.length > 0) {
          const list = leaks.map((r) => `  ${r.url} (by the ${r.by}, ${r.from})`).join('\n');
          throw new Error(`The extension made ${leaks.length} request(s) to places no test configured:\n${list}`);
        }
      },
    };
  } catch (error) {
    await context.close();
    await removeProfile();
    throw error;
  }
}

/** Opens an extension page (e.g. 'popup.html', 'options.html') in a new tab and waits for it to load. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, page: string): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/${page}`);
  return tab;
}

/** Sends any message to the background from an extension page and returns the reply as is. */
export async function sendMessage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((msg) => chrome.runtime.sendMessage(msg), message);
}

/** Sends `{ channel: 'refshare/v1', command, data }` from an extension page and returns the background's reply. */
export async function sendCommand<T = unknown>(page: Page, command: string, data: unknown): Promise<Reply<T>> {
  return (await sendMessage(page, { channel: CHANNEL, command, data })) as Reply<T>;
}

/**
 * Every row of one of RefShare's IndexedDB tables, read straight from the database: a function to run in an extension
 * page (any driver's `evaluate`; it uses nothing outside itself).
 */
export function readTableInPage<T>(name: string): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('refshare');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as T[]);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/** Every row of one of RefShare's IndexedDB tables, read straight from the database in an extension page. */
export function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(readTableInPage, table) as Promise<T[]>;
}
