import { browser } from 'wxt/browser';
import type { Program } from '@/lib/referral/types';

export const MENU_SHARE = 'refshare-share-for-site';
export const MENU_SAVE_LINK = 'refshare-save-link';

/** Looked up at call time (tests replace the browser's i18n). */
const getMessage = (key: string) => (browser.i18n.getMessage as (k: string) => string)(key);

/** Match patterns for every host a program's invite links use (where "Save link to RefShare" is offered). */
function linkPatterns(programs: Program[]): string[] {
  return [...new Set(programs.flatMap((p) => p.linkHosts.map((host) => `*://${host}/*`)))];
}

/**
 * (Re)creates RefShare's context-menu entries: "Share my referral link for this site" on the programs' shopping
 * pages, and "Save link to RefShare" on links that point at a program's invite-link hosts. Menus persist across
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
}
