import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';
import { decodeQr } from './pageTools';

/** The extension API inside the page (the test runs in Node; `chrome` exists only there). */
declare const chrome: {
  storage: { sync: { get(k: null): Promise<unknown>; set(items: object): Promise<void> } };
};

const ALI_SHORT = 'https://a.aliexpress.com/_mKXyZab';
const SWITCH = 'Sync links and settings across your browsers';

type Items = Record<string, { f: Record<string, [unknown, string]> }>;

/** What the browser's storage.sync holds (Chromium keeps it locally without sign-in). */
const syncItems = (page: Page) => page.evaluate(() => chrome.storage.sync.get(null) as Promise<Items>);
const labels = async (page: Page) => {
  const links = await sendCommand<{ label: string }[]>(page, 'listLinks', {});
  return links.ok ? links.value.map((l) => l.label).sort() : [];
};

async function settingsTab(ext: LaunchedExtension) {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.getByRole('tab', { name: 'Settings' }).click();
  return page;
}

/**
 * Two Chromium profiles stand for two browsers signed in to one account. Chromium keeps storage.sync locally
 * without sign-in, so the first profile's writes are real; the second is given those items as its browser would
 * deliver them, and uses them as a person would see it: the link in its popup, the program's access prompt.
 */
describe('browser sync in real Chromium, two profiles', () => {
  let laptop: LaunchedExtension;
  let work: LaunchedExtension;
  beforeAll(async () => {
    laptop = await launchExtension();
    work = await launchExtension();
  });
  afterAll(async () => {
    await laptop?.close();
    await work?.close();
  });

  it('off: nothing written; on: the links, the program and the settings are; the other browser shows the link and asks for the program’s access; garbage is refused; off again: no more writes, local data kept', async () => {
    const page = await settingsTab(laptop);
    const saved = await sendCommand<{ id: string }>(page, 'saveLink', { input: ALI_SHORT, label: 'Main' });
    const program = await sendCommand<{ id: string }>(page, 'saveCustomProgram', {
      name: 'Corner Shop',
      shoppingHosts: ['shop.example.com'],
      linkPattern: 'https://shop.example.com/invite/{code}',
      rewardDelayHours: 48,
    });
    if (!saved.ok || !program.ok) throw new Error('setup failed');
    const shopLink = await sendCommand(page, 'saveLink', { input: 'https://shop.example.com/invite/ABC123' });
    expect(shopLink.ok).toBe(true);
    await page.waitForTimeout(2500);
    expect(await syncItems(page)).toEqual({});

    const box = page.getByRole('checkbox', { name: SWITCH });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expect
      .poll(async () => Object.keys(await syncItems(page)).filter((k) => /^[lps]/.test(k)).length, { timeout: 15_000 })
      .toBe(4);
    const items = await syncItems(page);
    expect(items[`l:${saved.value.id}`]?.f.url?.[0]).toBe(ALI_SHORT);
    expect(items[`p:${program.value.id}`]?.f.name?.[0]).toBe('Corner Shop');
    await page.getByText(/^Synced at /).waitFor();

    // The other browser receives the items, and its user turns sync on there.
    const other = await settingsTab(work);
    await other.evaluate((delivered) => chrome.storage.sync.set(delivered), items);
    await other.getByRole('checkbox', { name: SWITCH }).check();
    await expect.poll(() => labels(other), { timeout: 15_000 }).toEqual(['Code ABC123', 'Main']);
    const popup = await openExtensionPage(work.context, work.extensionId, 'popup.html');
    const qr = popup.getByRole('img', { name: 'QR code for AliExpress referral link' });
    await qr.waitFor();
    await expect.poll(() => decodeQr(qr), { timeout: 10_000 }).toBe(ALI_SHORT);
    await popup.close();
    // The program arrived: the dashboard asks for its site access, visibly, whatever tab is open.
    await other.reload();
    await other
      .getByRole('region', { name: 'From your other browser: Corner Shop' })
      .getByRole('button', { name: 'Allow on Corner Shop’s sites' })
      .waitFor();

    // Garbage from "another browser" is refused, named in Settings, and changes nothing.
    await other.evaluate(() =>
      chrome.storage.sync.set({ 'l:evil': { f: { url: ['javascript:alert(1)', '00000000000000evil'] } } }),
    );
    await other.getByRole('tab', { name: 'Settings' }).click();
    await other.getByText('An item from another browser was not valid RefShare data and was left alone.').waitFor({
      timeout: 15_000,
    });
    expect(await labels(other)).toEqual(['Code ABC123', 'Main']);

    // Off on the laptop: its edits stay here and are not written.
    await box.uncheck();
    await sendCommand(page, 'updateLink', { id: saved.value.id, label: 'Renamed offline' });
    await page.waitForTimeout(2500);
    expect((await syncItems(page))[`l:${saved.value.id}`]?.f.label?.[0]).toBe('Main');
    expect(await labels(page)).toEqual(['Code ABC123', 'Renamed offline']);
  });
});
