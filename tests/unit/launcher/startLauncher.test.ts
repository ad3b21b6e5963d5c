// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '@/lib/launcher/launcherContext';
import { HOST_ATTR } from '@/lib/launcher/launcherView';
import { startLauncher } from '@/lib/launcher/startLauncher';
import type { PageState } from '@/lib/messaging/pageProtocol';

const NAME = 'Share your AliExpress referral link';

/** Closed shadow roots, caught as they are attached (the page cannot see them; the test must). */
let roots: ShadowRoot[] = [];
let state: PageState;
let sent: { command?: string; data?: unknown }[] = [];
const contexts: ContentScriptContext[] = [];

const hosts = () => document.querySelectorAll(`[${HOST_ATTR}]`);
const root = () => roots.at(-1) as ShadowRoot;
const button = (name: string) =>
  [...root().querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent === name);
const visible = (el: Element | undefined) => Boolean(el && !(el as HTMLElement).hidden && !el.closest('[hidden]'));
const frame = () => root()?.querySelector('iframe') ?? null;

/**
 * happy-dom cannot load an extension page (and prints an error for each frame it may not load): the iframe's
 * address goes to data-src instead, which is what these tests check, and the frame shows about:blank.
 */
function keepFramesUnloaded(): void {
  const { settings } = (window as unknown as { happyDOM: { settings: Record<string, unknown> } }).happyDOM;
  settings.enableIframePageLoading = true;
  settings.disableIframePageLoading = false;
  vi.spyOn(HTMLIFrameElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLIFrameElement, url) {
    this.dataset.src = url;
  });
}

function start(): ContentScriptContext {
  // The context the shop build gives the script (wxt.config.ts).
  const ctx = new ContentScriptContext();
  contexts.push(ctx);
  startLauncher(ctx);
  return ctx;
}

beforeEach(() => {
  fakeBrowser.reset();
  // reset() does not bring back an id a test took away (as a reload does).
  (fakeBrowser.runtime as { id?: string }).id = 'test-extension-id';
  document.body.innerHTML = '<a href="https://www.aliexpress.com/cart">Cart</a><button>Buy now</button>';
  // The launcher's strings are bundled (lib/launcher/launcherText.ts): it must never ask the browser's i18n for
  // them, whose first call in a real content script blocks the page on a synchronous IPC.
  fakeBrowser.i18n.getMessage = (() => {
    throw new Error('the launcher called i18n.getMessage');
  }) as typeof fakeBrowser.i18n.getMessage;
  state = { program: { id: 'aliexpress', name: 'AliExpress' }, hasLink: true, muted: false };
  sent = [];
  fakeBrowser.runtime.sendMessage = (async (message: { command?: string; data?: unknown }) => {
    sent.push(message);
    if (message.command === 'pageState') return { ok: true, value: state };
    if (message.command === 'muteSite') return { ok: true, value: { host: 'localhost', muted: true } };
    return { ok: false, error: { code: 'forbidden', message: 'no' } };
  }) as typeof fakeBrowser.runtime.sendMessage;
  roots = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    const shadow = attach.call(this, init);
    roots.push(shadow);
    return shadow;
  });
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.invalidate();
  for (const host of hosts()) host.remove();
  vi.restoreAllMocks();
});

describe('the shop-page launcher', () => {
  it('asks the background one question and shows one button, named for the program, in a closed shadow root', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(sent.map((m) => m.command)).toEqual(['pageState']);
    const host = hosts()[0] as HTMLElement;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(visible(button(NAME))).toBe(true);
    expect(button(NAME)?.getAttribute('title')).toBe(NAME);
    // Nothing in the page's own DOM changed, and the program's name is all the launcher knows of the user.
    expect(document.body.innerHTML).toBe('<a href="https://www.aliexpress.com/cart">Cart</a><button>Buy now</button>');
  });

  it('takes its place on this site from the answer, reading nothing else', async () => {
    state = { ...state, place: { corner: 'top-left', collapsed: false } };
    const storageRead = vi.spyOn(fakeBrowser.storage.local, 'get');
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(storageRead).not.toHaveBeenCalled();
    expect(sent.map((m) => m.command)).toEqual(['pageState']);
    expect(roots[0]?.querySelector('[data-corner]')?.getAttribute('data-corner')).toBe('top-left');
  });

  it.each([
    [
      'there is no link for the program',
      { program: { id: 'aliexpress', name: 'AliExpress' }, hasLink: false, muted: false },
    ],
    ['the site is muted', { program: { id: 'aliexpress', name: 'AliExpress' }, hasLink: true, muted: true }],
    ['the page belongs to no program', { program: null, hasLink: false, muted: false }],
  ])('adds nothing at all to the page when %s, nor does anything but ask', async (_why, page) => {
    state = page;
    const language = vi.spyOn(fakeBrowser.i18n, 'getUILanguage');
    const storageRead = vi.spyOn(fakeBrowser.storage.local, 'get');
    start();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts()).toHaveLength(0);
    expect(roots).toHaveLength(0);
    expect(language).not.toHaveBeenCalled();
    expect(storageRead).not.toHaveBeenCalled();
  });

  it('speaks the browser’s language', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'pt-BR';
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(visible(button('Compartilhe seu link de indicação de AliExpress'))).toBe(true);
    expect(button('Opções do RefShare')).toBeDefined();
  });

  it('asks once more when the background could not answer (a worker starting up), then shows the button', async () => {
    const answer = fakeBrowser.runtime.sendMessage;
    let failures = 1;
    fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
      if (failures-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answer(message as never);
    }) as typeof fakeBrowser.runtime.sendMessage;
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1), { timeout: 3000 });
    expect(sent.filter((m) => m.command === 'pageState')).toHaveLength(1);
  });

  it('"Don’t show on this site" mutes the site and removes the button', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    button('RefShare options')?.click();
    expect(button('RefShare options')?.getAttribute('aria-expanded')).toBe('true');
    // Escape closes the options and puts focus back on their button.
    button('Hide to a small tab')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(visible(button("Don't show on this site"))).toBe(false);
    expect(root().activeElement).toBe(button('RefShare options'));
    button('RefShare options')?.click();
    expect(visible(button("Don't show on this site"))).toBe(true);
    button("Don't show on this site")?.click();
    expect(hosts()).toHaveLength(0);
    expect(sent.at(-1)).toMatchObject({ channel: 'refshare/v1', command: 'muteSite', data: { muted: true } });
  });

  it('folds to a small tab and back, and moves with the arrow keys', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const box = root().querySelector('.rs') as HTMLElement;
    expect(box.dataset.corner).toBe('bottom-right');
    button(NAME)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(box.dataset.corner).toBe('top-right');
    button(NAME)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(box.dataset.corner).toBe('top-left');
    button('Hide to a small tab')?.click();
    expect(visible(button(NAME))).toBe(false);
    expect(visible(button('Show the RefShare button'))).toBe(true);
    button('Show the RefShare button')?.click();
    expect(visible(button(NAME))).toBe(true);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.local.get('launcherPlaces')).toEqual({
        launcherPlaces: { [location.hostname]: { corner: 'top-left', collapsed: false } },
      }),
    );
  });

  it('a newer copy of the script (after an update) leaves exactly one launcher', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    start();
    await vi.waitFor(() => expect(roots).toHaveLength(2));
    expect(hosts()).toHaveLength(1);
  });

  it('asks again when a single-page shop changes its address after a click, back or forward, and follows the answer', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    // A click that changes nothing asks nothing.
    document.body.click();
    await new Promise((r) => setTimeout(r, 600));
    expect(sent.map((m) => m.command)).toEqual(['pageState']);
    // A click on a link the shop handles itself: its router loads the product's data, then changes the address
    // (a route, then its query) a moment later.
    state = { ...state, muted: true };
    document.body.click();
    await new Promise((r) => setTimeout(r, 400));
    history.pushState({}, '', '/item/2.html');
    history.pushState({}, '', '/item/2.html?sku=1');
    await vi.waitFor(() => expect(hosts()).toHaveLength(0), { timeout: 1000 });
    expect(sent.map((m) => m.command)).toEqual(['pageState', 'pageState']);
    // Back: popstate, the address has changed already.
    state = { ...state, muted: false };
    history.pushState({}, '', '/item/3.html');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(hosts()).toHaveLength(1), { timeout: 1000 });
    expect(sent.map((m) => m.command)).toEqual(['pageState', 'pageState', 'pageState']);
  });

  it('without input, nothing runs: an address changed by the page alone is seen at the next input', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    history.pushState({}, '', '/item/4.html');
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.map((m) => m.command)).toEqual(['pageState']);
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true }));
    await vi.waitFor(() => expect(sent.map((m) => m.command)).toEqual(['pageState', 'pageState']));
  });

  it('goes away at the first click anywhere when the extension was reloaded under the page', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    document.body.click();
    expect(hosts()).toHaveLength(0);
  });

  it('goes away quietly when the extension is reloaded under the page', async () => {
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    (hosts()[0] as HTMLElement).dispatchEvent(new PointerEvent('pointerenter'));
    expect(hosts()).toHaveLength(0);
  });

  it('opens the panel on click: an extension page in an iframe with a title, in the closed root', async () => {
    keepFramesUnloaded();
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    button(NAME)?.click();
    const iframe = frame();
    expect(iframe?.dataset.src).toBe('chrome-extension://test-extension-id/panel.html?program=aliexpress');
    expect(iframe?.title).toBe('RefShare share panel');
    expect(iframe?.getAttribute('allow')).toContain('clipboard-write chrome-extension://test-extension-id');
    expect(button(NAME)?.getAttribute('aria-expanded')).toBe('true');
    // A page's forged message is not the panel's.
    window.dispatchEvent(new MessageEvent('message', { data: { channel: 'refshare/v1', event: 'close' } }));
    expect(frame()).not.toBeNull();
    // A press outside closes it.
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(frame()).toBeNull();
    expect(button(NAME)?.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens the panel for the background’s openPanel, with the copy action for copyLink, and ignores other messages', async () => {
    keepFramesUnloaded();
    start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const sender = { id: 'test-extension-id' };
    const noReply = () => undefined;
    expect(
      await fakeBrowser.runtime.onMessage.trigger({ channel: 'refshare/v1', event: 'nonsense' }, sender, noReply),
    ).toEqual([undefined]);
    await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'refshare/v1', event: 'openPanel' },
      { id: 'other' },
      noReply,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(frame()).toBeNull();
    // The background learns that the launcher opened its panel: the listener keeps the channel open (true) and
    // answers through sendResponse, which Chrome's and Firefox's own runtime.onMessage both support.
    let answer: unknown;
    const [kept] = await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'refshare/v1', event: 'copyLink' },
      sender,
      (reply: unknown) => {
        answer = reply;
      },
    );
    expect(kept).toBe(true);
    await vi.waitFor(() => expect(answer).toBe(true));
    await vi.waitFor(() => expect(frame()?.dataset.src).toMatch(/panel\.html\?program=aliexpress&action=copy$/));
    // Escape on the launcher closes the panel and gives focus back to the button.
    root()
      .querySelector('.rs')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(frame()).toBeNull();
  });
});
