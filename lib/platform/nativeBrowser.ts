import type { browser as PolyfilledBrowser } from 'wxt/browser';

/**
 * The extension API as the browser itself provides it, for the background worker's build (wxt.config.ts resolves
 * `wxt/browser` to this module there). Chrome (MV3) and Firefox both return promises from every call the worker
 * makes, so webextension-polyfill (about 3 kB gzipped, parsed at every worker start) buys it nothing. The one
 * difference the polyfill hid: Chrome ignores a promise returned by a runtime.onMessage listener, so the worker's
 * listener answers through `sendResponse` and returns true, which both browsers (and the polyfill) support.
 */
export const browser = (
  import.meta.env.BROWSER === 'firefox' || import.meta.env.BROWSER === 'safari'
    ? (globalThis as { browser?: unknown }).browser
    : (globalThis as { chrome?: unknown }).chrome
) as typeof PolyfilledBrowser;
