import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type DispatchDeps, dispatch, type Sender } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { freshDb, settings, testCtx } from '../db/testDb';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
const dashboard: Sender = { id: ID, url: `${ORIGIN}options.html` };
const FEED = 'https://feeds.example.com/refshare.json';

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

const msg = (command: string, data: unknown) => ({ channel: CHANNEL, command, data });

beforeEach(() => fakeBrowser.reset());

describe('addFeed / removeFeed commands', () => {
  it('the dashboard adds a feed (due at once) and removes it', async () => {
    const d = deps();
    const added = await dispatch(msg('addFeed', { url: FEED }), dashboard, d);
    expect(added).toEqual({
      ok: true,
      value: { id: expect.any(String), url: FEED, addedAt: d.now(), failures: 0, nextAttemptAt: d.now() },
    });
    const id = added.ok ? (added.value as { id: string }).id : '';
    expect(await dispatch(msg('addFeed', { url: FEED }), dashboard, d)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This feed is already in the list.' },
    });
    expect(await dispatch(msg('removeFeed', { id }), dashboard, d)).toEqual({
      ok: true,
      value: { id },
    });
    expect(await dispatch(msg('removeFeed', { id }), dashboard, d)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await d.db.feeds.count()).toBe(0);
  });

  it.each<[string, unknown, string, RegExp?]>([
    ['plain http to a remote host', msg('addFeed', { url: 'http://feeds.example.com/f' }), 'invalid_input', /https/],
    ['a javascript: address', msg('addFeed', { url: 'javascript:alert(1)' }), 'invalid_input', /javascript:/],
    ['credentials in the address', msg('addFeed', { url: 'https://u:p@feeds.example.com/' }), 'invalid_input'],
    ['a 3,000-character address', msg('addFeed', { url: `${FEED}?${'a'.repeat(3000)}` }), 'invalid_input', /2,048/],
    ['no url', msg('addFeed', {}), 'bad_request'],
    ['a url that is not text', msg('addFeed', { url: ['https://a.example/'] }), 'bad_request'],
    ['an extra field', msg('addFeed', { url: FEED, cursor: 'skip-ahead' }), 'bad_request'],
    ['an empty id', msg('removeFeed', { id: '' }), 'bad_request'],
  ])('refuses %s and stores nothing', async (_name, message, code, text) => {
    const d = deps();
    const reply = await dispatch(message, dashboard, d);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    if (text && !reply.ok) expect(reply.error.message).toMatch(text);
    expect(await d.db.feeds.count()).toBe(0);
  });
});

describe('syncNow command', () => {
  it('runs the background loop and says what it did', async () => {
    let runs = 0;
    const d: DispatchDeps = {
      ...deps(),
      sync: async () => {
        runs++;
        return {
          feeds: { applied: 3 },
          rules: { invites: 0, events: 0, notifications: 0, batches: 1 },
          outbox: { shown: 2, deferred: 0, dropped: 0, failed: 0, adopted: 0 },
          errors: [{ step: 'feeds', message: 'The feed answered HTTP 503 Service Unavailable.' }],
        };
      },
    };
    expect(await dispatch(msg('syncNow', {}), dashboard, d)).toEqual({
      ok: true,
      value: {
        feedEvents: 3,
        notificationsShown: 2,
        errors: ['feeds: The feed answered HTTP 503 Service Unavailable.'],
      },
    });
    expect(runs).toBe(1);
  });

  it('is refused from a content script, and says so where there is no loop to run', async () => {
    const page: Sender = {
      id: ID,
      url: 'https://www.aliexpress.com/item/1.html',
      tab: { url: 'https://www.aliexpress.com/item/1.html' },
    };
    expect(
      await dispatch(msg('syncNow', {}), page, { ...deps(), sync: async () => Promise.reject(new Error('ran')) }),
    ).toMatchObject({
      ok: false,
    });
    expect(await dispatch(msg('syncNow', {}), dashboard, deps())).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
