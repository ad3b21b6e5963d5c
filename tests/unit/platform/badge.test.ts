import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setBadge } from '@/lib/platform/badge';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('setBadge', () => {
  it('sets the colour once, then only the text', async () => {
    const colour = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');
    await setBadge(1);
    await setBadge(2);
    expect(colour).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it.each([
    [0, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
    [2500, '99+'],
  ])('%i unseen coupons read "%s"', async (count, text) => {
    await setBadge(count);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(text);
  });

  it('uses browserAction where there is no action (Firefox, Manifest V2)', async () => {
    const action = fakeBrowser.action;
    const setBadgeText = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, {
      action: undefined,
      browserAction: { setBadgeText, setBadgeBackgroundColor: vi.fn() },
    });
    try {
      await setBadge(3);
    } finally {
      Object.assign(fakeBrowser, { action });
    }
    expect(setBadgeText).toHaveBeenCalledWith({ text: '3' });
  });
});
