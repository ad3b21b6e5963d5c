import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';

/** The extension API inside the page (the test runs in Node; `chrome` exists only there). */
declare const chrome: { storage: { sync: { get(k: null): Promise<unknown>; set(items: object): Promise<void> } } };

const ALI_SHORT = 'https://a.aliexpress.com/_mKXyZab';

let ext: LaunchedExtension;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
  page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  await page.setViewportSize({ width: 1200, height: 800 });
});
afterAll(async () => ext?.close());

/** What the browser's storage.sync holds (Chromium keeps it locally without sign-in). */
const syncItems = () =>
  page.evaluate(
    () => chrome.storage.sync.get(null) as Promise<Record<string, { f: Record<string, [unknown, string]> }>>,
  );

describe('browser sync in real Chromium', () => {
  it('off: nothing is written; on: the link and settings are written; an item from another browser arrives; off again: no more writes, local data kept', async () => {
    const saved = await sendCommand<{ id: string }>(page, 'saveLink', { input: ALI_SHORT, label: 'Main' });
    if (!saved.ok) throw new Error('saving the link failed');
    await page.waitForTimeout(2500);
    expect(await syncItems()).toEqual({});

    await page.getByRole('tab', { name: 'Settings' }).click();
    const box = page.getByRole('checkbox', { name: 'Sync links and settings across your browsers' });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await expect
      .poll(async () => Object.keys(await syncItems()).sort(), { timeout: 15_000 })
      .toEqual([`l:${saved.value.id}`, 's']);
    const item = (await syncItems())[`l:${saved.value.id}`];
    expect(item?.f.url?.[0]).toBe(ALI_SHORT);
    expect(item?.f.label?.[0]).toBe('Main');
    await page.getByText(/^Synced at /).waitFor();

    // Another browser (signed in to the same account) adds a Temu link: the browser delivers its item.
    const stamp = `${Date.now().toString(36).padStart(9, '0')}0000other1`;
    const other = {
      f: Object.fromEntries(
        Object.entries({
          programId: 'temu',
          url: 'https://www.temu.com/s/AbC123xyz',
          code: 'AbC123xyz',
          label: 'From my phone',
          notes: null,
          primary: 1,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        }).map(([k, v]) => [k, [v, stamp]]),
      ),
    };
    await page.evaluate((value) => chrome.storage.sync.set({ 'l:from-phone': value }), other);
    await expect
      .poll(
        async () => {
          const links = await sendCommand<{ label: string }[]>(page, 'listLinks', {});
          return links.ok ? links.value.map((l) => l.label).sort() : [];
        },
        { timeout: 15_000 },
      )
      .toEqual(['From my phone', 'Main']);
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.getByRole('combobox').first().waitFor();
    await popup.close();

    // Garbage from "another browser" is refused, and changes nothing.
    await page.evaluate(() => chrome.storage.sync.set({ 'l:evil': { f: { url: ['javascript:alert(1)', 'x'] } } }));
    await page.waitForTimeout(2500);
    const links = await sendCommand<{ url: string }[]>(page, 'listLinks', {});
    expect(links.ok && links.value.map((l) => l.url)).not.toContain('javascript:alert(1)');

    await box.uncheck();
    await sendCommand(page, 'updateLink', { id: saved.value.id, label: 'Renamed offline' });
    await page.waitForTimeout(2500);
    expect((await syncItems())[`l:${saved.value.id}`]?.f.label?.[0]).toBe('Main');
    const after = await sendCommand<{ label: string }[]>(page, 'listLinks', {});
    expect(after.ok && after.value.map((l) => l.label).sort()).toEqual(['From my phone', 'Renamed offline']);
  });
});
