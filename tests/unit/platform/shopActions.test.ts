import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_CAPTURE_COUPONS, MENU_CAPTURE_INVITE, MENU_SAVE_LINK, MENU_SHARE } from '@/lib/platform/contextMenus';
import { onCopyCommand, onMenuClick } from '@/lib/platform/shopActions';
import { ALI_SHORT, freshDb, testCtx } from '../db/testDb';

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: string) => key) as typeof fakeBrowser.i18n.getMessage;
});

describe('context menu and keyboard actions', () => {
  it('"Save link to RefShare" saves a program link and says so in a notification', async () => {
    const db = freshDb();
    await onMenuClick({ menuItemId: MENU_SAVE_LINK, linkUrl: ALI_SHORT }, { id: 1 }, db, testCtx());
    expect((await db.links.toArray()).map((l) => l.url)).toEqual([ALI_SHORT]);
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty('refshare-save-link');
  });

  it('refuses a link that is not an invite link, with the reason, and saves nothing', async () => {
    const db = freshDb();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await onMenuClick(
      { menuItemId: MENU_SAVE_LINK, linkUrl: 'https://s.click.aliexpress.com/e/_DmXyz12' },
      { id: 1 },
      db,
      testCtx(),
    );
    expect(await db.links.count()).toBe(0);
    expect(create).toHaveBeenCalledWith(
      'refshare-save-link',
      expect.objectContaining({ title: 'menuNotSavedTitle', message: expect.stringMatching(/affiliate/i) }),
    );
  });

  it('"Share my referral link for this site" asks the tab’s launcher to open its panel', async () => {
    const send = vi.fn(async () => true);
    fakeBrowser.tabs.sendMessage = send as unknown as typeof fakeBrowser.tabs.sendMessage;
    await onMenuClick({ menuItemId: MENU_SHARE }, { id: 7 }, freshDb(), testCtx());
    expect(send).toHaveBeenCalledWith(7, { channel: 'refshare/v1', event: 'openPanel' });
  });

  it('the copy shortcut tells the user when there is no launcher on the page', async () => {
    fakeBrowser.tabs.sendMessage = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as unknown as typeof fakeBrowser.tabs.sendMessage;
    fakeBrowser.tabs.query = (async () => [{ id: 3 }]) as unknown as typeof fakeBrowser.tabs.query;
    await onCopyCommand();
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty('refshare-copy');
  });

  it.each([
    [MENU_CAPTURE_INVITE, 'invite'],
    [MENU_CAPTURE_COUPONS, 'coupons'],
  ])('%s leaves the request in the clicked frame, then injects the capture script there', async (menuItemId, kind) => {
    const calls: unknown[] = [];
    fakeBrowser.scripting = {
      executeScript: vi.fn(async (injection: { func?: (...a: string[]) => void; args?: string[] }) => {
        calls.push(injection);
        // Run the function as the browser would, in this (isolated) world.
        injection.func?.(...(injection.args ?? []));
        return [];
      }),
    } as unknown as typeof fakeBrowser.scripting;
    await onMenuClick({ menuItemId, frameId: 4 }, { id: 9 }, freshDb(), testCtx());
    expect(calls).toEqual([
      expect.objectContaining({ target: { tabId: 9, frameIds: [4] }, args: ['__refshareCaptureRequest', kind] }),
      { target: { tabId: 9, frameIds: [4] }, files: ['/content-scripts/capture.js'] },
    ]);
    expect((globalThis as Record<string, unknown>).__refshareCaptureRequest).toBe(kind);
    delete (globalThis as Record<string, unknown>).__refshareCaptureRequest;
  });

  it('tells the user when the page could not be read (the tab went away)', async () => {
    fakeBrowser.scripting = {
      executeScript: vi.fn(async () => {
        throw new Error('No tab with id: 9');
      }),
    } as unknown as typeof fakeBrowser.scripting;
    await onMenuClick({ menuItemId: MENU_CAPTURE_COUPONS }, { id: 9 }, freshDb(), testCtx());
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty('refshare-capture');
  });
});
