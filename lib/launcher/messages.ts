import { CHANNEL } from './channel';

/** What the panel (an extension page in our iframe) may tell the launcher. */
export type PanelEvent = { event: 'close' } | { event: 'resize'; height: number };

/** The panel's tallest believable content height, in CSS px; the launcher caps it to the viewport anyway. */
const MAX_HEIGHT = 10_000;

/** The parts of a MessageEvent the check reads (so a test can pass a plain object). */
interface Received {
  source: unknown;
  origin: string;
  data: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A message from our panel, or null. The page shares the window the launcher listens on, so a message counts
 * only when it comes from our own iframe's window AND that window shows an extension page: a page script can
 * post anything to `window`, but cannot make `event.source` our iframe nor `event.origin` the extension's.
 */
export function acceptPanelMessage(
  event: Received,
  frame: Window | null | undefined,
  extensionOrigin: string,
): PanelEvent | null {
  if (!frame || event.source !== frame || event.origin !== extensionOrigin) return null;
  const data = event.data;
  if (!isRecord(data) || data.channel !== CHANNEL) return null;
  if (data.event === 'close') return { event: 'close' };
  if (data.event === 'resize' && typeof data.height === 'number' && data.height >= 0 && data.height <= MAX_HEIGHT) {
    return { event: 'resize', height: Math.ceil(data.height) };
  }
  return null;
}

/** What the background may ask of the launcher: open the panel (context menu), or open it and copy (shortcut). */
export type LauncherRequest = 'openPanel' | 'copyLink';

/** The background's request in a runtime message, or null for anything else (which the launcher ignores). */
export function launcherRequest(message: unknown): LauncherRequest | null {
  if (!isRecord(message) || message.channel !== CHANNEL) return null;
  return message.event === 'openPanel' || message.event === 'copyLink' ? message.event : null;
}
