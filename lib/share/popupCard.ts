import { DATA_VERSION, POPUP_CARD } from './popupCardKeys';

/**
 * The last card the popup showed, kept so the popup's static shell can paint it (QR code, link, program) before
 * React, Dexie and the background have answered (entrypoints/popup/main.tsx). It must never show a stale or deleted
 * link, so it is shown only when nothing it depends on changed since it was written:
 * - `dataVersion` (storage.local) is replaced with a new random value by the background before and after every
 *   command that changes data and after browser sync changed something; the popup notes the value before it reads
 *   the data it shows, and the card carries it. Any change in between makes the card older than the data.
 * - the settings the choice depends on (language, last program) are compared as they are now;
 * - the program the popup would open on is worked out again from the current tab (the same rules as the app's).
 * "Delete all data" clears storage.local, the card with it. Anything uncertain: the shell shows nothing.
 */
export { DATA_VERSION, POPUP_CARD };

/** The popup tells its shell it has drawn what the user came for (or that there is no card): time to swap. */
export const POPUP_READY = 'refshare:popup-ready';

/**
 * dataVersion as the popup found it before reading anything (main.tsx notes it; the card carries it), and the
 * address of the tab the popup was opened on (read once, there, for the shell and the app alike: null when there is
 * none to read — no tab, a browser page, no activeTab grant).
 */
let noted: string | undefined;
let tab: string | null = null;
export const noteVersion = (stored: Record<string, unknown>, tabUrl: string | undefined) => {
  noted = versionOf(stored);
  tab = tabUrl || null;
};
export const notedVersion = () => noted;
export const notedTabUrl = () => tab;
// Never written yet (no change since install): "undefined", until the first change replaces it.
const versionOf = (stored: Record<string, unknown>) => String(stored[DATA_VERSION]);

export interface PopupCard {
  version: string;
  language: string;
  /** The program the popup opens on when neither the tab nor the last program decides (the first with a link). */
  fallback: string;
  /** Every program as the popup lists them, with its shop sites' hosts ("www.shop.com", "*.shop.com"). */
  programs: { id: string; hosts: string[] }[];
  programId: string;
  programName: string;
  /** The program picker's label ("Program") in the popup's language. */
  programLabel: string;
  qr: { src: string; px: number; label: string };
}

/**
 * The program the popup opens on, by the app's rules (lib/share/chooseProgram.ts): the tab's program, else the one
 * used last, else the app's own fallback as it was when the card was kept (it depends on the links only, and any
 * change of links makes the card older than the data).
 */
function chosenProgram(card: PopupCard, tabUrl: string | undefined, lastProgramId: string | undefined) {
  let host = '';
  try {
    host = new URL(tabUrl ?? '').hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    // No tab address (no activeTab grant): no tab program.
  }
  // As match patterns do: "*.shop.com" is shop.com and every subdomain.
  const onTab = card.programs.find((p) =>
    p.hosts.some((h) => h === host || (h.startsWith('*.') && (host === h.slice(2) || host.endsWith(h.slice(1))))),
  );
  return onTab ? onTab.id : card.programs.some((p) => p.id === lastProgramId) ? lastProgramId : card.fallback;
}

/** The card to paint now, or undefined when it may not be the right one. */
export function cardToShow(stored: Record<string, unknown>, tabUrl: string | undefined, search: string) {
  const card = stored[POPUP_CARD] as PopupCard | undefined;
  const settings = (stored.settings ?? {}) as { language?: string; lastProgramId?: string };
  if (!card || card.version !== versionOf(stored)) return undefined;
  // A follow-up notification's popup opens on that friend's program; the language names the image.
  if (search.includes('remind=') || (settings.language ?? 'auto') !== card.language) return undefined;
  return chosenProgram(card, tabUrl, settings.lastProgramId) === card.programId ? card : undefined;
}
