import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';

const ALI_SHORT = 'https://a.aliexpress.com/_mKXyZab';
const TEMU = 'https://www.temu.com/s/AbC123xyz';
/** A link saved after the wipe: this device's own, which no import may touch. */
const OWN = 'https://www.temu.com/s/OwnLink99';
const PASS = 'correct horse battery staple';

let ext: LaunchedExtension;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
  page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  const ali = await sendCommand<{ id: string }>(page, 'saveLink', { input: ALI_SHORT, label: 'Main' });
  const temu = await sendCommand<{ id: string }>(page, 'saveLink', { input: TEMU });
  if (!ali.ok || !temu.ok) throw new Error('seeding links failed');
  for (const [linkId, nickname] of [
    [ali.value.id, 'Ana'],
    [temu.value.id, 'كريم'],
  ] as const) {
    const r = await sendCommand(page, 'recordShare', { linkId, channel: 'whatsapp', nickname });
    if (!r.ok) throw new Error('seeding invites failed');
  }
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.getByRole('tab', { name: 'Settings' }).click();
});
afterAll(async () => ext?.close());

/** Clicks "Export backup" and returns the downloaded file's name and text. */
async function exportFile(): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Export backup' }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

/** Chooses a file for "Import backup". */
async function chooseFile(text: string, name = 'refshare-backup.encrypted.json') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The links and Ana's invite, as the background reports them, to prove "nothing changed". */
const state = async () => ({
  links: await sendCommand(page, 'listLinks', {}),
  ana: await sendCommand(page, 'openInvite', { programId: 'aliexpress', nickname: 'Ana' }),
});

describe('encrypted backups in real Chromium', () => {
  it('export with a passphrase → delete all → wrong passphrase, cut and flipped files refused with nothing changed → right passphrase restores everything', async () => {
    // The plain export says what it holds, and is the reference.
    await page.getByText(/Without a passphrase the file is not encrypted/).waitFor();
    const plain = await exportFile();
    expect(plain.name).toMatch(/^refshare-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(plain.text).toContain('Ana');

    await page.getByLabel('Backup passphrase').fill(PASS);
    await page.getByLabel('Type it again').fill(PASS);
    const encrypted = await exportFile();
    expect(encrypted.name).toMatch(/^refshare-backup-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
    await page.getByText(/encrypted with your passphrase\.$/).waitFor();
    for (const secret of ['Ana', 'كريم', '\\u0643', 'aliexpress', '_mKXyZab', 'AbC123xyz']) {
      expect(encrypted.text).not.toContain(secret);
    }
    const header = JSON.parse(encrypted.text);
    expect(header).toMatchObject({ format: 'refshare-encrypted-backup', version: 1, kdf: { iterations: 600_000 } });

    await page.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('All data was deleted').waitFor();
    // Something of this device's own, which a refused import must leave alone.
    await sendCommand(page, 'saveLink', { input: OWN, label: 'After the wipe' });
    const before = await state();

    await chooseFile(encrypted.text);
    await page.getByRole('heading', { name: 'This backup is encrypted' }).waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill('Tr0ub4dor&3');
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('alert').filter({ hasText: 'This passphrase does not open the backup' }).waitFor();
    expect(await state()).toEqual(before);
    await page.getByRole('button', { name: 'Cancel' }).click();

    const bytes = Buffer.from(header.data, 'base64');
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x10;
    await chooseFile(JSON.stringify({ ...header, data: bytes.toString('base64') }));
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'the file is damaged or was changed after it was exported' })
      .waitFor();
    expect(await state()).toEqual(before);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await chooseFile(encrypted.text.slice(0, -20));
    await page.getByRole('alert').filter({ hasText: 'cut short' }).waitFor();
    expect(await page.getByLabel('Passphrase', { exact: true }).count()).toBe(0);
    expect(await state()).toEqual(before);

    await chooseFile(encrypted.text);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Open backup' }).press('Enter');
    const preview = page.getByRole('group', { name: 'Import this backup?' });
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Backup imported\./).waitFor();

    // Everything the plain export held is back, byte for byte, next to this device's own link.
    await page.getByLabel('Backup passphrase').fill('');
    await page.getByLabel('Type it again').fill('');
    const after = JSON.parse((await exportFile()).text);
    const reference = JSON.parse(plain.text);
    expect(after.data.invites).toEqual(reference.data.invites);
    const urls = (links: { url: string }[]) => links.map((l) => l.url).sort();
    expect(urls(after.data.links)).toEqual(urls([...reference.data.links, { url: OWN }]));
  });
});
