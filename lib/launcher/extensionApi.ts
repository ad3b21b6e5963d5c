/** A runtime.onMessage listener: returns true to answer later through `sendResponse`. */
export type MessageListener = (
  message: unknown,
  sender: { id?: string },
  sendResponse: (reply: unknown) => void,
) => true | undefined;

/**
 * The few extension APIs the launcher uses, as browsers provide them natively: Chrome (MV3) and Firefox both
 * return promises from these calls, so the launcher needs no webextension-polyfill (about 3 kB gzipped, parsed on
 * every shop page). An onMessage listener answers through `sendResponse` (returning true), which both browsers
 * support; a returned promise is the polyfill's convention and Chrome ignores it.
 */
export interface ExtensionApi {
  runtime: {
    /** Undefined once the extension was reloaded, updated or removed under the page. */
    readonly id?: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: MessageListener): void;
      removeListener(listener: MessageListener): void;
    };
  };
  i18n: { getUILanguage(): string };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

/**
 * The global that is the extension API, by the browser the build is for (WXT's `import.meta.env.BROWSER`): `browser`
 * in Firefox and Safari, `chrome` in Chromium browsers. Decided at build time, not by looking: in Chromium a
 * content script has no `browser` global, and reading one falls through to the page's named elements (a page
 * element with id="browser" is `window.browser`), which cost 0.2 ms at first use (measured).
 */
export function pickExtensionApi(scope: { browser?: unknown; chrome?: unknown }, browserName: string): ExtensionApi {
  return (browserName === 'firefox' || browserName === 'safari' ? scope.browser : scope.chrome) as ExtensionApi;
}

/**
 * The extension API for the shop-page launcher. Named `browser` because the shop content script's build also
 * resolves `wxt/browser` to this module (wxt.config.ts), for WXT's ContentScriptContext, which reads only
 * `browser.runtime.id`.
 */
export const browser: ExtensionApi = pickExtensionApi(
  globalThis as { browser?: unknown; chrome?: unknown },
  import.meta.env.BROWSER,
);
