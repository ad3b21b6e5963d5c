import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';
import { saveScreenshot, seriousAxeViolations } from './pageTools';

const ALI_SHORT = 'https://a.aliexpress.com/_mKXyZab';
const TEMU = 'https://www.temu.com/s/AbC123xyz';
const TABS = ['Links', 'Invites', 'Coupons', 'Stats', 'Settings'] as const;

let ext: LaunchedExtension;

/** Seeds data the way the UI does: commands to the background, from an extension page. */
async function seed(page: Page) {
  const ali = await sendCommand<{ id: string }>(page, 'saveLink', { input: ALI_SHORT, label: 'Main' });
  const temu = await sendCommand<{ id: string }>(page, 'saveLink', { input: TEMU });
  if (!ali.ok || !temu.ok) throw new Error('seeding links failed');
  const invites: { id: string }[] = [];
  for (const [linkId, channel, nickname] of [
    [ali.value.id, 'whatsapp', 'Ana'],
    [ali.value.id, 'sms', 'Bruno'],
    [temu.value.id, 'email', 'كريم'],
  ] as const) {
    const r = await sendCommand<{ id: string }>(page, 'recordShare', { linkId, channel, nickname });
    if (!r.ok) throw new Error('seeding invites failed');
    invites.push(r.value);
  }
  await sendCommand(page, 'setInviteStatus', { inviteId: invites[1]?.id, status: 'first_purchase' });
  await sendCommand(page, 'addCoupons', {
    programId: 'aliexpress',
    inviteId: invites[1]?.id,
    coupons: [
      { title: 'US $3 off US $20', value: 3, currency: 'USD', minSpend: 20, expiresAt: Date.now() + 2 * 86_400_000 },
    ],
  });
}

beforeAll(async () => {
  ext = await launchExtension();
  const page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  await seed(page);
  await page.close();
});
afterAll(async () => ext?.close());

async function dashboard(tab: (typeof TABS)[number]): Promise<Page> {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.getByRole('tab', { name: tab }).click();
  return page;
}

describe('dashboard in real Chromium', () => {
  it('a status changed in the dashboard shows up in an open popup without reload', async () => {
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.getByText('Waiting for Ana to register through your link').waitFor();

    const page = await dashboard('Invites');
    const row = page.getByRole('row', { name: /Ana/ });
    await row.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Registered' });
    await expect.poll(() => row.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('registered');

    // The popup was not reloaded: its "why pending?" line for Ana changes by itself.
    await popup.getByText(/^Registered .*; waiting for Ana's first payment/).waitFor({ timeout: 10_000 });
    expect(await popup.getByText('Waiting for Ana to register through your link').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('export → delete all → import gives back identical data', async () => {
    const page = await dashboard('Settings');
    const exportOnce = async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export backup' }).click();
      const file = await (await download).path();
      return JSON.parse(await readFile(file, 'utf8')) as { data: Record<string, unknown[]>; counts: unknown };
    };
    const first = await exportOnce();
    expect(first.data.links).toHaveLength(2);
    expect(first.data.invites).toHaveLength(3);

    await page.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('All data was deleted').waitFor();
    expect(await sendCommand(page, 'listLinks', {})).toEqual({ ok: true, value: [] });

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import backup' }).click();
    await (await chooser).setFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(first)),
    });
    const preview = page.getByRole('group', { name: 'Import this backup?' });
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Backup imported\./).waitFor();

    const second = await exportOnce();
    expect(second.data).toEqual(first.data);
    await page.close();
  });

  it.each(TABS)('the %s tab has no serious or critical axe-core violations (and is screenshotted)', async (tab) => {
    const page = await dashboard(tab);
    await page.getByRole('tabpanel').waitFor();
    await page.waitForTimeout(300);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, `dashboard-${tab.toLowerCase()}`);
    await page.close();
  });
});
