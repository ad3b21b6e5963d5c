// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PLACES_KEY } from '@/lib/launcher/place';
import { DEFAULT_PLACE, loadPlace, savePlace } from '@/lib/launcher/placeMemory';

beforeEach(() => fakeBrowser.reset());

describe('where the launcher sits, per site', () => {
  it('is bottom-right and unfolded until the user moves it', async () => {
    expect(await loadPlace('www.aliexpress.com')).toEqual(DEFAULT_PLACE);
  });

  it('remembers each site on its own', async () => {
    await savePlace('www.aliexpress.com', { corner: 'top-left', collapsed: false });
    await savePlace('www.temu.com', { corner: 'bottom-left', collapsed: true });
    expect(await loadPlace('www.aliexpress.com')).toEqual({ corner: 'top-left', collapsed: false });
    expect(await loadPlace('www.temu.com')).toEqual({ corner: 'bottom-left', collapsed: true });
    expect(await loadPlace('shop.example.org')).toEqual(DEFAULT_PLACE);
  });

  it('reads damaged or foreign data as the default, never as something else', async () => {
    await fakeBrowser.storage.local.set({
      [PLACES_KEY]: { a: { corner: 'middle', collapsed: 'yes' }, b: null, constructor: { corner: 'top-left' } },
    });
    expect(await loadPlace('a')).toEqual(DEFAULT_PLACE);
    expect(await loadPlace('b')).toEqual(DEFAULT_PLACE);
    expect(await loadPlace('toString')).toEqual(DEFAULT_PLACE);
    await fakeBrowser.storage.local.set({ [PLACES_KEY]: 'nonsense' });
    expect(await loadPlace('a')).toEqual(DEFAULT_PLACE);
  });

  it('keeps at most 100 sites, forgetting the least recently moved first', async () => {
    for (let i = 0; i < 105; i++) await savePlace(`site${i}.example`, { corner: 'top-left', collapsed: false });
    const stored = (await fakeBrowser.storage.local.get(PLACES_KEY))[PLACES_KEY] as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(100);
    expect(stored).not.toHaveProperty('site0.example');
    expect(stored).toHaveProperty('site104.example');
  });
});
