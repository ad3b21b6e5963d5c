import type { Corner } from './corner';
import { LAUNCHER_CSS } from './launcherStyles';
import type { LauncherKey } from './launcherText';

/** Marks our host element, so a newly injected launcher (after an extension update) can remove a stale one. */
export const HOST_ATTR = 'data-refshare-launcher';

/** The launcher's elements. Everything but `host` lives in a closed shadow root the page cannot open. */
export interface LauncherView {
  host: HTMLElement;
  root: ShadowRoot;
  /** Carries the corner (data-corner) and the folded state (class) the styles place everything by. */
  box: HTMLElement;
  dock: HTMLElement;
  launch: HTMLButtonElement;
  more: HTMLButtonElement;
  menu: HTMLElement;
  fold: HTMLButtonElement;
  mute: HTMLButtonElement;
  tab: HTMLButtonElement;
}

type Text = (key: LauncherKey, sub?: string) => string;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Styles the shadow root. A constructed style sheet is not subject to the page's Content-Security-Policy (a
 * strict `style-src` would refuse a <style> element); where adopting one fails (Firefox content scripts have
 * had trouble with it), a <style> element is the fallback.
 */
function style(doc: Document, root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(LAUNCHER_CSS);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Fall through to the <style> element.
  }
  root.append(el(doc, 'style', {}, LAUNCHER_CSS));
}

/** Removes launchers left by an earlier copy of this script (its context was invalidated by an update). */
export function removeStaleHosts(doc: Document): void {
  for (const stale of doc.querySelectorAll(`:root > div[${HOST_ATTR}]`)) stale.remove();
}

/**
 * Builds the launcher, detached: the caller appends `host` to the page. The button's accessible name is
 * "Share your <Program> referral link"; the options button opens "Hide to a small tab" and "Don't show on
 * this site"; the folded form is a small tab that brings the button back.
 */
export function createView(doc: Document, text: Text, programName: string): LauncherView {
  const host = el(doc, 'div', { [HOST_ATTR]: '' });
  const root = host.attachShadow({ mode: 'closed' });
  style(doc, root);
  const hint = el(doc, 'span', { id: 'hint', class: 'hint' }, text('shopMoveHint'));
  const launch = el(doc, 'button', {
    type: 'button',
    class: 'launch',
    'aria-label': text('shopLauncherName', programName),
    'aria-describedby': 'hint',
    title: text('shopLauncherName', programName),
  });
  const more = el(doc, 'button', {
    type: 'button',
    class: 'more',
    'aria-label': text('shopOptions'),
    title: text('shopOptions'),
    'aria-expanded': 'false',
    'aria-controls': 'menu',
  });
  const fold = el(doc, 'button', { type: 'button' }, text('shopCollapse'));
  const mute = el(doc, 'button', { type: 'button' }, text('shopMute'));
  const menu = el(doc, 'div', { id: 'menu', class: 'menu', hidden: '' }, fold, mute);
  const tab = el(doc, 'button', {
    type: 'button',
    class: 'tab',
    'aria-label': text('shopExpand'),
    title: text('shopExpand'),
  });
  const dock = el(doc, 'div', { class: 'dock' }, launch, more, menu, tab, hint);
  const box = el(doc, 'div', { class: 'rs' }, dock);
  root.append(box);
  return { host, root, box, dock, launch, more, menu, fold, mute, tab };
}

/** Shows the launcher in a corner, as the round button or folded to a tab. */
export function placeView(view: LauncherView, corner: Corner, folded: boolean): void {
  view.box.dataset.corner = corner;
  view.box.classList.toggle('folded', folded);
  view.launch.hidden = folded;
  view.more.hidden = folded;
  view.tab.hidden = !folded;
  if (folded) view.menu.hidden = true;
}
