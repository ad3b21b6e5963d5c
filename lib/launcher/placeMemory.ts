import { browser } from './extensionApi';
import { DEFAULT_PLACE, PLACES_KEY, type Place, placeFor } from './place';

export { DEFAULT_PLACE, type Place } from './place';

/** Sites remembered at most; the oldest are forgotten first, so the map cannot grow without bound. */
const MAX_SITES = 100;

type Places = Record<string, Place>;

async function loadPlaces(): Promise<Places> {
  const stored = (await browser.storage.local.get(PLACES_KEY))[PLACES_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Places) : {};
}

/** The launcher's place on a site; the default when none was saved or storage cannot be read. */
export async function loadPlace(host: string): Promise<Place> {
  try {
    return placeFor(await loadPlaces(), host);
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
