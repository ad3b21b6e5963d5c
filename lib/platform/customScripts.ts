import { browser } from 'wxt/browser';
import type { CustomProgramData } from '@/lib/referral/types';

const SCRIPT_ID = 'refshare-custom-shops';
/** The launcher as WXT builds it (entrypoints/shop.content → content-scripts/shop.js). */
const LAUNCHER = 'content-scripts/shop.js';

/**
 * Built-in programs' shops are static content-script matches. Custom programs' shops are registered here, at run
 * time, and only for hosts the user granted when adding the program: without the grant nothing is injected.
 */
export async function registerCustomShops(customs: CustomProgramData[]): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const wanted = customs.flatMap((c) => c.shoppingHosts.map((host) => `*://${host}/*`));
  const granted: string[] = [];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return [];
  await scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: granted, js: [LAUNCHER], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  return granted;
}
