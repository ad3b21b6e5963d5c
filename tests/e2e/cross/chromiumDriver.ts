import { readFile } from 'node:fs/promises';
import type { Locator, Page, Frame as PwFrame } from 'playwright-core';
import { expect } from 'vitest';
import { startFixtureServer } from '../../tools/fixtureServer.mjs';
import { launchExtension, sendCommand } from '../harness';
import { clickAccessible, extensionFrame, findAccessible, theAccessible } from '../shadowTools';
import type { Control, Frame, Launch, TestPage } from './driver';

/** The Chromium side of the cross-browser scenarios: playwright-core, through the project's harness. */
function control(locator: Locator): Control {
  return {
    click: () => locator.click(),
    fill: (text) => locator.fill(text),
    waitFor: (timeout) => locator.waitFor({ state: 'visible', ...(timeout ? { timeout } : {}) }),
    text: async () => (await locator.textContent()) ?? '',
    screenshot: () => locator.screenshot(),
  };
}

/** A control in a closed shadow root, through Chromium's accessibility tree (DevTools; tests/e2e/shadowTools.ts). */
function sealed(page: Page, role: string, name: string): Control {
  const one = () => theAccessible(page, role, name);
  const unsupported = (what: string) => () =>
    Promise.reject(new Error(`${what} is not supported for a sealed control`));
  return {
    click: async () => clickAccessible(page, await one()),
    fill: unsupported('fill'),
    waitFor: async (timeout) => {
      await expect
        .poll(async () => (await findAccessible(page, role, name)).length, { timeout: timeout ?? 30_000 })
        .toBe(1);
    },
    text: async () => (await one()).name,
    screenshot: unsupported('screenshot'),
  };
}

function frameOf(frame: PwFrame): Frame {
  return {
    url: () => frame.url(),
    role: (role, name) => control(frame.getByRole(role as 'button', { name, exact: true })),
    // biome-ignore lint/suspicious/noExplicitAny: the page function's types are the scenario's; Playwright's differ.
    evaluate: (fn, arg) => frame.evaluate(fn as any, arg),
  };
}

function testPage(page: Page): TestPage {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    role: (role, name) => control(page.getByRole(role as 'button', { name, exact: true })),
    text: (text) => control(page.getByText(text).first()),
    sealedRole: (role, name) => sealed(page, role, name),
    extensionFrame: async (pathname) => {
      await expect.poll(() => extensionFrame(page)?.url() ?? '').toContain(`/${pathname}`);
      return frameOf(extensionFrame(page) as PwFrame);
    },
    chooseFile: (label, file) =>
      page.getByLabel(label, { exact: true }).setInputFiles({
        name: file.name,
        mimeType: 'application/json',
        buffer: Buffer.from(file.content),
      }),
    download: async (trigger) => {
      const download = page.waitForEvent('download');
      await trigger.click();
      const done = await download;
      return { name: done.suggestedFilename(), text: await readFile((await done.path()) as string, 'utf8') };
    },
    // biome-ignore lint/suspicious/noExplicitAny: the page function's types are the scenario's; Playwright's differ.
    evaluate: (fn, arg) => page.evaluate(fn as any, arg),
    command: (command, data) => sendCommand(page, command, data),
    errors: () => [...errors],
    close: () => page.close(),
  };
}

export const launchChromium: Launch = async (options = {}) => {
  const fixtures = await startFixtureServer();
  const ext = await launchExtension({
    build: options.build ?? 'prod',
    args: fixtures.args,
    allowNetwork: options.allowNetwork ?? [],
  }).catch(async (e) => {
    await fixtures.close();
    throw e;
  });
  const version = ext.context.browser()?.version() ?? '';
  return {
    name: `Chromium ${version.split('.')[0]}`,
    extensionPage: async (pathname) => {
      const page = await ext.context.newPage();
      const wrapped = testPage(page);
      await page.goto(`chrome-extension://${ext.extensionId}/${pathname}`);
      return wrapped;
    },
    webPage: async (url) => {
      const page = await ext.context.newPage();
      const wrapped = testPage(page);
      await page.goto(url);
      return wrapped;
    },
    fixtureUrl: (host, pathname) => fixtures.url(host, pathname),
    close: async () => {
      try {
        await ext.close();
      } finally {
        await fixtures.close();
      }
    },
  };
};
