/**
 * The Firefox side of the cross-browser scenarios: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core
 * (Playwright's Firefox is a patched build that cannot be downloaded here). The built package (.output/firefox-mv2,
 * or firefox-mv2-test) is installed as a temporary add-on; a fixed UUID (`extensions.webextensions.uuids`) gives
 * its pages a known moz-extension:// address.
 *
 * Firefox has no host-resolver switch, so a PAC script sends every request that is not to the loopback address to
 * a recording proxy (firefoxProxy.ts): the programs' fixture hosts are answered by the fixture server, as in
 * Chromium, and anything else is refused and recorded — a request to a place the test did not configure fails it.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Locator, type Page, type Frame as PFrame } from 'puppeteer-core';
import { expect } from 'vitest';
import { startFixtureServer } from '../../tools/fixtureServer.mjs';
import { CHANNEL, type Reply } from '../harness';
import type { Control, Frame, Launch, TestPage } from './driver';
import { startRecordingProxy } from './firefoxProxy';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'refshare@refshare.example';
/** Any fixed UUID: the extension's pages are then at moz-extension://<it>/. */
const UUID = '6f3c1d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f';
const ORIGIN = `moz-extension://${UUID}/`;

/** The browser's extension API in a page (Firefox: `browser`). */
declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** An XPath string literal for any text (XPath 1 has no escapes). */
const xpathLiteral = (text: string) =>
  !text.includes('"')
    ? `"${text}"`
    : !text.includes("'")
      ? `'${text}'`
      : `concat(${text
          .split('"')
          .map((part) => `"${part}"`)
          .join(`, '"', `)})`;

/** ARIA selector values are CSS strings: quotes and backslashes escaped. */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Where Firefox's accessibility tree names a role differently from ARIA's (and Playwright's) name for it. */
const FIREFOX_ROLE: Record<string, string> = { img: 'image' };

function control(page: Page, locator: () => Locator<Element>): Control {
  return {
    click: () => locator().click(),
    fill: (text) => locator().fill(text),
    waitFor: async (timeout) => {
      await locator()
        .setVisibility('visible')
        .setTimeout(timeout ?? 30_000)
        .wait();
    },
    text: async () => {
      const handle = await locator().waitHandle();
      return page.evaluate((el) => el.textContent ?? '', handle);
    },
    screenshot: async () => {
      const handle = await locator().waitHandle();
      return Buffer.from(await handle.screenshot());
    },
  };
}

/** Puppeteer's WebDriver BiDi connection, for the two commands it has no API for (below). */
interface Bidi {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface SerializedNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}

/**
 * A control inside a closed shadow root. Page scripts cannot reach into one, nor can Puppeteer's ARIA selectors
 * (Firefox's `locateNodes` walks element children only). WebDriver BiDi can: every element is serialized with its
 * shadow root, closed ones included (`includeShadowTree: 'all'`), and `locateNodes` by role and name searches from
 * that root. The control is clicked in the middle of its box, as a person would.
 */
function sealed(page: Page, bidi: Bidi, role: string, name: string): Control {
  const context = (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
  const locate = async (): Promise<string[]> => {
    const all = (await bidi.send('script.callFunction', {
      functionDeclaration: '() => [...document.querySelectorAll("*")]',
      awaitPromise: false,
      target: { context },
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      resultOwnership: 'none',
    })) as { result: { result: { value: SerializedNode[] } } };
    const roots = all.result.result.value.flatMap((n) => n.value?.shadowRoot?.sharedId ?? []);
    const found: string[] = [];
    for (const root of roots) {
      const located = (await bidi.send('browsingContext.locateNodes', {
        context,
        locator: { type: 'accessibility', value: { role, name } },
        startNodes: [{ sharedId: root }],
      })) as { result: { nodes: SerializedNode[] } };
      found.push(...located.result.nodes.flatMap((n) => n.sharedId ?? []));
    }
    return found;
  };
  const one = async () => {
    const found = await locate();
    if (found.length !== 1)
      throw new Error(`Expected one ${role} "${name}" in a closed shadow root, found ${found.length}`);
    return found[0] as string;
  };
  const unsupported = (what: string) => () =>
    Promise.reject(new Error(`${what} is not supported for a sealed control`));
  return {
    click: async () => {
      const box = (await bidi.send('script.callFunction', {
        functionDeclaration:
          'function () { this.scrollIntoView({ block: "center" }); const r = this.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }',
        this: { sharedId: await one() },
        awaitPromise: false,
        target: { context },
      })) as { result: { result: { value: { value: number }[] } } };
      const [x, y] = box.result.result.value.map((v) => v.value);
      await page.mouse.click(x ?? 0, y ?? 0);
    },
    fill: unsupported('fill'),
    waitFor: async (timeout) => {
      await expect.poll(async () => (await locate()).length, { timeout: timeout ?? 30_000 }).toBe(1);
    },
    text: async () => name,
    screenshot: unsupported('screenshot'),
  };
}

function frameOf(frame: PFrame, href: string): Frame {
  return {
    url: () => href,
    role: (role, name) =>
      control(frame.page(), () =>
        frame.locator(`::-p-aria([name=${cssString(name)}][role=${cssString(FIREFOX_ROLE[role] ?? role)}])`),
      ),
    // biome-ignore lint/suspicious/noExplicitAny: the page function's types are the scenario's; Puppeteer's differ.
    evaluate: (fn, arg) => frame.evaluate(fn as any, arg),
  };
}

function testPage(page: Page, downloads: string, bidi: Bidi): TestPage {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    role: (role, name) =>
      control(page, () =>
        page.locator(`::-p-aria([name=${cssString(name)}][role=${cssString(FIREFOX_ROLE[role] ?? role)}])`),
      ),
    // The innermost element whose text holds this (as Playwright's getByText).
    text: (text) =>
      control(page, () =>
        page.locator(
          `::-p-xpath(//*[contains(normalize-space(.), ${xpathLiteral(text)}) and not(*[contains(normalize-space(.), ${xpathLiteral(text)})])])`,
        ),
      ),
    sealedRole: (role, name) => sealed(page, bidi, role, name),
    // Puppeteer keeps an extension frame's first address (about:blank) over BiDi: the frame itself is asked.
    extensionFrame: async (pathname) => {
      let found: [PFrame, string] | undefined;
      await expect
        .poll(
          async () => {
            for (const f of page.frames()) {
              const href = await f.evaluate(() => location.href).catch(() => '');
              if (href.startsWith(`${ORIGIN}${pathname}`)) found = [f, href];
            }
            return found?.[1] ?? '';
          },
          { timeout: 10_000 },
        )
        .toContain(pathname);
      const [frame, href] = found as [PFrame, string];
      return frameOf(frame, href);
    },
    chooseFile: async (label, file) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'refshare-ff-upload-'));
      const filePath = path.join(dir, file.name);
      await writeFile(filePath, file.content);
      const input = await page
        .locator(`::-p-xpath(//input[@type="file"][@aria-label=${xpathLiteral(label)}])`)
        .waitHandle();
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(filePath);
    },
    download: async (trigger) => {
      const before = new Set(await readdir(downloads));
      await trigger.click();
      // Firefox writes <name>.part first, then renames it to the file.
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const fresh = (await readdir(downloads)).filter((f) => !before.has(f) && !f.endsWith('.part'));
        if (fresh[0]) {
          await new Promise((r) => setTimeout(r, 100));
          const file = path.join(downloads, fresh[0]);
          const text = await readFile(file, 'utf8');
          // Gone once read, so the next download of the same name keeps it (Firefox would add "(1)").
          await rm(file);
          return { name: fresh[0], text };
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('Firefox saved no download within 15 s');
    },
    // biome-ignore lint/suspicious/noExplicitAny: the page function's types are the scenario's; Puppeteer's differ.
    evaluate: (fn, arg) => page.evaluate(fn as any, arg),
    command: <T>(command: string, data: unknown) =>
      page.evaluate((message) => browser.runtime.sendMessage(message), {
        channel: CHANNEL,
        command,
        data,
      } as never) as Promise<Reply<T>>,
    errors: () => [...errors],
    close: () => page.close(),
  };
}

/**
 * Opens a page and waits for its document. Over BiDi a moz-extension:// navigation never reports that it ended
 * (measured with Firefox ESR 153: `goto` times out with the page drawn), so the navigation is not waited for:
 * the document is, at the address asked for.
 */
async function open(b: Browser, url: string): Promise<Page> {
  const page = await b.newPage();
  const navigation = page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  if (!url.startsWith('moz-extension:')) {
    await navigation;
    return page;
  }
  navigation.catch(() => undefined);
  await page.waitForFunction(
    (u) => location.href === u && document.readyState === 'complete',
    { timeout: 15_000 },
    url,
  );
  return page;
}

export const launchFirefox: Launch = async (options = {}) => {
  const build = options.build === 'test' ? 'firefox-mv2-test' : 'firefox-mv2';
  const extensionDir = path.join(repoRoot, '.output', build);
  const fixtures = await startFixtureServer();
  const proxy = await startRecordingProxy(fixtures.port);
  const downloads = await mkdtemp(path.join(os.tmpdir(), 'refshare-ff-downloads-'));
  const pac = `function FindProxyForURL(url, host) {
    if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return 'DIRECT';
    return 'PROXY 127.0.0.1:${proxy.port}';
  }`;
  let b: Browser;
  try {
    b = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // Firefox 153 refuses WebDriver BiDi navigations to moz-extension:// pages unless the remote agent may reach
      // privileged pages (remote/shared/BrowsingContextUtils.sys.mjs: isWebdriverSafeNavigationURL); ESR 140 did not.
      // Release builds honour the Remote Settings server preference below only with this set
      // (modules/services-settings/Utils.sys.mjs: allowServerURL); without it Firefox calls its settings CDN.
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        // Firefox's own Remote Settings traffic, off as in Mozilla's test harnesses (RecommendedPreferences).
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        // Headless, the system's notification service is missing and Firefox closes every notification at once
        // (reported to the extension as closed by the user); its own alert windows stay up as on a desktop.
        'alerts.useSystemBackend': false,
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/calendar,image/png,image/svg+xml',
      },
    });
  } catch (e) {
    await Promise.all([fixtures.close(), proxy.close(), rm(downloads, { recursive: true, force: true })]);
    throw e;
  }
  const version = await b.version();
  const bidi = (b as unknown as { connection: Bidi }).connection;
  await b.installExtension(extensionDir);
  // The background page starts with the add-on; give it a moment before the first command.
  const probe = await open(b, `${ORIGIN}popup.html`);
  await probe.waitForFunction(() => typeof document !== 'undefined' && document.readyState !== 'loading');
  await probe.close();
  for (const origin of options.allowNetwork ?? []) proxy.allow(origin);
  let closed = false;
  return {
    name: `Firefox ESR ${version.replace(/^firefox\//i, '')}`,
    extensionPage: async (pathname) => {
      const page = await open(b, `${ORIGIN}${pathname}`);
      return testPage(page, downloads, bidi);
    },
    webPage: async (url) => testPage(await open(b, url), downloads, bidi),
    fixtureUrl: (host, pathname) => fixtures.url(host, pathname),
    close: async () => {
      if (closed) return;
      closed = true;
      await b.close();
      await Promise.all([fixtures.close(), proxy.close(), rm(downloads, { recursive: true, force: true })]);
      proxy.writeLog(
        repoRoot,
        path.relative(repoRoot, expect.getState().testPath ?? 'unknown'),
        options.deliberateLeaks === true,
      );
      const leaks = proxy.violations();
      if (leaks.length > 0) {
        throw new Error(
          `Firefox reached ${leaks.length} place(s) no test configured:\n${leaks.map((u) => `  ${u}`).join('\n')}`,
        );
      }
    },
  };
};
