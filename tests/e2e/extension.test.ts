import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHANNEL,
  type LaunchedExtension,
  launchExtension,
  openExtensionPage,
  sendCommand,
  sendMessage,
} from './harness';

/** The slice of the extension API evaluated in the worker (there is no global type for it). */
declare const chrome: {
  runtime: { getManifest(): Record<string, unknown>; getURL(path: string): string };
  i18n: { getMessage(name: string): string };
};

interface SavedLink {
  url: string;
  programId: string;
}

const launched: LaunchedExtension[] = [];
const profiles: string[] = [];

async function launch(...args: Parameters<typeof launchExtension>): Promise<LaunchedExtension> {
  const ext = await launchExtension(...args);
  launched.push(ext);
  return ext;
}

async function newProfile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'refshare-e2e-profile-'));
  profiles.push(dir);
  return dir;
}

afterEach(async () => {
  for (const ext of launched.splice(0)) await ext.close();
  for (const dir of profiles.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('extension', () => {
  it('the built extension loads and its worker starts', async () => {
    const { worker, extensionId } = await launch();
    expect(extensionId).toMatch(/^[a-p]{32}$/);

    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    // The manifest says __MSG_extName__; Chromium's getManifest() returns it localized.
    expect(manifest.name).toBe('RefShare');
    expect(await worker.evaluate(() => chrome.i18n.getMessage('extName'))).toBe('RefShare');
    expect(manifest.manifest_version).toBe(3);
    expect(Object.keys((manifest.icons ?? {}) as Record<string, string>).sort((a, b) => +a - +b)).toEqual([
      '16',
      '32',
      '48',
      '96',
      '128',
    ]);
    const iconsLoad = await worker.evaluate(
      async (icons) => {
        const statuses = await Promise.all(
          Object.values(icons).map(async (file) => {
            const res = await fetch(chrome.runtime.getURL(file));
            return res.ok && res.headers.get('content-type') === 'image/png';
          }),
        );
        return statuses.every(Boolean);
      },
      manifest.icons as Record<string, string>,
    );
    expect(iconsLoad).toBe(true);
    expect([...(manifest.permissions as string[])].sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'clipboardWrite',
        'contextMenus',
        'notifications',
        'scripting',
        'storage',
        'unlimitedStorage',
      ].sort(),
    );
  });

  it('the test build differs from production only by the clipboardRead permission', async () => {
    const { worker } = await launch({ build: 'test' });
    const permissions = await worker.evaluate(() => chrome.runtime.getManifest().permissions as string[]);
    expect([...permissions].sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'clipboardRead',
        'clipboardWrite',
        'contextMenus',
        'notifications',
        'scripting',
        'storage',
        'unlimitedStorage',
      ].sort(),
    );
  });

  it('a link saved through the background survives closing and relaunching the browser on the same profile', async () => {
    const userDataDir = await newProfile();
    const link = 'https://a.aliexpress.com/_mKXyZab';

    const first = await launch({ userDataDir });
    const page1 = await openExtensionPage(first.context, first.extensionId, 'popup.html');
    const saved = await sendCommand(page1, 'saveLink', { input: link, label: 'Main' });
    expect(saved).toMatchObject({ ok: true });
    await first.close();

    const second = await launch({ userDataDir });
    const page2 = await openExtensionPage(second.context, second.extensionId, 'popup.html');
    const listed = await sendCommand<SavedLink[]>(page2, 'listLinks', {});
    expect(listed.ok).toBe(true);
    const links = listed.ok ? listed.value : [];
    expect(links).toContainEqual(expect.objectContaining({ url: link, programId: 'aliexpress' }));

    const refused = await sendCommand(page2, 'saveLink', { input: 'javascript:alert(1)', label: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_link' } });
    expect(await sendCommand(page2, 'listLinks', {})).toEqual(listed);
  });

  it('a malformed command gets an error and changes nothing', async () => {
    const ext = await launch();
    const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    const before = await sendCommand(page, 'listLinks', {});
    expect(before.ok).toBe(true);

    const malformed = await sendMessage(page, { channel: CHANNEL, command: 'saveLink', data: { input: 42 } });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const unknown = await sendCommand(page, 'noSuchCommand', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_command' } });

    expect(await sendCommand(page, 'listLinks', {})).toEqual(before);
  });
});
