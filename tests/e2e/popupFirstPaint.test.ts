import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';

const ALI = 'https://a.aliexpress.com/_mKXyZab';
// Invented: a second short invite link of the same shape as ALI (only its code differs).
const ALI_OTHER = 'https://a.aliexpress.com/_oNewLnk';
const QR = 'QR code for AliExpress referral link';

/** Every QR image the popup ever shows, in order: when, where, what it encodes (its src), and whether the shell drew it. */
interface Seen {
  at: number;
  shell: boolean;
  src: string;
  box: { x: number; y: number; width: number; height: number };
}

let ext: LaunchedExtension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

/**
 * Opens the popup with a recorder installed before its scripts run: each QR image that becomes visible is noted
 * once, with its box, so the test sees the shell's code, then the app's, and where each was drawn.
 */
async function openPopup(): Promise<{ page: Page; seen: () => Promise<Seen[]> }> {
  const page = await ext.context.newPage();
  await page.addInitScript((alt) => {
    const seen: Seen[] = [];
    (window as unknown as { qrSeen: Seen[] }).qrSeen = seen;
    const noted = new WeakSet<Element>();
    const look = () => {
      for (const img of document.querySelectorAll<HTMLImageElement>(`img[alt="${alt}"]`)) {
        if (noted.has(img) || !img.complete || img.closest('[hidden]')) continue;
        noted.add(img);
        const r = img.getBoundingClientRect();
        seen.push({
          at: performance.now(),
          shell: !img.closest('#root > div'),
          src: img.src,
          box: { x: r.x, y: r.y, width: r.width, height: r.height },
        });
      }
      if (seen.length < 2) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, QR);
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  return { page, seen: () => page.evaluate(() => (window as unknown as { qrSeen: Seen[] }).qrSeen) };
}

describe('the popup’s QR code at first paint (real Chromium)', () => {
  it('the second opening paints the last card from the shell, at the place the app then draws it; a change of link never shows the old one', async () => {
    const first = await openPopup();
    await first.page.getByRole('textbox', { name: 'Referral link' }).fill(ALI);
    await first.page.getByRole('button', { name: 'Save link' }).click();
    await first.page.getByRole('img', { name: QR }).waitFor();
    await first.page.close();
    // A card kept while saving would be older than the link (the data changed after that popup noted its
    // version); the next opening keeps the card as it is now, once its code is drawn.
    const keeper = await openPopup();
    await keeper.page.getByRole('img', { name: QR }).waitFor();
    await expect
      .poll(() => keeper.page.evaluate(() => chrome.storage.local.get('popupCard')), { timeout: 5000 })
      .toHaveProperty('popupCard');
    expect((await keeper.seen())[0]?.shell).toBe(false);
    await keeper.page.close();

    const second = await openPopup();
    await second.page.getByRole('button', { name: 'Copy link' }).waitFor();
    await expect.poll(async () => (await second.seen()).length).toBe(2);
    const [shell, app] = (await second.seen()) as [Seen, Seen];
    expect(shell.shell).toBe(true);
    expect(app.shell).toBe(false);
    expect(shell.at).toBeLessThan(app.at);
    // The same code, in the same place: nothing moves when the app takes over.
    expect(shell.src).toBe(app.src);
    expect(shell.box).toEqual(app.box);
    await second.page.close();

    // A new primary link (from the dashboard): the kept card is older than the data, so the shell paints nothing
    // and the first code on screen is the new link's.
    const dashboard = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    const saved = await sendCommand<{ id: string }>(dashboard, 'saveLink', { input: ALI_OTHER });
    if (!saved.ok) throw new Error(saved.error.message);
    expect((await sendCommand(dashboard, 'setPrimaryLink', { id: saved.value.id })).ok).toBe(true);
    const third = await openPopup();
    await third.page.getByRole('button', { name: 'Copy link' }).waitFor();
    await expect.poll(async () => (await third.seen()).length).toBeGreaterThan(0);
    const firstSeen = (await third.seen())[0] as Seen;
    expect(firstSeen.shell).toBe(false);
    await third.page.close();

    // Every link deleted: nothing at all is painted from the card.
    const links = await sendCommand<{ id: string }[]>(dashboard, 'listLinks', {});
    for (const link of links.ok ? links.value : []) await sendCommand(dashboard, 'deleteLink', { id: link.id });
    const fourth = await openPopup();
    await fourth.page.getByRole('textbox', { name: 'Referral link' }).waitFor();
    await fourth.page.waitForTimeout(300);
    expect(await fourth.seen()).toEqual([]);
    await fourth.page.close();
    await dashboard.close();
  });
});

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
