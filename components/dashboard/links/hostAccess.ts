import { browser } from 'wxt/browser';

/**
 * Host access for custom programs' shopping sites. The manifest only declares it as optional, so it is asked for
 * per program. Every call is guarded: the permissions API is missing in some contexts (tests, older builds) and
 * a refusal or an error must never stop the program itself from being saved.
 */

/** The origins to ask for, from a program's hostnames ('shop.example.com', '*.example.com'); https only. */
export function originsFor(hosts: readonly string[]): string[] {
  return hosts.map((host) => `https://${host}/*`);
}

/**
 * Asks the user for access to these origins. Call it synchronously from the click or submit handler: browsers
 * only show the prompt during a user gesture, and any `await` before it can lose the gesture.
 * Resolves to true (granted), false (declined or failed) or undefined (no permissions API here).
 */
export function requestHostAccess(origins: string[]): Promise<boolean | undefined> {
  const api = browser.permissions;
  if (!api?.request) return Promise.resolve(undefined);
  try {
    return Promise.resolve(api.request({ origins })).then(
      (granted) => granted === true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** Whether every origin is already granted; undefined when that cannot be known. */
export async function hasHostAccess(origins: string[]): Promise<boolean | undefined> {
  try {
    const api = browser.permissions;
    if (!api?.contains) return undefined;
    return (await api.contains({ origins })) === true;
  } catch {
    return undefined;
  }
}

/** Gives back access that no program needs any more (narrowest permissions). Failures are ignored. */
export async function releaseHostAccess(origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  try {
    await browser.permissions?.remove?.({ origins });
  } catch {
    // Nothing to do: the access stays until the user removes it in the browser's extension settings.
  }
}
