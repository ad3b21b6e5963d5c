import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import {
  DEFAULT_APP_SETTINGS,
  loadSettings,
  resetSettings,
  saveSettings,
  templateFor,
  updateSettings,
  watchSettings,
} from '@/lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings store', () => {
  it('applies quick successive changes in order, each on top of the one before', async () => {
    await Promise.all([
      updateSettings((s) => ({ mutedSites: [...s.mutedSites, 'a.example.com'] })),
      updateSettings((s) => ({ mutedSites: [...s.mutedSites, 'b.example.com'] })),
      updateSettings((s) => ({ notify: { ...s.notify, follow_up: false } })),
      updateSettings((s) => ({ notify: { ...s.notify, coupon_arrived: false } })),
    ]);
    const s = await loadSettings();
    expect(s.mutedSites).toEqual(['a.example.com', 'b.example.com']);
    expect(s.notify).toMatchObject({ follow_up: false, coupon_arrived: false, reward_overdue: true });
  });

  it('keeps saving after a change that throws', async () => {
    await expect(
      updateSettings(() => {
        throw new Error('bad change');
      }),
    ).rejects.toThrow('bad change');
    await saveSettings({ followUpDays: 9 });
    expect((await loadSettings()).followUpDays).toBe(9);
  });

  it('resets to a fresh install’s settings, optional fields included', async () => {
    await saveSettings({ followUpDays: 9, lastProgramId: 'temu', language: 'pt' });
    await resetSettings();
    expect(await loadSettings()).toEqual(DEFAULT_APP_SETTINGS);
  });

  it('reads what earlier versions stored under the same key, completed with defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { followUpDays: 4, notify: { follow_up: false } } });
    const s = await loadSettings();
    expect(s.followUpDays).toBe(4);
    expect(s.notify).toEqual({ ...DEFAULT_APP_SETTINGS.notify, follow_up: false });
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_APP_SETTINGS);
  });

  it('tells watchers about changes to the settings only, until they unsubscribe', async () => {
    const seen: number[] = [];
    const stop = watchSettings((s) => seen.push(s.followUpDays));
    await saveSettings({ followUpDays: 5 });
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    await fakeBrowser.storage.session.set({ settings: { followUpDays: 6 } });
    await saveSettings({ followUpDays: 7 });
    stop();
    await saveSettings({ followUpDays: 8 });
    expect(seen).toEqual([5, 7]);
  });

  it('templateFor gives the user’s template, else the program default', () => {
    const templates = { aliexpress: { es: '¡Únete! {link}' } };
    expect(templateFor({ templates }, aliexpress, 'es')).toBe('¡Únete! {link}');
    expect(templateFor({ templates }, aliexpress, 'en')).toBe(aliexpress.shareTexts.en);
  });
});
