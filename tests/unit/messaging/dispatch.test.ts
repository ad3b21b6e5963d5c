import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import { DB_NAME, openDatabase } from '@/lib/db/schema';
import { type DispatchDeps, dispatch, type Sender } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { ALI_SHORT, freshDb, settings, testCtx } from '../db/testDb';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
const popup: Sender = { id: ID, url: `${ORIGIN}popup.html` };

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

describe('dispatch', () => {
  it('saves a link for the extension’s own page', async () => {
    const d = deps();
    const reply = await dispatch(msg('saveLink', { input: ALI_SHORT, label: 'Main' }), popup, d);
    expect(reply).toMatchObject({ ok: true, value: { url: ALI_SHORT, programId: 'aliexpress', label: 'Main' } });
    expect(await d.db.links.count()).toBe(1);
  });

  it.each<[string, Sender]>([
    ['a web page (content script sender)', { id: ID, url: 'https://www.aliexpress.com/item/1.html' }],
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }],
    ['a look-alike origin', { id: ID, url: `chrome-extension://${ID}.evil.example/popup.html` }],
    ['no sender id', { url: `${ORIGIN}popup.html` }],
  ])('refuses a write from %s and changes nothing', async (_name, sender) => {
    const d = deps();
    const reply = await dispatch(msg('saveLink', { input: ALI_SHORT }), sender, d);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await d.db.links.count()).toBe(0);
  });

  it.each<[string, unknown, string]>([
    ['a string', 'saveLink', 'bad_request'],
    ['null', null, 'bad_request'],
    ['a foreign channel', { channel: 'other', command: 'saveLink', data: { input: ALI_SHORT } }, 'bad_request'],
    ['an unknown command', msg('dropDatabase', {}), 'unknown_command'],
    ['a prototype key as command', msg('__proto__', {}), 'unknown_command'],
    ['a number for the link', msg('saveLink', { input: 42 }), 'bad_request'],
    ['an extra field', msg('saveLink', { input: ALI_SHORT, admin: true }), 'bad_request'],
    ['an inherited name as a field', msg('saveLink', { input: ALI_SHORT, constructor: 1 }), 'bad_request'],
    ['an array as data', msg('saveLink', [ALI_SHORT]), 'bad_request'],
    ['an over-long label', msg('saveLink', { input: ALI_SHORT, label: 'x'.repeat(5000) }), 'bad_request'],
    ['an unknown channel name', msg('recordShare', { linkId: 'l', channel: 'carrier-pigeon' }), 'bad_request'],
    ['a NaN time', msg('setInviteStatus', { inviteId: 'i', status: 'registered', at: Number.NaN }), 'bad_request'],
    ['a javascript: link', msg('saveLink', { input: 'javascript:alert(1)' }), 'invalid_link'],
  ])('answers %s with an error and changes nothing', async (_name, message, code) => {
    const d = deps();
    const reply = await dispatch(message, popup, d);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await d.db.links.count()).toBe(0);
  });

  it('reports a failing handler as an internal error rather than throwing', async () => {
    const d = deps();
    d.db.close();
    const reply = await dispatch(msg('saveLink', { input: ALI_SHORT }), popup, d);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('calls afterChange only when a command succeeded', async () => {
    let changes = 0;
    const d = { ...deps(), afterChange: () => changes++ };
    await dispatch(msg('saveLink', { input: 'javascript:void 0' }), popup, d);
    expect(changes).toBe(0);
    await dispatch(msg('saveLink', { input: ALI_SHORT }), popup, d);
    expect(changes).toBe(1);
  });
});

describe('background worker (WXT fake browser)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Dexie.delete(DB_NAME);
  });

  /**
   * Delivers a message the way Chrome does: to every onMessage listener, with a sender, taking the answer only
   * through `sendResponse` after the listener returned true (Chrome ignores a returned promise).
   */
  async function deliver(message: unknown, sender: Sender) {
    let answer: (reply: unknown) => void = () => {};
    const replied = new Promise((resolve) => {
      answer = resolve;
    });
    const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, (reply) => answer(reply));
    expect(results[0]).toBe(true);
    return replied;
  }

  it('answers its own pages and refuses forged senders, storing only the legitimate link', async () => {
    // Events the fake browser does not implement; the test is about messages.
    for (const event of [
      fakeBrowser.permissions.onAdded,
      fakeBrowser.contextMenus.onClicked,
      fakeBrowser.commands.onCommand,
    ]) {
      vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    }
    background.main();
    const saved = await deliver(msg('saveLink', { input: ALI_SHORT }), popup);
    expect(saved).toMatchObject({ ok: true, value: { url: ALI_SHORT } });
    const forged = await deliver(msg('saveLink', { input: 'https://a.aliexpress.com/_forged1' }), {
      id: ID,
      url: 'https://evil.example/',
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const db = openDatabase();
    expect((await db.links.toArray()).map((l) => l.url)).toEqual([ALI_SHORT]);
    db.close();
  });
});
