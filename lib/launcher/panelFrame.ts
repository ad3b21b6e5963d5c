import { acceptPanelMessage } from './messages';

export interface PanelFrameOptions {
  /** Where the iframe goes: inside the launcher's closed shadow root. */
  parent: HTMLElement;
  /** Our launcher's host element: a press anywhere else on the page closes the panel. */
  host: HTMLElement;
  /** panel.html with its query (program, action). */
  url: string;
  /** This extension's origin, e.g. chrome-extension://<id>; messages from elsewhere are ignored. */
  extensionOrigin: string;
  /** Accessible name of the frame ("RefShare share panel"). */
  title: string;
  /**
   * Called once after the panel closed by itself or by the user; `outside` when by a press elsewhere on the page
   * (focus then stays where the user pressed). Not called for `close({ quiet: true })`.
   */
  onClosed: (outside: boolean) => void;
}

/** An open panel; `close()` is safe to call more than once. */
export interface PanelFrame {
  close(how?: { quiet?: boolean; outside?: boolean }): void;
}

/**
 * Shows the share panel: an extension page (panel.html) in an iframe, so the page's scripts can neither read it
 * (cross-origin) nor reach it through the DOM (closed shadow root). Focus moves into it once it has loaded; it
 * closes on Escape (the panel posts "close"), on a press outside it, and when its frame is navigated anywhere else
 * (a page can navigate frames it contains: whatever loads second is not our panel).
 */
export function openPanelFrame(opts: PanelFrameOptions): PanelFrame {
  const doc = opts.parent.ownerDocument;
  const win = doc.defaultView ?? window;
  const listening = new AbortController();
  const signal = listening.signal;
  const frame = doc.createElement('iframe');
  frame.className = 'panel';
  frame.title = opts.title;
  // Named origin, not the default 'src': Chromium did not delegate clipboard-write to the extension frame under
  // 'src' (measured), so "Copy link" failed with a permissions-policy error.
  frame.allow = `clipboard-write ${opts.extensionOrigin}; web-share ${opts.extensionOrigin}`;
  frame.src = opts.url;

  let open = true;
  const close = ({ quiet = false, outside = false } = {}) => {
    if (!open) return;
    open = false;
    listening.abort();
    frame.remove();
    if (!quiet) opts.onClosed(outside);
  };

  let loads = 0;
  frame.addEventListener(
    'load',
    () => {
      if (++loads > 1) close();
      else frame.focus();
    },
    { signal },
  );
  win.addEventListener(
    'message',
    (event) => {
      const message = acceptPanelMessage(event, frame.contentWindow, opts.extensionOrigin);
      if (message?.event === 'close') close();
      else if (message?.event === 'resize') frame.style.height = `${message.height}px`;
    },
    { signal },
  );
  // Capture, so a page that stops propagation cannot keep the panel open; nothing is prevented.
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.composedPath().includes(opts.host)) close({ outside: true });
    },
    { capture: true, signal },
  );
  opts.parent.append(frame);
  return { close };
}
