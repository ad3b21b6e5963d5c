import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension } from './harness';

/** The slice of the extension API evaluated in the worker. */
declare const chrome: {
  contextMenus: { update(id: string, props: object): Promise<void> };
  runtime: { getManifest(): { commands?: Record<string, { suggested_key?: { default?: string } }> } };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

let server: FixtureServer;
let ext: LaunchedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ args: server.args });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('context menu and keyboard commands (production build)', () => {
  it('creates the context-menu entries at install', async () => {
    // update() rejects for an id that does not exist, so resolving proves the entries are there.
    const exists = (id: string) =>
      ext.worker.evaluate(
        (menuId) =>
          chrome.contextMenus.update(menuId, {}).then(
            () => true,
            () => false,
          ),
        id,
      );
    await expect.poll(() => exists('refshare-share-for-site')).toBe(true);
    expect(await exists('refshare-save-link')).toBe(true);
    expect(await exists('refshare-capture-invite')).toBe(true);
    expect(await exists('refshare-capture-coupons')).toBe(true);
    expect(await exists('no-such-menu')).toBe(false);
  });

  it('declares the shortcuts: open the popup, copy the link for this site', async () => {
    const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.map((c) => c.name).sort()).toEqual(['_execute_action', 'copy-link']);
    // Headless Chromium assigns no keys to an unpacked extension's commands; the manifest suggests them.
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+R');
    expect(manifest.commands?.['copy-link']?.suggested_key?.default).toBe('Alt+Shift+C');
  });
});
