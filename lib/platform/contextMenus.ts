import { browser } from 'wxt/browser';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { Program } from '@/lib/referral/types';

export const MENU_SHARE = 'refshare-share-for-site';
export const MENU_SAVE_LINK = 'refshare-save-link';
export const MENU_CAPTURE_INVITE = 'refshare-capture-invite';
export const MENU_CAPTURE_COUPONS = 'refshare-capture-coupons';

/** Looked up at call time (tests replace the browser's i18n). */
const getMessage = (key: string) => (browser.i18n.getMessage as (k: string) => string)(key);

/** Match patterns for every host a program's invite links use (where "Save link to RefShare" is offered). */
function linkPatterns(programs: Program[]): string[] {
  return [...new Set(programs.flatMap((p) => p.linkHosts.map((host) => `*://${host}/*`)))];
}

/**
 * (Re)creates RefShare's context-menu entries: "Share my referral link for this site" on the programs' shopping
 * pages, "Save link to RefShare" on links that point at a program's invite-link hosts, and "Save the invite link
 * shown on this page" / "Import the coupons shown on this page" on the built-in programs' sites. Menus persist across
 * worker restarts, so this runs on install/update/start-up and whenever programs change.
 */
export async function createContextMenus(programs: Program[]): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_SHARE,
    title: getMessage('menuShareForSite'),
    contexts: ['page', 'selection', 'image'],
    documentUrlPatterns: programs.flatMap((p) => p.shoppingHosts),
  });
  browser.contextMenus.create({
    id: MENU_SAVE_LINK,
    title: getMessage('menuSaveLink'),
    contexts: ['link'],
    targetUrlPatterns: linkPatterns(programs),
  });
  // Reading a program's page needs its page adapter (lib/statusSources/adapters), which every built-in program has.
  const readable = BUILT_IN_PROGRAMS.flatMap((p) => p.shoppingHosts);
  browser.contextMenus.create({
    id: MENU_CAPTURE_INVITE,
    title: getMessage('menuCaptureInvite'),
    contexts: ['page'],
    documentUrlPatterns: readable,
  });
  browser.contextMenus.create({
    id: MENU_CAPTURE_COUPONS,
    title: getMessage('menuCaptureCoupons'),
    contexts: ['page'],
    documentUrlPatterns: readable,
  });
}
