import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordShare, setInviteStatus, shareFactsFor } from '@/lib/db/invites';
import { saveLink } from '@/lib/db/links';
import { saveCustomProgram } from '@/lib/db/programs';
import type { RefShareDB } from '@/lib/db/schema';
import { type DispatchDeps, dispatch, type Sender } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { HOUR } from '@/lib/referral/time';
import type { ObservedStatus } from '@/lib/referral/types';
import { ALI_SHORT, freshDb, settings, TEMU, testCtx } from '../db/testDb';
import { snapshot } from '../hostile/world';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
const DASHBOARD: Sender = { id: ID, url: `${ORIGIN}popup.html` };
const msg = (data: unknown) => ({ channel: CHANNEL, command: 'shareFacts', data });

/** A user with AliExpress invites at several statuses and one Temu invite whose coupon arrived. */
async function user() {
  const db = freshDb();
  const ctx = testCtx();
  const share = async (input: string, statuses: ObservedStatus[]) => {
    const link = await saveLink(db, { input }, ctx);
    if (!link.ok) throw new Error(link.message);
    const invite = await recordShare(db, { linkId: link.value.id, channel: 'sms' }, settings, ctx);
    if (!invite.ok) throw new Error(invite.message);
    for (const status of statuses) await setInviteStatus(db, { inviteId: invite.value.id, status }, settings, ctx);
  };
  await share(ALI_SHORT, []);
  await share(ALI_SHORT, ['registered']);
  await share(ALI_SHORT, ['first_purchase']);
  await share(ALI_SHORT, ['coupon_received']);
  await share(ALI_SHORT, ['coupon_received']);
  await share(ALI_SHORT, ['ineligible']);
  await share(TEMU, ['coupon_received']);
  ctx.advance(HOUR);
  return { db, ctx };
}

function deps(db: RefShareDB, now: number): DispatchDeps {
  return {
    db,
    settings: async () => settings,
    extensionId: ID,
    extensionOrigin: ORIGIN,
    now: () => now,
    newId: () => 'x',
  };
}

describe('shareFactsFor (store)', () => {
  it("answers one program's cap, friends joined and coupons earned from its invites", async () => {
    const { db, ctx } = await user();
    expect(await shareFactsFor(db, { programId: 'aliexpress' }, settings, ctx)).toEqual({
      ok: true,
      value: { cap: { used: 2, reached: false }, friendsJoined: 4, couponsEarned: 2 },
    });
    expect(await shareFactsFor(db, { programId: 'temu' }, settings, ctx)).toEqual({
      ok: true,
      value: { cap: { used: 1, reached: false }, friendsJoined: 1, couponsEarned: 1 },
    });
  });

  it('a custom program with no invites yet: all zero; an unknown program: not_found', async () => {
    const { db, ctx } = await user();
    const custom = await saveCustomProgram(
      db,
      {
        name: 'Corner Shop',
        shoppingHosts: ['shop.example.com'],
        linkPattern: 'https://shop.example.com/i/{code}',
        rewardDelayHours: 24,
      },
      ctx,
    );
    if (!custom.ok) throw new Error(custom.message);
    expect(await shareFactsFor(db, { programId: custom.value.id }, settings, ctx)).toEqual({
      ok: true,
      value: { cap: { used: 0, reached: false }, friendsJoined: 0, couponsEarned: 0 },
    });
    expect(await shareFactsFor(db, { programId: 'custom:gone' }, settings, ctx)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('shareFacts command (dispatcher)', () => {
  it('answers RefShare’s own pages, and changes nothing', async () => {
    const { db, ctx } = await user();
    const before = await snapshot(db);
    const reply = await dispatch(msg({ programId: 'aliexpress' }), DASHBOARD, deps(db, ctx.now));
    expect(reply).toEqual({
      ok: true,
      value: { cap: { used: 2, reached: false }, friendsJoined: 4, couponsEarned: 2 },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each<[string, unknown, Sender, string]>([
    ['a content script', { programId: 'aliexpress' }, { id: ID, url: 'https://www.aliexpress.com/' }, 'forbidden'],
    ['another extension', { programId: 'aliexpress' }, { id: 'other', url: 'chrome-extension://other/' }, 'forbidden'],
    ['no program', {}, DASHBOARD, 'bad_request'],
    ['an empty program id', { programId: '' }, DASHBOARD, 'bad_request'],
    ['an over-long program id', { programId: 'x'.repeat(81) }, DASHBOARD, 'bad_request'],
    ['a number', { programId: 42 }, DASHBOARD, 'bad_request'],
    ['an extra field', { programId: 'aliexpress', nickname: 'Ana' }, DASHBOARD, 'bad_request'],
    ['a prototype key', { programId: '__proto__' }, DASHBOARD, 'not_found'],
    ['an unknown program', { programId: 'custom:gone' }, DASHBOARD, 'not_found'],
  ])('refuses %s with a reason and changes nothing', async (_label, data, sender, code) => {
    const { db, ctx } = await user();
    const before = await snapshot(db);
    const reply = await dispatch(msg(data), sender, deps(db, ctx.now));
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await snapshot(db)).toEqual(before);
  });
});
