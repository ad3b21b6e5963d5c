import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_PASTES } from '../corpus/realPastes';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';

/** A real copied message (tests/corpus/realPastes.ts): the first whose input contains `phrase`. */
function real(phrase: string): { text: string; links: string[] } {
  const paste = REAL_PASTES.find((p) => p.input.includes(phrase));
  if (!paste) throw new Error(`No real paste contains "${phrase}"`);
  return { text: paste.input, links: paste.links ?? [] };
}

/** Temu's credit invite as copied, emoji and a line break included (TemuLinkHack/TemuHack issue 8). */
const CREDIT_INVITE = real('Get credit up to $20.00 today!');
/** AliExpress's product share text (a public README): not an invite. */
const PRODUCT_SHARE = real('I just found this on AliExpress: THB229.89');
/** Constructed: two real invite links of two programs in one text, each on its own line. */
const TWO_LINKS = {
  text: `Temu: ${real('https://temu.com/u/peJEflcbNc1LxpFX').links[0]}\nAliExpress: ${real('_mKjL9Cq').links[0]}`,
  links: [real('https://temu.com/u/peJEflcbNc1LxpFX').links[0] ?? '', real('_mKjL9Cq').links[0] ?? ''],
};

/**
 * Pasting what the programs' apps copy, as a person does: the message goes on the clipboard, Ctrl+V into the
 * "Referral link" field, "Save link". The test build may read the clipboard; the paste itself is the browser's.
 */
let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchExtension({ build: 'test' });
});
afterAll(async () => ext?.close());

async function open(page: 'popup.html' | 'options.html'): Promise<Page> {
  const tab = await openExtensionPage(ext.context, ext.extensionId, page);
  await tab.setViewportSize({ width: page === 'popup.html' ? 400 : 1000, height: 720 });
  return tab;
}

/** Puts `text` on the clipboard and pastes it into the field, keys and all. */
async function paste(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const field = page.getByRole('textbox', { name });
  await field.click();
  await page.keyboard.press('Control+V');
  await expect.poll(() => field.inputValue()).toBe(text);
}

async function links(page: Page): Promise<string[]> {
  const reply = await sendCommand<{ url: string }[]>(page, 'listLinks', {});
  return reply.ok ? reply.value.map((l) => l.url) : [];
}

async function deleteAll(page: Page): Promise<void> {
  const reply = await sendCommand<{ id: string }[]>(page, 'listLinks', {});
  for (const link of reply.ok ? reply.value : []) await sendCommand(page, 'deleteLink', { id: link.id });
}

describe('pasting a whole copied message', () => {
  it('popup: finds the invite link in a multi-line message with emoji, saves exactly it, and says so', async () => {
    const page = await open('popup.html');
    await deleteAll(page);
    await paste(page, 'Referral link', CREDIT_INVITE.text);
    await page.getByRole('button', { name: 'Save link' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Found' }).textContent())
      .toBe('Found your Temu invite link in the pasted text.');
    expect(await links(page)).toEqual(CREDIT_INVITE.links);
    await page.close();
  });

  it('dashboard: two different invite links in the text → the user chooses one, and only it is saved', async () => {
    const page = await open('options.html');
    await deleteAll(page);
    await page.getByRole('tab', { name: 'Links' }).click();
    await paste(page, 'Referral link', TWO_LINKS.text);
    await page.getByRole('button', { name: 'Save link' }).click();
    const group = page.getByRole('group', { name: /holds 2 different invite links/ });
    await group.waitFor();
    expect(await group.getByRole('radio').count()).toBe(2);
    await group.getByRole('radio', { name: TWO_LINKS.links[1] ?? '' }).check();
    await page.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => links(page)).toEqual([TWO_LINKS.links[1] ?? '']);
    await page.close();
  });

  it('refuses a message with only a product link, naming it, in the language chosen in Settings; nothing stored', async () => {
    const dashboard = await open('options.html');
    await deleteAll(dashboard);
    await dashboard.getByRole('tab', { name: 'Settings' }).click();
    await dashboard.getByRole('combobox', { name: 'Display language' }).selectOption('es');
    const popup = await open('popup.html');
    await paste(popup, 'Enlace de referido', PRODUCT_SHARE.text);
    await popup.getByRole('button', { name: 'Guardar enlace' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/enlace de producto de AliExpress/);
    expect(await links(popup)).toEqual([]);
    await dashboard.getByRole('combobox', { name: 'Idioma de la interfaz' }).selectOption('en');
    await popup.close();
    await dashboard.close();
  });
});
