import { browser } from './extensionApi';
import { type Corner, DEFAULT_CORNER, isCorner } from './corner';

/** Where the user put the launcher on one site, and whether they folded it to a tab. */
export interface Place {
  corner: Corner;
  collapsed: boolean;
}

export const DEFAULT_PLACE: Place = { corner: DEFAULT_CORNER, collapsed: false };

/** The storage key (extension storage, never the page's): `{ [hostname]: Place }`. */
export const PLACES_KEY = 'launcherPlaces';
/** Sites remembered at most; the oldest are forgotten first, so the map cannot grow without bound. */
const MAX_SITES = 100;

type Places = Record<string, Place>;

function readPlace(value: unknown): Place {
  if (typeof value !== 'object' || value === null) return DEFAULT_PLACE;
  const { corner, collapsed } = value as Partial<Place>;
  return { corner: isCorner(corner) ? corner : DEFAULT_CORNER, collapsed: collapsed === true };
}

async function loadPlaces(): Promise<Places> {
  const stored = (await browser.storage.local.get(PLACES_KEY))[PLACES_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Places) : {};
}

/** The launcher's place on a site; the default when none was saved or storage cannot be read. */
export async function loadPlace(host: string): Promise<Place> {
  try {
    const places = await loadPlaces();
    return Object.hasOwn(places, host) ? readPlace(places[host]) : DEFAULT_PLACE;
  } catch {
    return DEFAULT_PLACE;
  }
}

/** Remembers the launcher's place on a site (most recent last); a failure only means it is not remembered. */
export async function savePlace(host: string, place: Place): Promise<void> {
  try {
    const { [host]: _old, ...others } = await loadPlaces();
    const kept = Object.entries(others).slice(-(MAX_SITES - 1));
    await browser.storage.local.set({ [PLACES_KEY]: Object.fromEntries([...kept, [host, place]]) });
  } catch {
    // Not remembered; the launcher still moved.
  }
}
