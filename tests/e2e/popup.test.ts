import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_PASTES } from '../corpus/realPastes';
import { type LaunchedExtension, launchExtension, openExtensionPage, readTable, sendCommand } from './harness';
import { decodeQr, saveScreenshot, seriousAxeViolations } from './pageTools';

/** The AliExpress app's own invite link, 505 characters, with an opaque invitation token (tests/corpus/realPastes.ts). */
const ALI_LINK = REAL_PASTES.find((p) => p.seenAs === 'invite' && p.input.length > 500)?.input ?? '';

let ext: LaunchedExtension;

beforeAll(async () => {
  // The test build is the production code plus clipboardRead, so the test can read back what "Copy link" wrote.
  ext = await launchExtension({ build: 'test' });
});
afterAll(async () => ext?.close());

async function popup(): Promise<Page> {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await page.setViewportSize({ width: 400, height: 640 });
  return page;
}

describe('popup in real Chromium', () => {
  it('refuses a javascript: link with an alert and stores nothing', async () => {
    const page = await popup();
    await page.getByRole('textbox', { name: 'Referral link' }).fill('javascript:alert(document.cookie)');
    await page.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/javascript/i);
    const links = await sendCommand<unknown[]>(page, 'listLinks', {});
    expect(links).toEqual({ ok: true, value: [] });
    await page.close();
  });

  it('saves a real AliExpress link; the QR on screen decodes to exactly that link; Copy link copies it', async () => {
    const page = await popup();
    await page.getByRole('textbox', { name: 'Referral link' }).fill(ALI_LINK);
    await page.getByRole('button', { name: 'Save link' }).click();
    const qr = page.getByRole('img', { name: 'QR code for AliExpress referral link' });
    await qr.waitFor();
    await expect.poll(() => decodeQr(qr), { timeout: 10_000 }).toBe(ALI_LINK);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(ALI_LINK);

    const links = await sendCommand<{ url: string; code?: string }[]>(page, 'listLinks', {});
    // No IN code in this link (an opaque token): none is shown or stored.
    expect(links.ok && links.value.map((l) => [l.url, l.code])).toEqual([[ALI_LINK, undefined]]);
    expect(await page.getByText(/^Code:/).count()).toBe(0);
    await saveScreenshot(page, 'popup');
    await page.close();
  });

  it('offers the share channels, and sharing records an invite with its channel and nickname', async () => {
    const page = await popup();
    await page.getByRole('textbox', { name: 'Who is it for?' }).fill('Ana');
    // Under the share controls, what Ana must do for the coupons (lib/i18n/locales/en/steps.json).
    await page.getByRole('heading', { name: 'How Ana gets the coupons' }).waitFor();
    const steps = await page
      .getByRole('list', { name: 'How Ana gets the coupons' })
      .getByRole('listitem')
      .allTextContents();
    expect(steps).toHaveLength(4);
    expect(steps[1]).toBe('Register through this link, not on AliExpress directly.');
    await page.getByRole('button', { name: 'Copy share text' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(
        `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${ALI_LINK}\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
      );
    await page.getByRole('button', { name: 'Share…' }).click();
    // Headless Chromium has no Web Share target, so the channel menu appears. There is no network here: the
    // request the new tab makes shows which address it was opened with.
    const request = ext.context.waitForEvent('request', (r) =>
      /^https:\/\/(wa\.me|api\.whatsapp\.com)\//.test(r.url()),
    );
    await page.getByRole('menuitem', { name: 'WhatsApp' }).click();
    const whatsapp = decodeURIComponent((await request).url());
    expect(whatsapp).toContain('https://star.aliexpress.com/share/share.htm');
    expect(whatsapp).toContain('\n4. Pay for your first order and keep it: cancelled or refunded, it does not count.');
    await expect.poll(() => page.getByText(/Ana/).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('sharing to the same friend again sends a reminder: one invite, the reminder in its history', async () => {
    const page = await popup();
    const whatsappOpened = () =>
      ext.context.waitForEvent('request', (r) => /^https:\/\/(wa\.me|api\.whatsapp\.com)\//.test(r.url()));
    const shareOnWhatsApp = async () => {
      await page.getByRole('button', { name: 'Share…' }).click();
      const request = whatsappOpened();
      await page.getByRole('menuitem', { name: 'WhatsApp' }).click();
      return decodeURIComponent((await request).url());
    };
    const nickname = page.getByRole('textbox', { name: 'Who is it for?' });
    await nickname.fill('Bea');
    await shareOnWhatsApp();
    await page.getByRole('status').getByText('Invite recorded (WhatsApp).').waitFor();

    // Typed again (other case): her open invite is found, and "Send a reminder" is chosen.
    await nickname.fill('bea');
    const choice = page.getByRole('group', { name: 'Bea already has an open AliExpress invite: not registered yet.' });
    await choice.waitFor();
    expect(await choice.getByRole('button', { name: 'Send a reminder' }).getAttribute('aria-pressed')).toBe('true');
    const sent = await shareOnWhatsApp();
    expect(sent).toContain('open my link and sign up through it');
    expect(sent).toContain('https://star.aliexpress.com/share/share.htm');
    await page.getByRole('status').getByText('Reminder recorded (WhatsApp).').waitFor();

    const bea = (
      await readTable<{ id: string; nickname?: string; reminders?: { channel: string }[] }>(page, 'invites')
    ).filter((i) => i.nickname === 'Bea');
    expect(bea).toHaveLength(1);
    expect(bea[0]?.reminders?.map((r) => r.channel)).toEqual(['whatsapp']);
    await page.close();

    // A follow-up notification about Bea opens this address (lib/platform/notifications.ts): the same flow.
    const remind = await openExtensionPage(
      ext.context,
      ext.extensionId,
      `popup.html?remind=${encodeURIComponent(bea[0]?.id ?? '')}`,
    );
    expect(await remind.getByRole('textbox', { name: 'Who is it for?' }).inputValue()).toBe('Bea');
    const again = remind.getByRole('group', { name: /^Bea already has an open AliExpress invite/ });
    await again.waitFor();
    expect(await again.getByRole('button', { name: 'Send a reminder' }).getAttribute('aria-pressed')).toBe('true');
    await remind.close();

    const dashboard = await openExtensionPage(ext.context, ext.extensionId, 'options.html#invites');
    await dashboard.getByText(/^Reminder sent via WhatsApp, /).waitFor();
    await dashboard.close();
  });

  it('has no serious or critical axe-core violations', async () => {
    const page = await popup();
    await page.getByRole('img', { name: 'QR code for AliExpress referral link' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
