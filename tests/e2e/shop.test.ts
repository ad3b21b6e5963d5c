import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_ATTR } from '@/lib/launcher/launcherView';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension, openExtensionPage, sendCommand } from './harness';
import { decodeQr, readEverythingAPageCan, saveScreenshot } from './pageTools';
import {
  boxOf,
  clickAccessible,
  computedStyle,
  extensionFrame,
  findAccessible,
  focusAccessible,
  theAccessible,
} from './shadowTools';

/** The slice of the extension API evaluated in the worker and in extension pages. */
declare const chrome: {
  runtime: { reload(): void };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

const require = createRequire(import.meta.url);
const ALI_LINK = 'https://a.aliexpress.com/_mKXyZab';
const TEMU_LINK = 'https://www.temu.com/s/AbC123xyz';
const ALI_NAME = 'Share your AliExpress referral link';
const TEMU_NAME = 'Share your Temu referral link';
const ALI_PAGE = '/item/1005006.html';
const prodManifest = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../.output/chrome-mv3/manifest.json',
);

let server: FixtureServer;
let ext: LaunchedExtension;
/** Uncaught errors of the shop pages' scripts: the launcher must never add any. */
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ args: server.args });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens a fixture page and waits until the launcher has had time to ask the background and draw. */
async function shopPage(host: string, pathname: string): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.goto(server.url(host, pathname));
  return page;
}

const launchers = (page: Page, name: string) => findAccessible(page, 'button', name);
/** Our host elements in the page's DOM (what a newly injected script must not duplicate). */
const hosts = (page: Page) => page.evaluate((attr) => document.querySelectorAll(`[${attr}]`).length, HOST_ATTR);
/** Waits long enough for a launcher that was going to appear to have appeared (the worker may be waking up). */
const settle = (page: Page) => page.waitForTimeout(1500);

async function openPanel(page: Page, name = ALI_NAME) {
  await expect.poll(() => extensionFrame(page)).toBeUndefined();
  await clickAccessible(page, await theAccessible(page, 'button', name));
  await expect.poll(() => extensionFrame(page)?.url() ?? '').toMatch(/\/panel\.html\?program=/);
  const frame = extensionFrame(page);
  if (!frame) throw new Error('no panel frame');
  await frame.getByRole('heading').first().waitFor();
  return frame;
}

/**
 * Presses Escape in the open panel, as a person does, and waits until the panel has closed and focus is back in the
 * page. Not `page.keyboard.press('Escape')`: DevTools waits for the frame that has focus to acknowledge each key
 * event, and this key removes that frame (the panel asks to be closed from its keydown handler). When the frame is
 * gone before its acknowledgement reaches the browser, none ever comes and `press` hangs until the test times out
 * (measured: about 1 Escape in 10 for the key-up, about 1 in 50 for the key-down under load; the page keeps taking
 * keys, a person notices nothing). So the key-down is not waited for, only its effect; the key-up goes to the page.
 */
async function closeWithEscape(page: Page) {
  const down = page.keyboard.down('Escape');
  // Rejected at the latest when the page closes, if the acknowledgement never came.
  down.catch(() => undefined);
  await expect.poll(() => extensionFrame(page)).toBeUndefined();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
  await page.keyboard.up('Escape');
}

describe('shop-page launcher and share panel (production build, real Chromium)', () => {
  it('declares panel.html web accessible with a per-session URL, so pages cannot probe or frame it', () => {
    const manifest = JSON.parse(readFileSync(prodManifest, 'utf8')) as {
      web_accessible_resources?: { resources: string[]; use_dynamic_url?: boolean }[];
    };
    const entry = manifest.web_accessible_resources?.find((w) => w.resources.includes('panel.html'));
    expect(entry, 'wxt.config.ts must list panel.html in web_accessible_resources').toBeDefined();
    expect(entry?.use_dynamic_url).toBe(true);
  });

  it('adds nothing to a program’s page while no link is saved (fresh profile), nor to an unrelated site', async () => {
    const ali = await shopPage('www.aliexpress.com', ALI_PAGE);
    const other = await shopPage('shop.example.org', '/index.html');
    await settle(ali);
    expect(await launchers(ali, ALI_NAME)).toHaveLength(0);
    expect(await hosts(ali)).toBe(0);
    expect(await hosts(other)).toBe(0);
    expect((await findAccessible(other, 'button', ALI_NAME)).length).toBe(0);
    await ali.close();
    await other.close();
  });

  it('after a link is saved, shows one button named for the program on AliExpress and Temu product pages', async () => {
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    expect((await sendCommand(popup, 'saveLink', { input: ALI_LINK })).ok).toBe(true);
    expect((await sendCommand(popup, 'saveLink', { input: TEMU_LINK })).ok).toBe(true);
    await popup.close();

    const ali = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(ali, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    expect(await hosts(ali)).toBe(1);
    const temu = await shopPage('www.temu.com', '/goods.html');
    await expect.poll(async () => (await launchers(temu, TEMU_NAME)).length, { timeout: 10_000 }).toBe(1);
    // Still nothing on a site of no program.
    const other = await shopPage('shop.example.org', '/index.html');
    await settle(other);
    expect(await hosts(other)).toBe(0);
    for (const p of [ali, temu, other]) await p.close();
  });

  it('opens the panel on click, focus moves into it, its QR decodes to the link; Escape closes it and focus returns', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    const frame = await openPanel(page);
    // An iframe in a shadow tree is not one of the window's frames: the page cannot even get the panel's window.
    expect(await page.evaluate(() => window.frames.length)).toBe(0);
    // The frame's accessible title, as a screen reader announces it.
    expect(await findAccessible(page, 'Iframe', 'RefShare share panel')).toHaveLength(1);
    await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.tagName)).toBe('MAIN');

    const qr = frame.getByRole('img', { name: 'QR code for AliExpress referral link' });
    await qr.waitFor();
    for (const name of ['Copy link', 'Copy share text', 'Share…']) {
      expect(await frame.getByRole('button', { name }).count()).toBe(1);
    }
    expect(await frame.getByRole('textbox', { name: 'Who is it for?' }).count()).toBe(1);
    await expect.poll(() => decodeQr(qr), { timeout: 10_000 }).toBe(ALI_LINK);
    await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const serious = await frame.evaluate(async () =>
      ((await window.axe?.run(document))?.violations ?? [])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    );
    expect(serious).toEqual([]);
    await saveScreenshot(page, 'shop-panel');

    await closeWithEscape(page);
    await expect.poll(async () => (await theAccessible(page, 'button', ALI_NAME)).focused).toBe(true);

    // A press outside closes it too.
    await openPanel(page);
    await page.getByRole('heading', { name: /Wireless earbuds/ }).click();
    await expect.poll(() => extensionFrame(page)).toBeUndefined();

    // And the keyboard alone opens it: focus the button, press Enter.
    await focusAccessible(page, await theAccessible(page, 'button', ALI_NAME));
    await page.keyboard.press('Enter');
    await expect.poll(() => extensionFrame(page)?.url() ?? '').toMatch(/panel\.html\?program=aliexpress$/);
    await page.close();
  });

  it('records an invite shared from the panel, with its nickname', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    const frame = await openPanel(page);
    await frame.getByRole('textbox', { name: 'Who is it for?' }).fill('Bea');
    await frame.getByRole('button', { name: 'Share…' }).click();
    await frame.getByRole('menuitem', { name: 'WhatsApp' }).click();
    // The answer goes through the background (which then runs its background loop): allow for a busy machine.
    await expect
      .poll(() => frame.getByRole('status').allInnerTexts(), { timeout: 5_000 })
      .toContainEqual('Invite recorded (WhatsApp).');
    await page.close();
  });

  it('never changes the page’s links, URL or cookies, and a page script cannot read the link anywhere it can reach', async () => {
    const page = await ext.context.newPage();
    // Recorded by the page itself at DOMContentLoaded, before any document_idle content script runs.
    await page.addInitScript(() => {
      // biome-ignore lint/suspicious/noDocumentCookie: this is the shop page's own script setting its cookie.
      document.cookie = 'session=abc123; path=/';
      document.addEventListener('DOMContentLoaded', () => {
        const w = window as unknown as { before: unknown };
        w.before = {
          links: [...document.links].map((a) => a.href),
          cookie: document.cookie,
          url: location.href,
          html: document.documentElement.outerHTML,
        };
      });
    });
    await page.goto(server.url('www.aliexpress.com', ALI_PAGE));
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    const frame = await openPanel(page);
    await frame.getByRole('img', { name: 'QR code for AliExpress referral link' }).waitFor();

    const seen = await page.evaluate(readEverythingAPageCan);
    expect(seen).not.toContain(ALI_LINK);
    expect(seen).not.toContain('_mKXyZab');
    expect(seen).not.toContain('panel.html');
    // Our host is there (with nothing readable in it), and the frame's address cannot be read either.
    expect(
      await page.evaluate((attr) => document.querySelector(`[${attr}]`)?.shadowRoot ?? null, HOST_ATTR),
    ).toBeNull();

    const after = await page.evaluate((attr) => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      for (const host of clone.querySelectorAll(`[${attr}]`)) host.remove();
      return {
        links: [...document.links].map((a) => a.href),
        cookie: document.cookie,
        url: location.href,
        html: clone.outerHTML,
      };
    }, HOST_ATTR);
    expect(after).toEqual(await page.evaluate(() => (window as unknown as { before: unknown }).before));
    await page.close();
  });

  it('ignores forged messages from the page: window.postMessage neither opens nor closes the panel', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    await page.evaluate(() => {
      for (const event of ['openPanel', 'copyLink']) window.postMessage({ channel: 'refshare/v1', event }, '*');
    });
    await page.waitForTimeout(500);
    expect(extensionFrame(page)).toBeUndefined();

    await openPanel(page);
    await page.evaluate(() => {
      window.postMessage({ channel: 'refshare/v1', event: 'close' }, '*');
      window.postMessage({ channel: 'refshare/v1', event: 'resize', height: 1 }, '*');
    });
    await page.waitForTimeout(500);
    expect(extensionFrame(page)).toBeDefined();
    // A page framing the panel at its well-known address gets Chromium's error page, not the panel (use_dynamic_url).
    await page.evaluate(
      (src) =>
        new Promise((resolve) => {
          const f = document.createElement('iframe');
          f.src = src;
          f.onload = resolve;
          document.body.append(f);
        }),
      `chrome-extension://${ext.extensionId}/panel.html?program=aliexpress&action=copy`,
    );
    expect(page.frames().filter((f) => f.url().startsWith('chrome-extension://'))).toHaveLength(1);
    await page.close();
  });

  it('the copy-link shortcut opens the panel, which copies the link and says "Copied"', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    await page.bringToFront();
    // What the background does for the "copy-link" command (lib/platform/shopActions.ts): tell the active tab.
    await ext.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { channel: 'refshare/v1', event: 'copyLink' });
    });
    await expect.poll(() => extensionFrame(page)?.url() ?? '').toMatch(/action=copy$/);
    const frame = extensionFrame(page);
    await expect.poll(() => frame?.getByRole('status').first().textContent()).toBe('Copied');
    // Read back on a page of a secure origin (localhost; the shop fixture is plain http, where reading is refused).
    const reader = await ext.context.newPage();
    const localhost = `http://localhost:${server.port}`;
    await reader.goto(`${localhost}/`);
    await ext.context.grantPermissions(['clipboard-read'], { origin: localhost });
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(ALI_LINK);
    await reader.close();
    await page.close();
  });

  it('works under a strict Content-Security-Policy (styles and all)', async () => {
    const page = await ext.context.newPage();
    const url = server.url('www.aliexpress.com', '/item/strict.html');
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': "default-src 'none'; style-src 'self'; frame-src 'self'" },
        body: '<!doctype html><title>Strict</title><h1>Strict page</h1>',
      }),
    );
    await page.goto(url);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    const button = await theAccessible(page, 'button', ALI_NAME);
    // Styled: 44 px round, in the bottom-right corner with its offset.
    const box = await boxOf(page, button);
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([44, 44]);
    expect(box.x + box.width).toBeGreaterThan(1024 - 80);
    expect(box.y + box.height).toBeGreaterThan(720 - 80);
    const frame = await openPanel(page);
    await frame.getByRole('img', { name: 'QR code for AliExpress referral link' }).waitFor();
    await page.close();
  });

  it('keeps exactly one launcher through single-page navigation, and asks again after it', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    // The shop's own router, as single-page shops have: a click on a link loads the next product's data, then
    // changes the address (a route, then its query) without loading a page.
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '/item/1005007.html', textContent: 'Next item' });
      let n = 1005007;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        n += 1;
        setTimeout(() => {
          history.pushState({}, '', `/item/${n}.html`);
          history.pushState({}, '', `/item/${n}.html?sku=2`);
        }, 300);
      });
      document.querySelector('main')?.append(link);
    });
    const next = page.getByRole('link', { name: 'Next item' });
    await next.click();
    await expect.poll(() => page.url()).toContain('/item/1005008.html?sku=2');
    await page.goBack();
    await settle(page);
    expect(await launchers(page, ALI_NAME)).toHaveLength(1);
    expect(await hosts(page)).toBe(1);

    // Muted from elsewhere meanwhile: the next in-page navigation asks again and the button goes.
    const options = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await options.evaluate(async () => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), mutedSites: ['www.aliexpress.com'] } });
    });
    await next.click();
    await expect.poll(() => hosts(page), { timeout: 5_000 }).toBe(0);
    expect(page.url()).toContain('/item/1005009.html?sku=2');
    await options.evaluate(async () => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), mutedSites: [] } });
    });
    await options.close();
    await page.close();
  });

  it('moves to another corner by drag or arrow keys, remembers it on that site, and folds to a small tab', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    const start = await boxOf(page, await theAccessible(page, 'button', ALI_NAME));
    await page.mouse.move(start.x + 22, start.y + 22);
    await page.mouse.down();
    await page.mouse.move(300, 300, { steps: 5 });
    await page.mouse.move(60, 60, { steps: 5 });
    await page.mouse.up();
    // Dropped near the top-left: it goes there, and the drop did not open the panel.
    await expect
      .poll(async () => (await boxOf(page, await theAccessible(page, 'button', ALI_NAME))).x)
      .toBeLessThan(40);
    expect((await boxOf(page, await theAccessible(page, 'button', ALI_NAME))).y).toBeLessThan(40);
    expect(extensionFrame(page)).toBeUndefined();

    await page.reload();
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    const remembered = await boxOf(page, await theAccessible(page, 'button', ALI_NAME));
    expect([remembered.x < 40, remembered.y < 40]).toEqual([true, true]);

    // The keyboard does the same: → then ↓ back to bottom-right.
    await focusAccessible(page, await theAccessible(page, 'button', ALI_NAME));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const back = await boxOf(page, await theAccessible(page, 'button', ALI_NAME));
    expect([back.x > 900, back.y > 600]).toEqual([true, true]);

    // Folded, it is a 16 px tab at the edge that brings the button back.
    await clickAccessible(page, await theAccessible(page, 'button', 'RefShare options'));
    await clickAccessible(page, await theAccessible(page, 'button', 'Hide to a small tab'));
    expect(await launchers(page, ALI_NAME)).toHaveLength(0);
    const tab = await boxOf(page, await theAccessible(page, 'button', 'Show the RefShare button'));
    expect([Math.round(tab.width), Math.round(tab.x + tab.width)]).toEqual([16, 1024]);
    await clickAccessible(page, await theAccessible(page, 'button', 'Show the RefShare button'));
    expect(await launchers(page, ALI_NAME)).toHaveLength(1);
    await page.close();
  });

  it('animates the panel only when the user allows motion', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    const frame = await openPanel(page);
    const panel = await theAccessible(page, 'Iframe', 'RefShare share panel');
    expect(await computedStyle(page, panel, 'animation-name')).toBe('rs-in');
    await expect.poll(() => frame.evaluate(() => document.hasFocus())).toBe(true);
    await closeWithEscape(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPanel(page);
    expect(
      await computedStyle(page, await theAccessible(page, 'Iframe', 'RefShare share panel'), 'animation-name'),
    ).toBe('none');
    await page.close();
  });

  it('opens with its content and closes on Escape every time, ten times in a row, focus going back and forth', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    for (let i = 0; i < 10; i++) {
      const frame = await openPanel(page);
      await expect
        .poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.tagName))
        .toBe('MAIN');
      await closeWithEscape(page);
      await expect.poll(async () => (await theAccessible(page, 'button', ALI_NAME)).focused).toBe(true);
    }
    await page.close();
  });

  it('"Don’t show on this site" hides it there, also after a reload, and Settings lists the site', async () => {
    const page = await shopPage('www.temu.com', '/goods.html');
    await expect.poll(async () => (await launchers(page, TEMU_NAME)).length, { timeout: 10_000 }).toBe(1);
    await clickAccessible(page, await theAccessible(page, 'button', 'RefShare options'));
    await clickAccessible(page, await theAccessible(page, 'button', "Don't show on this site"));
    await expect.poll(() => hosts(page)).toBe(0);
    await page.reload();
    await settle(page);
    expect(await hosts(page)).toBe(0);
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    const { settings } = await popup.evaluate(() => chrome.storage.local.get('settings'));
    expect((settings as { mutedSites: string[] }).mutedSites).toContain('www.temu.com');
    await popup.close();
    // Still shown on AliExpress.
    const ali = await shopPage('www.aliexpress.com', ALI_PAGE);
    await expect.poll(async () => (await launchers(ali, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    await page.close();
    await ali.close();
  });

  it('when the extension is reloaded or removed under the page, its launcher goes quietly at the first click', async () => {
    const page = await shopPage('www.aliexpress.com', ALI_PAGE);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text());
    });
    await expect.poll(async () => (await launchers(page, ALI_NAME)).length, { timeout: 10_000 }).toBe(1);
    // Headless Chromium does not bring back an extension loaded from the command line after runtime.reload(): for
    // the page that is the same as an update that has not landed yet, so the old launcher's context is dead.
    await ext.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1000);
    // A click anywhere on the page (here on the page's own heading, not on the launcher) notices the dead context.
    await page.getByRole('heading').first().click();
    await expect.poll(() => hosts(page)).toBe(0);
    expect(await launchers(page, ALI_NAME)).toHaveLength(0);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
