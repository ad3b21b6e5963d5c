import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axSession, axTexts, clickAx, findAx, queryAx } from './axTools';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension, openExtensionPage, readTable, sendCommand } from './harness';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const INVITE_LINK =
  'https://star.aliexpress.com/share/share.htm?gatewayAdapt=glo2usa&redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DIN7XK2P9%26platform%3DAE';
const SAVE = { role: 'button', name: 'Save this link to RefShare' };
const IMPORT = { role: 'button', name: 'Import these coupons' };

let server: FixtureServer;
let ext: LaunchedExtension;
/** An extension page, to ask the background what it stored (as the popup would). */
let probe: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  // The production build, unchanged: its capture script matches the programs' real invite and coupon pages.
  ext = await launchExtension({ args: server.args });
  probe = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens a page under its program's real host name and waits for the capture button to be offered. */
async function openCapturePage(
  host: string,
  pathname: string,
  button = SAVE,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await ext.context.newPage();
  await page.goto(server.url(host, pathname));
  const cdp = await axSession(page);
  await findAx(cdp, button);
  return { page, cdp };
}

/** Serves another fixture's HTML at a capture page's address, as if the program's page looked like that. */
async function serveInstead(page: Page, url: string, fixture: string): Promise<void> {
  const body = await readFile(path.join(FIXTURES, fixture), 'utf8');
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

async function links(): Promise<{ url: string; code?: string }[]> {
  const reply = await sendCommand<{ url: string; code?: string }[]>(probe, 'listLinks', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

/** The wallet, read straight from the extension's IndexedDB. */
function coupons(from: Page = probe) {
  return readTable<{ title: string; value: number; currency: string; minSpend?: number }>(from, 'coupons');
}

/** True when <body> is exactly what the server sent: the page is changed nowhere but in RefShare's own host. */
async function bodyUntouched(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const sent = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    return sent.body.outerHTML === document.body.outerHTML;
  });
}

async function click(page: Page, cdp: CDPSession, button: typeof SAVE): Promise<void> {
  await clickAx(page, cdp, await findAx(cdp, button));
}

describe('capture on the programs’ own pages (production build, real Chromium)', () => {
  it('offers the button in a closed shadow root and sends nothing before the click', async () => {
    const { page } = await openCapturePage('star.aliexpress.com', '/share/share.htm');
    expect(await page.evaluate(() => document.querySelector('refshare-capture')?.shadowRoot)).toBeNull();
    expect(await page.evaluate(() => document.querySelector('refshare-capture') !== null)).toBe(true);
    expect(await links()).toEqual([]);
    expect(await coupons()).toEqual([]);
    expect(await bodyUntouched(page)).toBe(true);
    await page.close();
  });

  it('a broken invite page: says it could not find the link, and saves nothing', async () => {
    const page = await ext.context.newPage();
    const url = server.url('star.aliexpress.com', '/share/share.htm');
    await serveInstead(page, url, 'star.aliexpress.com/share/share-signed-out.htm');
    await page.goto(url);
    const cdp = await axSession(page);
    await click(page, cdp, SAVE);
    await expect
      .poll(() => axTexts(cdp, { role: 'alert' }))
      .toContain('RefShare could not find your invite link on this page');
    expect(await links()).toEqual([]);
    await page.close();
  });

  it('an invite page offering only an affiliate link: the engine’s reason, and nothing saved', async () => {
    const page = await ext.context.newPage();
    const url = server.url('star.aliexpress.com', '/share/share.htm');
    await serveInstead(page, url, 'star.aliexpress.com/share/share-affiliate.htm');
    await page.goto(url);
    const cdp = await axSession(page);
    await click(page, cdp, SAVE);
    await expect
      .poll(async () => (await axTexts(cdp, { role: 'alert' })).join())
      .toMatch(/affiliate \(commission\) link/);
    expect(await links()).toEqual([]);
    await page.close();
  });

  it('"Save this link to RefShare" saves the link the invite page shows', async () => {
    const { page, cdp } = await openCapturePage('star.aliexpress.com', '/share/share.htm');
    await click(page, cdp, SAVE);
    await expect.poll(() => axTexts(cdp, { role: 'status' })).toContain('Saved to RefShare');
    expect((await links()).map((l) => [l.url, l.code])).toEqual([[INVITE_LINK, 'IN7XK2P9']]);
    expect(await bodyUntouched(page)).toBe(true);
    // Saving again keeps one link.
    await click(page, cdp, SAVE);
    await expect.poll(() => axTexts(cdp, { role: 'status' })).toContain('Saved to RefShare');
    expect(await links()).toHaveLength(1);
    await page.close();
  });

  it('"Import these coupons" imports the wallet’s coupons once, however often it is clicked', async () => {
    const { page, cdp } = await openCapturePage('www.aliexpress.com', '/p/coupon-pc/index.html', IMPORT);
    await click(page, cdp, IMPORT);
    await expect.poll(() => axTexts(cdp, { role: 'status' })).toContain('Imported 3 coupons (1 could not be read)');
    const wallet = (await coupons()).map((c) => [c.title, c.value, c.currency, c.minSpend]);
    expect(wallet.sort()).toEqual(
      [
        ['Referral reward coupon', 3, 'USD', 20],
        ['Store coupon · Baseus Official Store', 2.5, 'EUR', 15],
        ['New user coupon', 5, 'BRL', undefined],
      ].sort(),
    );

    await page.reload();
    const again = await axSession(page);
    await click(page, again, IMPORT);
    await expect
      .poll(() => axTexts(again, { role: 'status' }))
      .toContain('Imported 0 coupons (3 already in your wallet, 1 could not be read)');
    expect(await coupons()).toHaveLength(3);
    expect(await bodyUntouched(page)).toBe(true);
    await page.close();
  });

  it('a coupon page without coupons: says so, and imports nothing', async () => {
    const page = await ext.context.newPage();
    const url = server.url('www.aliexpress.com', '/p/coupon-pc/index.html');
    await serveInstead(page, url, 'www.aliexpress.com/p/coupon-pc/empty.html');
    await page.goto(url);
    const cdp = await axSession(page);
    const before = (await coupons()).length;
    await click(page, cdp, IMPORT);
    await expect
      .poll(() => axTexts(cdp, { role: 'alert' }))
      .toContain('RefShare could not find any coupons on this page');
    expect(await coupons()).toHaveLength(before);
    await page.close();
  });

  it('runs nowhere else on the program’s site', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('www.aliexpress.com', '/p/coupon-pc/empty.html'));
    const cdp = await axSession(page);
    // The capture script runs at document_idle; give it time to (not) appear.
    await page.waitForTimeout(1000);
    expect(await queryAx(cdp, IMPORT)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('refshare-capture'))).toBeNull();
    await page.close();
  });
});

/** The slice of the extension API evaluated in the worker. */
declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };
declare const refshareTest: {
  menuClick(info: { menuItemId: string; frameId?: number }, tab: { id?: number }): Promise<void>;
};

describe('capture from the context menu on any page of a program’s site (Temu; test build, real Chromium)', () => {
  // The test build holds the fixture hosts' permission in place of the activeTab grant a real menu click gives.
  let testExt: LaunchedExtension;
  let testProbe: Page;
  beforeAll(async () => {
    testExt = await launchExtension({ build: 'test', args: server.args });
    testProbe = await openExtensionPage(testExt.context, testExt.extensionId, 'popup.html');
  });
  afterAll(async () => {
    await testExt?.close();
  });

  /** Clicks a RefShare menu entry on the tab showing this Temu fixture, as the user's right-click would. */
  async function clickMenu(pathname: string, menuItemId: string): Promise<void> {
    const pattern = `*://www.temu.com/${pathname.slice(1)}`;
    await testExt.worker.evaluate(
      async ({ pattern, menuItemId }) => {
        const [tab] = await chrome.tabs.query({ url: pattern });
        await refshareTest.menuClick({ menuItemId, frameId: 0 }, { id: tab?.id });
      },
      { pattern, menuItemId },
    );
  }

  /** Opens a Temu fixture: nothing is offered on Temu's pages until the user asks from the menu. */
  async function openTemu(pathname: string): Promise<{ page: Page; cdp: CDPSession }> {
    const page = await testExt.context.newPage();
    await page.goto(server.url('www.temu.com', pathname));
    const cdp = await axSession(page);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.querySelector('refshare-capture'))).toBeNull();
    return { page, cdp };
  }

  it('"Import the coupons shown on this page" reads Temu’s coupons at once, and only once however often asked', async () => {
    const { page, cdp } = await openTemu('/coupons.html');
    await clickMenu('/coupons.html', 'refshare-capture-coupons');
    await expect.poll(() => axTexts(cdp, { role: 'status' })).toContain('Imported 2 coupons (1 could not be read)');
    expect((await coupons(testProbe)).map((c) => [c.title, c.value, c.currency, c.minSpend]).sort()).toEqual(
      [
        ['Friend invite reward', 5, 'USD', undefined],
        ['Order coupon', 3, 'USD', 20],
      ].sort(),
    );

    await clickMenu('/coupons.html', 'refshare-capture-coupons');
    await expect
      .poll(() => axTexts(cdp, { role: 'status' }))
      .toContain('Imported 0 coupons (2 already in your wallet, 1 could not be read)');
    expect(await coupons(testProbe)).toHaveLength(2);
    // Asked twice in the same tab: still one bar.
    expect(await page.evaluate(() => document.querySelectorAll('refshare-capture').length)).toBe(1);
    expect(await bodyUntouched(page)).toBe(true);
    await page.close();
  });

  it('"Save the invite link shown on this page" saves the Temu link the page shows', async () => {
    const { page, cdp } = await openTemu('/invite-friends.html');
    await clickMenu('/invite-friends.html', 'refshare-capture-invite');
    await expect.poll(() => axTexts(cdp, { role: 'status' })).toContain('Saved to RefShare');
    const reply = await sendCommand<{ url: string; programId: string }[]>(testProbe, 'listLinks', {});
    expect(reply.ok && reply.value.map((l) => [l.programId, l.url])).toEqual([
      ['temu', 'https://temu.to/k/e7pqw2mzk4x'],
    ]);
    expect(await bodyUntouched(page)).toBe(true);
    await page.close();
  });
});
