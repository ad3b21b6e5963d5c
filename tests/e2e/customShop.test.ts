import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axSession, queryAx } from './axTools';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';

/** The slice of the extension API evaluated in the worker. */
declare const chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } };

const BUTTON = { role: 'button', name: 'Share your Corner Shop referral link' };

let server: FixtureServer;
let ext: LaunchedExtension;
let popup: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  // The test build holds example.org's host permission, standing in for the grant the user gives when adding
  // the program (headless Chromium cannot show the permission prompt).
  ext = await launchExtension({ build: 'test', args: server.args });
  popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** What the worker registered at run time for custom programs' shops. */
const registered = () =>
  ext.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, ...(s.matches ?? [])]),
  );

async function openShop(): Promise<{ page: Page; buttons: () => Promise<unknown[]> }> {
  const page = await ext.context.newPage();
  await page.goto(server.url('shop.example.org', '/index.html'));
  const cdp = await axSession(page);
  return { page, buttons: () => queryAx(cdp, BUTTON) };
}

describe('the launcher on a custom program’s shop (test build, real Chromium)', () => {
  it('nothing is registered or shown before the user adds the program', async () => {
    expect(await registered()).toEqual([]);
    const { page, buttons } = await openShop();
    await page.waitForTimeout(1000);
    expect(await buttons()).toEqual([]);
    await page.close();
  });

  it('adding the program registers the launcher for its granted site; with a link, the button appears there', async () => {
    const program = await sendCommand<{ id: string }>(popup, 'saveCustomProgram', {
      name: 'Corner Shop',
      shoppingHosts: ['shop.example.org'],
      linkPattern: 'https://shop.example.org/invite/{code}',
      rewardDelayHours: 48,
    });
    expect(program.ok).toBe(true);
    if (!program.ok) return;
    await expect.poll(registered).toEqual([['refshare-custom-shops', '*://shop.example.org/*']]);
    const saved = await sendCommand(popup, 'saveLink', {
      input: 'https://shop.example.org/invite/CORNER42',
      programId: program.value.id,
    });
    expect(saved.ok).toBe(true);

    const { page, buttons } = await openShop();
    await expect.poll(async () => (await buttons()).length, { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('deleting the program unregisters it: the next visit shows nothing', async () => {
    // A program with links cannot be deleted (the dashboard says so); its link goes first.
    const links = await sendCommand<{ id: string }[]>(popup, 'listLinks', {});
    for (const link of links.ok ? links.value : []) {
      expect((await sendCommand(popup, 'deleteLink', { id: link.id })).ok).toBe(true);
    }
    const list = await sendCommand<{ id: string }[]>(popup, 'listCustomPrograms', {});
    const id = list.ok ? list.value[0]?.id : undefined;
    expect(id).toBeDefined();
    expect((await sendCommand(popup, 'deleteCustomProgram', { id })).ok).toBe(true);
    await expect.poll(registered).toEqual([]);
    const { page, buttons } = await openShop();
    await page.waitForTimeout(1000);
    expect(await buttons()).toEqual([]);
    await page.close();
  });
});
