import { browser } from 'wxt/browser';
import { saveLink } from '@/lib/db/links';
import type { Ctx } from '@/lib/db/result';
import type { RefShareDB } from '@/lib/db/schema';
import { CHANNEL } from '@/lib/messaging/protocol';
import { CAPTURE_REQUEST_KEY, type CaptureKind } from '@/lib/statusSources/captureRequest';
import { MENU_CAPTURE_COUPONS, MENU_CAPTURE_INVITE, MENU_SAVE_LINK, MENU_SHARE } from './contextMenus';

/** Looked up at call time (tests replace the browser's i18n). */
const getMessage = (key: string, subs?: string[]) =>
  (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs);

/** Asks the launcher in a tab to open its panel ('openPanel') or to copy the link ('copyLink'). */
async function tellLauncher(tabId: number | undefined, event: 'openPanel' | 'copyLink'): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    // The launcher answers true when it opened its panel (false on a page of no program).
    return (await browser.tabs.sendMessage(tabId, { channel: CHANNEL, event })) === true;
  } catch {
    // No launcher there (no link for this program, a muted site, or a page loaded before the extension).
    return false;
  }
}

async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/** The capture script, as WXT builds it (the same file the manifest runs on AliExpress's own pages). */
const CAPTURE_SCRIPT = '/content-scripts/capture.js';

/**
 * Reads the page the user right-clicked: leaves the request in our isolated world, then injects the capture
 * script into that frame, which reads the page through the program's adapter and shows the outcome there.
 * activeTab (granted by the menu click) is the only access this needs: no host permission, no other tab.
 */
async function captureFromMenu(tabId: number | undefined, frameId: number | undefined, kind: CaptureKind) {
  if (tabId === undefined) return;
  const target = { tabId, frameIds: [frameId ?? 0] };
  try {
    await browser.scripting.executeScript({
      target,
      func: (key: string, value: string) => {
        (globalThis as Record<string, unknown>)[key] = value;
      },
      args: [CAPTURE_REQUEST_KEY, kind],
    });
    await browser.scripting.executeScript({ target, files: [CAPTURE_SCRIPT] });
  } catch {
    // The tab navigated away, or the browser refused (a page extensions may not script).
    await notify('refshare-capture', getMessage('menuCaptureFailedTitle'), getMessage('menuCaptureFailedMessage'));
  }
}

/** A context-menu click: share for this site, save the clicked link, or read this page's invite link or coupons. */
export async function onMenuClick(
  info: { menuItemId: string | number; linkUrl?: string; frameId?: number },
  tab: { id?: number } | undefined,
  db: RefShareDB,
  ctx: Ctx,
): Promise<void> {
  if (info.menuItemId === MENU_CAPTURE_INVITE || info.menuItemId === MENU_CAPTURE_COUPONS) {
    await captureFromMenu(tab?.id, info.frameId, info.menuItemId === MENU_CAPTURE_INVITE ? 'invite' : 'coupons');
    return;
  }
  if (info.menuItemId === MENU_SHARE) {
    if (!(await tellLauncher(tab?.id, 'openPanel'))) await browser.action?.openPopup?.().catch(() => undefined);
    return;
  }
  if (info.menuItemId !== MENU_SAVE_LINK || !info.linkUrl) return;
  const saved = await saveLink(db, { input: info.linkUrl }, ctx);
  // The notification id is fixed: saving several links in a row replaces, never piles up.
  if (saved.ok) await notify('refshare-save-link', getMessage('menuSavedTitle'), saved.value.url);
  else await notify('refshare-save-link', getMessage('menuNotSavedTitle'), saved.message);
}

/** The keyboard command "copy the link for the current site": the launcher's panel copies and says so. */
export async function onCopyCommand(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!(await tellLauncher(tab?.id, 'copyLink'))) {
    await notify('refshare-copy', getMessage('menuNotCopiedTitle'), getMessage('menuNotCopiedMessage'));
  }
}
