import { describe, expect, it, vi } from 'vitest';
import { ingestEvents } from '@/lib/db/events';
import { deleteInvite, openInviteFor, recordReminder, recordShare, setInviteStatus } from '@/lib/db/invites';
import { saveLink } from '@/lib/db/links';
import { markHandedOver, queueNotifications, unshownNotifications } from '@/lib/db/outbox';
import type { RefShareDB } from '@/lib/db/schema';
import { HOUR } from '@/lib/referral/time';
import type { StatusEvent } from '@/lib/referral/types';
import { ALI_SHORT, freshDb, settings, testCtx } from './testDb';

async function oneInvite(db: RefShareDB, ctx = testCtx()) {
  const link = await saveLink(db, { input: ALI_SHORT }, ctx);
  if (!link.ok) throw new Error(link.message);
  const invite = await recordShare(db, { linkId: link.value.id, channel: 'whatsapp', nickname: 'Ana' }, settings, ctx);
  if (!invite.ok) throw new Error(invite.message);
  return { ctx, invite: invite.value };
}

const ev = (inviteId: string, status: StatusEvent['status'], at: number, key = `${status}@${at}`): StatusEvent => ({
  key,
  inviteId,
  status,
  at,
  source: 'feed',
});

describe('recordShare', () => {
  it('creates a shared invite for the link, with channel and nickname', async () => {
    const db = freshDb();
    const { invite } = await oneInvite(db);
    expect(invite).toMatchObject({ programId: 'aliexpress', channel: 'whatsapp', nickname: 'Ana', status: 'shared' });
    expect(await db.invites.get(invite.id)).toEqual(invite);
  });

  it('refuses contact data as a nickname and stores nothing', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const link = await saveLink(db, { input: ALI_SHORT }, ctx);
    if (!link.ok) throw new Error(link.message);
    const r = await recordShare(
      db,
      { linkId: link.value.id, channel: 'sms', nickname: 'ana@example.com' },
      settings,
      ctx,
    );
    expect(r.ok).toBe(false);
    expect(await db.invites.count()).toBe(0);
  });

  it('refuses an unknown link', async () => {
    const db = freshDb();
    expect((await recordShare(db, { linkId: 'nope', channel: 'copy' }, settings, testCtx())).ok).toBe(false);
  });

  it('the same share sent again (its reply lost with a stopped worker) is one invite, the one made first', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const link = await saveLink(db, { input: ALI_SHORT }, ctx);
    if (!link.ok) throw new Error(link.message);
    const share = { linkId: link.value.id, channel: 'whatsapp' as const, nickname: 'Ana', shareId: 'click-1' };
    const first = await recordShare(db, share, settings, ctx);
    ctx.advance(HOUR);
    const again = await recordShare(db, share, settings, ctx);
    expect(first.ok && again.ok && again.value).toEqual(first.ok && first.value);
    expect(first.ok && first.value.id).toBe('click-1');
    expect(await db.invites.count()).toBe(1);
    // A different click is a different invite; an id reused for another channel is refused, nothing changes.
    expect((await recordShare(db, { ...share, shareId: 'click-2' }, settings, ctx)).ok).toBe(true);
    const clash = await recordShare(db, { ...share, channel: 'sms' }, settings, ctx);
    expect(clash).toMatchObject({ ok: false, code: 'conflict' });
    expect(await db.invites.count()).toBe(2);
  });
});

describe('a friend who already has an account', () => {
  it('shared anyway: the invite is recorded, as ineligible, once however often the request comes', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const link = await saveLink(db, { input: ALI_SHORT }, ctx);
    if (!link.ok) throw new Error(link.message);
    const share = {
      linkId: link.value.id,
      channel: 'sms' as const,
      nickname: 'Caio',
      shareId: 's1',
      alreadyMember: true,
    };
    const first = await recordShare(db, share, settings, ctx);
    expect(first.ok && first.value.status).toBe('ineligible');
    expect((await recordShare(db, share, settings, ctx)).ok).toBe(true);
    expect(await db.invites.count()).toBe(1);
    expect((await db.events.toArray()).map((e) => [e.status, e.source])).toEqual([['ineligible', 'manual']]);
    // Without the box ticked, an invite starts as shared.
    const plain = await recordShare(db, { ...share, shareId: 's2', alreadyMember: false }, settings, ctx);
    expect(plain.ok && plain.value.status).toBe('shared');
  });
});

describe('reminders instead of a second invite', () => {
  it("finds Ana's open invite, records a reminder on it once per click, and makes no second invite", async () => {
    const db = freshDb();
    const { ctx, invite } = await oneInvite(db);
    const found = await openInviteFor(db, { programId: 'aliexpress', nickname: ' ana ' });
    expect(found.ok && found.value?.id).toBe(invite.id);
    expect(await openInviteFor(db, { programId: 'temu', nickname: 'Ana' })).toEqual({ ok: true, value: null });
    ctx.advance(HOUR);
    const data = { inviteId: invite.id, channel: 'sms' as const, reminderId: 'click-1' };
    expect((await recordReminder(db, data, ctx)).ok).toBe(true);
    expect((await recordReminder(db, data, ctx)).ok).toBe(true);
    expect(await db.invites.count()).toBe(1);
    expect((await db.invites.get(invite.id))?.reminders).toEqual([{ id: 'click-1', at: ctx.now, channel: 'sms' }]);
    expect(await recordReminder(db, { ...data, inviteId: 'gone' }, ctx)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('ingestEvents', () => {
  it('moves the invite, stores every event with its verdict, and queues a coupon notification once', async () => {
    const db = freshDb();
    const { ctx, invite } = await oneInvite(db);
    const t = ctx.now;
    ctx.advance(2 * HOUR);
    const reports = await ingestEvents(
      db,
      [
        ev(invite.id, 'registered', t + HOUR),
        ev(invite.id, 'first_purchase', t + 2 * HOUR),
        {
          ...ev(invite.id, 'coupon_received', t + 2 * HOUR),
          coupon: { title: 'US $3 off', value: 3, currency: 'USD', minSpend: 10 },
        },
      ],
      settings,
      ctx,
    );
    expect(reports.map((r) => r.outcome.result)).toEqual(['applied', 'applied', 'applied']);
    const stored = await db.invites.get(invite.id);
    expect(stored?.status).toBe('coupon_received');
    expect(await db.events.where('inviteId').equals(invite.id).count()).toBe(3);
    const coupons = await db.coupons.toArray();
    expect(coupons).toHaveLength(1);
    expect(coupons[0]).toMatchObject({ inviteId: invite.id, programId: 'aliexpress', value: 3, state: 'available' });
    const outbox = await unshownNotifications(db);
    expect(outbox.map((o) => o.notification)).toEqual(['coupon_arrived']);

    // Replaying the whole batch changes nothing: no new event rows, coupons or notifications.
    const before = await db.invites.get(invite.id);
    const replay = await ingestEvents(
      db,
      [ev(invite.id, 'registered', t + HOUR), ev(invite.id, 'coupon_received', t + 2 * HOUR)],
      settings,
      ctx,
    );
    expect(replay.map((r) => r.outcome.result)).toEqual(['duplicate', 'duplicate']);
    expect(await db.invites.get(invite.id)).toEqual(before);
    expect(await db.events.count()).toBe(3);
    expect(await db.coupons.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps an event for an unknown invite instead of dropping it', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const [report] = await ingestEvents(db, [ev('ghost', 'registered', ctx.now)], settings, ctx);
    expect(report?.outcome.result).toBe('unknown_invite');
    expect(await db.events.get(`registered@${ctx.now}`)).toMatchObject({ outcome: 'unknown_invite' });
  });

  it('records an impossible transition as rejected, with a reason, and keeps the state', async () => {
    const db = freshDb();
    const { ctx, invite } = await oneInvite(db);
    ctx.advance(HOUR);
    await ingestEvents(db, [ev(invite.id, 'coupon_received', ctx.now)], settings, ctx);
    const [report] = await ingestEvents(db, [ev(invite.id, 'ineligible', ctx.now)], settings, ctx);
    expect(report?.outcome.result).toBe('rejected');
    const stored = await db.invites.get(invite.id);
    expect(stored?.status).toBe('coupon_received');
    expect(stored?.rejected.map((r) => r.status)).toEqual(['ineligible']);
    expect((await db.events.get(`ineligible@${ctx.now}`))?.reason).toMatch(/\w+/);
  });

  it('is all or nothing: a failure late in the transaction leaves invites and events untouched', async () => {
    const db = freshDb();
    const { ctx, invite } = await oneInvite(db);
    ctx.advance(HOUR);
    const spy = vi.spyOn(db.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(ingestEvents(db, [ev(invite.id, 'coupon_received', ctx.now)], settings, ctx)).rejects.toThrow();
    spy.mockRestore();
    expect((await db.invites.get(invite.id))?.status).toBe('shared');
    expect(await db.events.count()).toBe(0);
    // And the same event applies cleanly afterwards.
    await ingestEvents(db, [ev(invite.id, 'coupon_received', ctx.now)], settings, ctx);
    expect((await db.invites.get(invite.id))?.status).toBe('coupon_received');
  });
});

describe('setInviteStatus and deleteInvite', () => {
  it('applies a manual status once; choosing it again is a duplicate', async () => {
    const db = freshDb();
    const { ctx, invite } = await oneInvite(db);
    ctx.advance(HOUR);
    const first = await setInviteStatus(db, { inviteId: invite.id, status: 'registered' }, settings, ctx);
    expect(first).toMatchObject({
      ok: true,
      value: { outcome: { result: 'applied', from: 'shared', to: 'registered' } },
    });
    const again = await setInviteStatus(db, { inviteId: invite.id, status: 'registered' }, settings, ctx);
    expect(again).toMatchObject({ ok: true, value: { outcome: { result: 'duplicate' } } });
    expect((await setInviteStatus(db, { inviteId: 'nope', status: 'registered' }, settings, ctx)).ok).toBe(false);
  });

  it('deletes an invite with its events', async () => {
    const db = freshDb();
    const { ctx, invite } = await oneInvite(db);
    await setInviteStatus(db, { inviteId: invite.id, status: 'registered' }, settings, ctx);
    await deleteInvite(db, invite.id);
    expect(await db.invites.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });
});

describe('notification outbox', () => {
  it('lists what is not shown yet, and a shown entry is not listed again nor re-queued', async () => {
    const db = freshDb();
    const { ctx, invite } = await oneInvite(db);
    ctx.advance(HOUR);
    await ingestEvents(db, [ev(invite.id, 'coupon_received', ctx.now)], settings, ctx);
    const [entry] = await unshownNotifications(db);
    expect(entry).toMatchObject({ key: `coupon_arrived:${invite.id}`, shown: 0 });
    await markHandedOver(db, entry?.key ?? '', ctx.now);
    expect(await unshownNotifications(db)).toEqual([]);
    expect(
      await queueNotifications(
        db,
        [{ kind: 'notify', notification: 'coupon_arrived', key: entry?.key ?? '', title: 't', message: 'm' }],
        ctx.now,
      ),
    ).toBe(0);
    expect(await unshownNotifications(db)).toEqual([]);
  });
});
