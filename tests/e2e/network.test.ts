/**
 * The zero-network recorder catches what it is there to catch. Every launch records the extension's requests (see
 * networkRecorder.ts) and fails its `close()` on any that reached a place the test did not configure; here the
 * extension is made to leak on purpose, from each of its parts, to a server that counts what it receives.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension, openExtensionPage } from './harness';

/** The slice of the extension API evaluated in the worker. */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(d: { target: { tabId: number }; func: (url: string) => void; args: string[] }): Promise<unknown>;
  };
};

let elsewhere: Server;
let elsewhereUrl: string;
const received: string[] = [];
let shops: FixtureServer;

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    received.push(req.url ?? '');
    res.end('ok');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  shops = await startFixtureServer();
});
afterAll(async () => {
  await new Promise((resolve) => elsewhere.close(resolve));
  await shops.close();
});

describe('zero-network recorder', () => {
  let ext: LaunchedExtension;
  afterAll(async () => {
    // Closing fails because of the leaks made on purpose; the test below checks that failure.
    await ext?.close().catch(() => undefined);
  });

  it('a plain session (popup, dashboard, a shop page with the launcher) reaches nowhere', async () => {
    const clean = await launchExtension({ args: shops.args });
    const popup = await openExtensionPage(clean.context, clean.extensionId, 'popup.html');
    await popup.getByRole('textbox').first().waitFor();
    await openExtensionPage(clean.context, clean.extensionId, 'options.html');
    const shop = await clean.context.newPage();
    await shop.goto(shops.url('www.aliexpress.com', '/item/1005006.html'));
    await shop.waitForTimeout(1000);
    expect(clean.network.inside).toBeGreaterThan(5);
    expect(clean.network.outside).toEqual([]);
    await clean.close();
  });

  it('catches requests from an extension page, the background worker and a script in a web page', async () => {
    ext = await launchExtension({ build: 'test', args: shops.args });
    ext.network.deliberate = true;
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.evaluate((url) => fetch(`${url}/from-page`).catch(() => undefined), elsewhereUrl);
    await ext.worker.evaluate((url) => fetch(`${url}/from-worker`).catch(() => undefined), elsewhereUrl);

    const shop = await ext.context.newPage();
    await shop.goto(shops.url('www.aliexpress.com', '/item/1005006.html'));
    await ext.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url: '*://www.aliexpress.com/*' });
      await chrome.scripting.executeScript({
        target: { tabId: tab?.id ?? -1 },
        func: (to) => void fetch(`${to}/from-content-script`).catch(() => undefined),
        args: [url],
      });
    }, elsewhereUrl);
    // The page's own request to the same place is the page's business, not the extension's.
    await shop.evaluate((url) => fetch(`${url}/from-the-shop-itself`).catch(() => undefined), elsewhereUrl);

    await expect.poll(() => received.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    // DevTools reports a request to the recorder a little after the server got it.
    await expect.poll(() => ext.network.violations().length, { timeout: 10_000 }).toBe(3);
    const leaks = ext.network.violations().map((r) => [new URL(r.url).pathname, r.by]);
    expect(leaks).toEqual(
      expect.arrayContaining([
        ['/from-page', 'extension page'],
        ['/from-worker', 'background worker'],
        ['/from-content-script', 'content script'],
      ]),
    );
    expect(leaks.map(([where]) => where)).not.toContain('/from-the-shop-itself');
    await expect(ext.close()).rejects.toThrow(/made 3 request\(s\) to places no test configured:[\s\S]*from-worker/);
  });

  it('lets through what the test configured, and nothing else', async () => {
    const feedTest = await launchExtension({ build: 'test', allowNetwork: [`${elsewhereUrl}/feed.json`] });
    const popup = await openExtensionPage(feedTest.context, feedTest.extensionId, 'popup.html');
    await popup.evaluate((url) => fetch(`${url}/feed.json`).catch(() => undefined), elsewhereUrl);
    expect(feedTest.network.toAllowed().map((r) => new URL(r.url).pathname)).toEqual(['/feed.json']);
    expect(feedTest.network.violations()).toEqual([]);
    await feedTest.close();
  });
});
