import type { PageState } from '@/lib/messaging/pageProtocol';
import { askBackground } from './askBackground';
import { cornerAfterKey } from './corner';
import { dragToCorner } from './dragToCorner';
import { browser, type MessageListener } from './extensionApi';
import { type GetMessage, type LauncherKey, launcherMessages, launcherText } from './launcherText';
import type { LauncherContext } from './launcherContext';
import { createView, HOST_ATTR, type LauncherView, placeView, removeStaleHosts } from './launcherView';
import { launcherRequest } from './messages';
import { wireOptionsMenu } from './optionsMenu';
import { openPanelFrame, type PanelFrame } from './panelFrame';
import { DEFAULT_PLACE, loadPlace, type Place, savePlace } from './placeMemory';

/** After the user's input, the address is compared with the last one seen this often… */
const URL_CHECK_MS = 250;
/** …for this long (a single-page shop may load a product's data before it changes its address). */
const URL_WATCH_MS = 4000;
/** Input that can make a single-page shop change its address (popstate: back and forward). */
const NAVIGATING_INPUT = ['click', 'keyup', 'popstate'] as const;
/** When the background could not answer, the one retry comes this much later. */
const RETRY_MS = 1000;

const wantsButton = (s: PageState | null) => Boolean(s?.program && s.hasLink && !s.muted);

/**
 * The shop-page launcher. Asks the background one question (pageState) and, when this site's program has a link
 * and the site is not muted, shows a small button that opens the share panel. Asks again when a single-page shop
 * changes its URL. Goes away quietly at the first touch or click when the extension is reloaded or updated under
 * the page (the context is then invalid: `browser.runtime.id` is gone), and a newer copy of this script removes
 * what an older one left.
 * Nothing outside our own host element is changed.
 */
export function startLauncher(ctx: LauncherContext): void {
  const doc = document;
  // Nothing but the pageState question happens before the background answers: the button, its strings and its
  // styles are built only when the answer wants a button (no link yet, or a muted site: nothing at all).
  let getMessage: GetMessage | null = null;
  const text = (key: LauncherKey, sub?: string) => {
    getMessage ??= launcherMessages(browser.i18n.getUILanguage());
    return launcherText(getMessage, key, sub);
  };
  const site = location.hostname.toLowerCase();

  let page: PageState | null = null;
  let view: LauncherView | null = null;
  let panel: PanelFrame | null = null;
  let place: Place = DEFAULT_PLACE;
  let placeLoaded = false;
  /** Events of the current view; aborted with it. */
  let viewEvents: AbortController | null = null;

  /** Reading `isValid` notices a reloaded extension and runs the teardown below. */
  const alive = () => ctx.isValid;
  const removeView = () => {
    panel?.close({ quiet: true });
    panel = null;
    viewEvents?.abort();
    view?.host.remove();
    view = null;
  };
  ctx.onInvalidated(removeView);

  const setPlace = (next: Place) => {
    place = next;
    if (view) placeView(view, place.corner, place.collapsed);
    void savePlace(site, place);
  };

  function ensureView(name: string): LauncherView {
    if (view) return view;
    const v = createView(doc, text, name);
    const events = new AbortController();
    viewEvents = events;
    const signal = events.signal;
    const wasDrag = dragToCorner(v.launch, v.dock, (corner) => setPlace({ ...place, corner }), signal);
    const on = (target: EventTarget, type: string, listener: (e: Event) => void) =>
      target.addEventListener(type, listener, { signal });

    on(v.launch, 'click', () => {
      if (wasDrag() || !alive()) return;
      if (panel) panel.close();
      else openPanel(null);
    });
    on(v.launch, 'keydown', (e) => {
      const key = e as KeyboardEvent;
      const corner = key.altKey || key.ctrlKey || key.metaKey ? null : cornerAfterKey(place.corner, key.key);
      if (!corner) return;
      key.preventDefault();
      setPlace({ ...place, corner });
    });
    wireOptionsMenu(v, alive, signal);
    on(v.fold, 'click', () => {
      setPlace({ ...place, collapsed: true });
      v.tab.focus();
    });
    on(v.tab, 'click', () => {
      if (!alive()) return;
      setPlace({ ...place, collapsed: false });
      v.launch.focus();
    });
    on(v.mute, 'click', () => {
      if (!alive() || !page) return;
      page = { ...page, muted: true };
      if (panel) panel.close();
      else render();
      void askBackground('muteSite', { muted: true });
    });
    // Escape on the launcher closes the panel (inside the panel, the panel itself asks to be closed).
    on(v.root, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') panel?.close();
    });
    on(v.host, 'pointerenter', alive);
    on(doc, 'visibilitychange', alive);

    placeView(v, place.corner, place.collapsed);
    // A launcher an older copy of this script left (the extension was updated under the page) goes first: looked
    // for only when this one shows, as a page where nothing shows need not pay for the search.
    removeStaleHosts(doc);
    // After the page's own content, at the root (not in <body>, which some single-page apps replace).
    doc.documentElement.append(v.host);
    view = v;
    return v;
  }

  /** Shows what the page state asks for: the button, the panel (even on a muted site when the user asked), or nothing. */
  function render(): void {
    const program = page?.program;
    if (!program || (!wantsButton(page) && !panel)) {
      removeView();
      return;
    }
    ensureView(program.name).dock.hidden = !wantsButton(page);
  }

  /** Opens the panel for this page's program; false when the page belongs to no program. */
  function openPanel(action: 'copy' | null): boolean {
    const program = page?.program;
    if (!program || !alive()) return false;
    panel?.close();
    const v = ensureView(program.name);
    const returnTo =
      doc.activeElement instanceof HTMLElement && !doc.activeElement.hasAttribute(HOST_ATTR) ? doc.activeElement : null;
    const url = new URL(browser.runtime.getURL('/panel.html'));
    // getURL('/') is "<scheme>://<host>/": the origin plus a slash. (new URL(…).origin would be "null" wherever a URL
    // parser treats the extension scheme as opaque, as the URL standard does for unknown schemes.)
    const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
    url.searchParams.set('program', program.id);
    if (action) url.searchParams.set('action', action);
    v.launch.setAttribute('aria-expanded', 'true');
    panel = openPanelFrame({
      parent: v.box,
      host: v.host,
      url: url.href,
      extensionOrigin,
      title: text('shopPanelTitle'),
      onClosed: (outside) => {
        panel = null;
        v.launch.setAttribute('aria-expanded', 'false');
        render();
        if (outside) return;
        if (view === v && !v.dock.hidden) (place.collapsed ? v.tab : v.launch).focus();
        else returnTo?.focus();
      },
    });
    return true;
  }

  let asked = 0;
  /** Asks pageState and shows the answer; one retry a second later if the background could not answer. */
  async function refresh(retry = true): Promise<void> {
    const mine = ++asked;
    const state = await askBackground('pageState', {});
    if (mine !== asked || !alive()) return;
    if (!state) {
      // E.g. the worker was being restarted; one more try is cheap, a loop would not be.
      if (retry) ctx.setTimeout(() => void refresh(false), RETRY_MS);
      return;
    }
    if (page?.program?.id !== state.program?.id) removeView();
    page = state;
    if (wantsButton(page) && !placeLoaded) {
      // The answer carries the place; storage is read here only if it did not.
      if (state.place) place = state.place;
      else {
        place = await loadPlace(site);
        if (mine !== asked || !alive()) return;
      }
      placeLoaded = true;
    }
    render();
  }
  const ready = refresh();

  // Single-page shops change their address after the user's input (a click, a key, back or forward): from each
  // such input on, the address is compared with the last one seen every 250 ms for 4 s (a string comparison),
  // and a change is asked about (a route, then its query, within 250 ms: one question). Nothing runs while the
  // user does nothing. The Navigation API's "navigate" event would tell at once, but its first listener and the
  // URL parsing cost about 0.4 ms of every page load, and a timer running all the time about 0.3 ms (measured).
  // The input also notices a reloaded extension (isValid), which removes the dead launcher.
  let href = location.href;
  let watchUntil = 0;
  let watching = false;
  const watchAddress = () => {
    if (location.href !== href) {
      href = location.href;
      void refresh();
    }
    watching = Date.now() < watchUntil;
    if (watching) ctx.setTimeout(watchAddress, URL_CHECK_MS);
  };
  const onInput = () => {
    if (!alive()) return;
    watchUntil = Date.now() + URL_WATCH_MS;
    if (!watching) watchAddress();
  };
  for (const type of NAVIGATING_INPUT) window.addEventListener(type, onInput, { capture: true, passive: true });
  ctx.onInvalidated(() => {
    for (const type of NAVIGATING_INPUT) window.removeEventListener(type, onInput, { capture: true });
  });

  // The context menu ("Share my referral link for this site") and the "copy link" shortcut, from the background.
  // Answers true once the panel is open (false: this page belongs to no program); other messages get no answer.
  const onMessage: MessageListener = (message, sender, sendResponse) => {
    const request = sender.id === browser.runtime.id ? launcherRequest(message) : null;
    if (!request) return undefined;
    ready
      .then(() => (page ? undefined : refresh()))
      .then(() => openPanel(request === 'copyLink' ? 'copy' : null))
      .catch(() => false)
      .then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension is gone; so is the listener.
    }
  });
}
