/**
 * The popup opens on every toolbar click, so it paints its static shell (index.html) first and only then loads
 * React, Dexie and the QR encoder: the user sees RefShare at once instead of a blank box while ~125 kB of script
 * is parsed. When the card the popup showed last is still right (lib/share/popupCard.ts: nothing changed since,
 * same tab program), the shell paints it too — QR code, program, link — so the code is on screen at first paint.
 * React then renders out of sight and takes over in one frame once its own QR code is drawn.
 */
// Styles come with the shell, so it paints styled; the rest waits for the first frame.
import '@/components/theme.css';
import '@/components/popup/popup.css';
// The card's own styles too, so the shell draws the code exactly where the app will (ShareCard imports them again).
import '@/components/share/share.css';
import { cardToShow, DATA_VERSION, noteVersion, POPUP_CARD, POPUP_READY, type PopupCard } from '@/lib/share/popupCard';

/** The two calls the shell makes, as the browsers provide them (promises in Chrome MV3 and Firefox): no polyfill. */
interface ShellApi {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  tabs: { query(q: object): Promise<{ url?: string }[]> };
}
const api = ((globalThis as { browser?: ShellApi }).browser ??
  (globalThis as { chrome?: ShellApi }).chrome) as ShellApi;

/** The program and the QR code where the app draws them (header, ShareCard's top row), so nothing moves at the swap. */
function paintCard(shell: HTMLElement, card: PopupCard): void {
  const px = String(card.qr.px);
  const img = document.createElement('img');
  Object.assign(img, { src: card.qr.src, alt: card.qr.label, width: card.qr.px, height: card.qr.px });
  const wrap = (className: string, child: Node) => {
    const div = document.createElement('div');
    div.className = className;
    div.append(child);
    return div;
  };
  const frame = wrap('qr-frame', img);
  frame.style.width = frame.style.height = `${px}px`;
  // The header's program picker, showing the program (it sets the header's height, as in the app).
  const select = document.createElement('select');
  select.tabIndex = -1;
  select.append(new Option(card.programName));
  select.setAttribute('aria-label', card.programLabel);
  shell.querySelector('header')?.append(wrap('program-picker', select));
  shell.append(wrap('share-card', wrap('share-top', frame)));
}

const root = document.getElementById('root');
const shell = root?.querySelector('main') ?? null;
if (root && api) {
  const read = Promise.all([
    api.storage.local.get([POPUP_CARD, DATA_VERSION, 'settings']),
    api.tabs.query({ active: true, currentWindow: true }).catch(() => []),
  ]).then(([stored, tabs]) => {
    // Noted before the app reads anything: a card it keeps is then never newer than what it showed.
    noteVersion(stored, tabs[0]?.url);
    const card = cardToShow(stored, tabs[0]?.url, location.search);
    if (card && shell) paintCard(shell, card);
  });
  requestAnimationFrame(() => {
    setTimeout(() => {
      void Promise.all([import('./App'), read.catch(() => undefined)]).then(([{ mount }]) => {
        const app = document.createElement('div');
        app.hidden = true;
        root.append(app);
        // One frame: the shell goes and the app shows. At the latest after a second, whatever the app shows.
        const reveal = () => {
          if (!app.hidden) return;
          shell?.remove();
          app.hidden = false;
        };
        document.addEventListener(POPUP_READY, reveal);
        setTimeout(reveal, 1000);
        mount(app);
      });
    });
  });
}
