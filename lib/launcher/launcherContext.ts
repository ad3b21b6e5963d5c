import { browser } from './extensionApi';

/**
 * What the shop launcher needs from its content script's context: to notice that the extension was reloaded or
 * updated under the page (its `runtime.id` is gone), to clean up then, and timers that stop with it. WXT's
 * ContentScriptContext has all of these too (tests/unit/launcher may use either).
 */
export interface LauncherContext {
  /** Reading it notices a dead extension and runs the `onInvalidated` callbacks once. */
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
  /** Like the window's; the callback does not run once the context is invalid. */
  setTimeout(handler: () => void, ms: number): number;
}

/**
 * The shop launcher's context, in place of WXT's ContentScriptContext for this one script: wxt.config.ts points
 * `wxt/utils/content-script-context` here in the shop build, so the class keeps WXT's name (the script's name and
 * options WXT's entry passes are ignored). WXT's builds an AbortController, dispatches a DOM CustomEvent for older
 * copies of the script, listens for newer ones and defines an Event subclass for its location watcher: in a
 * content script's isolated world the first use of each of those interfaces costs a one-time setup, together
 * about 1 ms of every shop page load (measured one by one, and by `npm run bench` before and after). The launcher
 * does without: an older copy's button is removed by the newer one (launcherView.removeStaleHosts), and an older
 * copy stops at its next timer or the user's next input (`isValid`).
 */
export class ContentScriptContext implements LauncherContext {
  #valid = true;
  readonly #callbacks = new Set<() => void>();

  get isValid(): boolean {
    if (this.#valid && browser.runtime?.id == null) this.invalidate();
    return this.#valid;
  }

  /** Runs the clean-up callbacks, once. */
  invalidate(): void {
    if (!this.#valid) return;
    this.#valid = false;
    const callbacks = [...this.#callbacks];
    this.#callbacks.clear();
    for (const callback of callbacks) {
      try {
        callback();
      } catch {
        // One failed clean-up must not keep the others from running.
      }
    }
  }

  onInvalidated(callback: () => void): void {
    if (this.#valid) this.#callbacks.add(callback);
    else callback();
  }

  setTimeout(handler: () => void, ms: number): number {
    const clear = () => window.clearTimeout(id);
    const id = window.setTimeout(() => {
      this.#callbacks.delete(clear);
      if (this.isValid) handler();
    }, ms);
    this.onInvalidated(clear);
    return id;
  }
}
