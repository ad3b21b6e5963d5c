import { defineContentScript } from '#imports';
import { startLauncher } from '@/lib/launcher/startLauncher';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';

/**
 * The shop-page launcher, on the built-in programs' shopping sites (custom programs' sites are registered at run
 * time, once the user grants their host permission). It runs on every page load there, so it is plain TypeScript
 * and tiny; the share panel is a separate extension page, loaded only when the user opens it.
 */
export default defineContentScript({
  matches: [...aliexpress.shoppingHosts, ...temu.shoppingHosts],
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "script started" note carrying the extension's id to the page.
  noScriptStartedPostMessage: true,
  main: (ctx) => startLauncher(ctx),
});
