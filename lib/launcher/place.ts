import { type Corner, DEFAULT_CORNER, isCorner } from './corner';

/** Where the user put the launcher on one site, and whether they folded it to a tab. */
export interface Place {
  corner: Corner;
  collapsed: boolean;
}

export const DEFAULT_PLACE: Place = { corner: DEFAULT_CORNER, collapsed: false };

/** The storage key (extension storage, never the page's): `{ [hostname]: Place }`. */
export const PLACES_KEY = 'launcherPlaces';

/**
 * The place remembered for a site, from what storage holds under PLACES_KEY (anything: it is checked); the
 * default when there is none. Read by the launcher, and by the background to answer pageState with it.
 */
export function placeFor(stored: unknown, host: string): Place {
  if (typeof stored !== 'object' || stored === null || !Object.hasOwn(stored, host)) return DEFAULT_PLACE;
  const value = (stored as Record<string, unknown>)[host];
  if (typeof value !== 'object' || value === null) return DEFAULT_PLACE;
  const { corner, collapsed } = value as Partial<Place>;
  return { corner: isCorner(corner) ? corner : DEFAULT_CORNER, collapsed: collapsed === true };
}
