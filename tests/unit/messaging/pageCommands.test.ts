import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type DispatchDeps, dispatch, type Sender } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { loadSettings } from '@/lib/settings';
import { ALI_SHORT, freshDb, settings, TEMU, testCtx } from '../db/testDb';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
const content = (url: string): Sender => ({ id: ID, url, tab: { url } });
const PRODUCT = content('https://www.aliexpress.com/item/1005006.html');
const INVITE_PAGE = content('https://star.aliexpress.com/share/share.htm');
const msg = (command: string, data: unknown) => ({ channel: CHANNEL, command, data });

function deps(): DispatchDeps {
  const ctx = testCtx();
  return {
    db: freshDb(),
    settings: async () => settings,
    extensionId: ID,
    extensionOrigin: ORIGIN,
    now: () => ctx.now,
    newId: ctx.newId,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('content-script commands', () => {
  it('pageState tells the program and whether a link exists, never the link', async () => {
    const d = deps();
    expect(await dispatch(msg('pageState', {}), PRODUCT, d)).toEqual({
      ok: true,
      value: { program: { id: 'aliexpress', name: 'AliExpress' }, hasLink: false, muted: false },
    });
    await dispatch(msg('saveLink', { input: ALI_SHORT }), { id: ID, url: `${ORIGIN}popup.html` }, d);
    const reply = await dispatch(msg('pageState', {}), PRODUCT, d);
    expect(reply).toMatchObject({ ok: true, value: { hasLink: true } });
    expect(JSON.stringify(reply)).not.toContain('mKXyZab');
    expect(await dispatch(msg('pageState', {}), content('https://news.example.org/'), d)).toMatchObject({
      ok: true,
      value: { program: null },
    });
  });

  it('pageState brings the button’s remembered place on this site when there is a button to show', async () => {
    const d = deps();
    await fakeBrowser.storage.local.set({
      launcherPlaces: { 'www.aliexpress.com': { corner: 'top-left', collapsed: true }, 'www.temu.com': {} },
    });
    expect(await dispatch(msg('pageState', {}), PRODUCT, d)).not.toHaveProperty('value.place');
    await dispatch(msg('saveLink', { input: ALI_SHORT }), { id: ID, url: `${ORIGIN}popup.html` }, d);
    expect(await dispatch(msg('pageState', {}), PRODUCT, d)).toMatchObject({
      value: { hasLink: true, place: { corner: 'top-left', collapsed: true } },
    });
    await dispatch(msg('muteSite', { muted: true }), PRODUCT, d);
    expect(await dispatch(msg('pageState', {}), PRODUCT, d)).not.toHaveProperty('value.place');
  });

  it('muteSite mutes the sender’s own site; the payload cannot name another', async () => {
    const d = deps();
    expect(await dispatch(msg('muteSite', { muted: true }), PRODUCT, d)).toEqual({
      ok: true,
      value: { host: 'www.aliexpress.com', muted: true },
    });
    expect((await loadSettings()).mutedSites).toEqual(['www.aliexpress.com']);
    expect(await dispatch(msg('pageState', {}), PRODUCT, d)).toMatchObject({ value: { muted: true } });
    const forged = await dispatch(msg('muteSite', { muted: true, host: 'www.temu.com' }), PRODUCT, d);
    expect(forged).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await dispatch(msg('muteSite', { muted: false }), PRODUCT, d);
    expect((await loadSettings()).mutedSites).toEqual([]);
  });

  it('captureLink saves a link of the page’s own program only', async () => {
    const d = deps();
    expect(await dispatch(msg('captureLink', { input: ALI_SHORT }), INVITE_PAGE, d)).toMatchObject({
      ok: true,
      value: { programId: 'aliexpress', url: ALI_SHORT },
    });
    expect(await dispatch(msg('captureLink', { input: TEMU }), INVITE_PAGE, d)).toMatchObject({
      ok: false,
      error: { code: 'invalid_link' },
    });
    expect(await dispatch(msg('captureLink', { input: ALI_SHORT }), content('https://evil.example/'), d)).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    );
    expect(await d.db.links.count()).toBe(1);
  });

  it('importCoupons adds the page program’s coupons once', async () => {
    const d = deps();
    const coupons = [{ title: 'US $2 off', value: 2, currency: 'USD', minSpend: 10 }];
    const page = content('https://www.aliexpress.com/p/coupon-pc/index.html');
    expect(await dispatch(msg('importCoupons', { coupons }), page, d)).toMatchObject({ ok: true });
    await dispatch(msg('importCoupons', { coupons }), page, d);
    expect(await d.db.coupons.toArray()).toMatchObject([{ programId: 'aliexpress', title: 'US $2 off' }]);
  });

  it.each([
    ['saveLink', { input: ALI_SHORT }],
    ['deleteAllData', { confirm: 'DELETE' }],
    ['listLinks', {}],
    ['recordShare', { linkId: 'x', channel: 'sms' }],
    // A page must not subscribe RefShare to its own feed (it would choose where requests go) nor drop the user's.
    ['addFeed', { url: 'https://feeds.example.com/f.json' }],
    ['removeFeed', { id: 'x' }],
  ])('a content script cannot send %s', async (command, data) => {
    const d = deps();
    expect(await dispatch(msg(command, data), PRODUCT, d)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await d.db.links.count()).toBe(0);
    expect(await d.db.feeds.count()).toBe(0);
  });

  it('a content script cannot remove a feed the user added', async () => {
    const d = deps();
    const added = await dispatch(
      msg('addFeed', { url: 'https://feeds.example.com/f.json' }),
      { id: ID, url: `${ORIGIN}options.html` },
      d,
    );
    expect(added).toMatchObject({ ok: true });
    const id = (added as { value: { id: string } }).value.id;
    expect(await dispatch(msg('removeFeed', { id }), PRODUCT, d)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await d.db.feeds.count()).toBe(1);
  });

  it('refuses page commands from other extensions and non-web senders', async () => {
    const d = deps();
    const other = { id: 'other', url: 'https://www.aliexpress.com/', tab: {} };
    expect(await dispatch(msg('pageState', {}), other, d)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const file = content('file:///home/user/page.html');
    expect(await dispatch(msg('muteSite', { muted: true }), file, d)).toMatchObject({ ok: false });
    expect((await loadSettings()).mutedSites).toEqual([]);
  });
});
