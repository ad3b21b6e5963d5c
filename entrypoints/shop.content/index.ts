import { defineContentScript } from '#imports';
import { startLauncher } from '@/lib/launcher/startLauncher';
import { ALIEXPRESS_SHOPPING_HOSTS, TEMU_SHOPPING_HOSTS } from '@/lib/referral/programs/hosts';

/**
 * The shop-page launcher, on the built-in programs' shopping sites (custom programs' sites are registered at run
 * time, once the user grants their host permission). It runs on every page load there, so it is plain TypeScript
 * and tiny: it imports the programs' host lists, not the programs, and the browser's own extension API, not the
 * polyfill (wxt.config.ts); the share panel is a separate extension page, loaded only when the user opens it.
 */
export default defineContentScript({
  matches: [...ALIEXPRESS_SHOPPING_HOSTS, ...TEMU_SHOPPING_HOSTS],
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "script started" note carrying the extension's id to the page.
  noScriptStartedPostMessage: true,
  main: (ctx) => startLauncher(ctx),
});
