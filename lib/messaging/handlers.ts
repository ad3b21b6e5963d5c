import { turnBrowserSyncOff } from '@/lib/browserSync/keys';
import { deleteAllData, importBackup } from '@/lib/db/backup';
import { addCoupons, markCouponsSeen, markCouponUsed } from '@/lib/db/coupons';
import { addFeed, removeFeed } from '@/lib/db/feeds';
import {
  deleteInvite,
  openInviteFor,
  recordReminder,
  recordShare,
  setInviteStatus,
  shareFactsFor,
} from '@/lib/db/invites';
import { deleteLink, saveLink, setPrimaryLink, updateLink } from '@/lib/db/links';
import type { LoopReport } from '@/lib/db/loop';
import { deleteCustomProgram, saveCustomProgram } from '@/lib/db/programs';
import { type Ctx, err, ok, type Result } from '@/lib/db/result';
import type { RefShareDB } from '@/lib/db/schema';
import type { Settings } from '@/lib/referral/types';
import { resetSettings } from '@/lib/settings';
import type { Command, CommandData, CommandReply } from './protocol';

export interface HandlerDeps {
  db: RefShareDB;
  settings: () => Promise<Settings>;
  /** Runs the background loop now (the background's runner: never two runs at once). */
  sync?: () => Promise<LoopReport>;
}

type Handlers = {
  [C in Command]: (data: CommandData<C>, ctx: Ctx, deps: HandlerDeps) => Promise<Result<CommandReply<C>>>;
};

/** One handler per command; each is a thin call into the repository (lib/db). */
export const HANDLERS: Handlers = {
  saveLink: (data, ctx, { db }) => saveLink(db, data, ctx),
  updateLink: (data, ctx, { db }) => updateLink(db, data, ctx),
  deleteLink: (data, ctx, { db }) => deleteLink(db, data.id, ctx),
  setPrimaryLink: (data, ctx, { db }) => setPrimaryLink(db, data.id, ctx),
  listLinks: async (_data, _ctx, { db }) => ok(await db.links.orderBy('createdAt').toArray()),
  listCustomPrograms: async (_data, _ctx, { db }) => ok(await db.programs.orderBy('createdAt').toArray()),
  saveCustomProgram: (data, ctx, { db }) => saveCustomProgram(db, data, ctx),
  deleteCustomProgram: (data, _ctx, { db }) => deleteCustomProgram(db, data.id),
  recordShare: async (data, ctx, { db, settings }) => recordShare(db, data, await settings(), ctx),
  openInvite: (data, _ctx, { db }) => openInviteFor(db, data),
  shareFacts: async (data, ctx, { db, settings }) => shareFactsFor(db, data, await settings(), ctx),
  recordReminder: (data, ctx, { db }) => recordReminder(db, data, ctx),
  setInviteStatus: async (data, ctx, { db, settings }) => setInviteStatus(db, data, await settings(), ctx),
  deleteInvite: (data, _ctx, { db }) => deleteInvite(db, data.id),
  addCoupons: async (data, ctx, { db, settings }) => addCoupons(db, data, await settings(), ctx),
  markCouponUsed: (data, ctx, { db }) => markCouponUsed(db, data, ctx),
  markCouponsSeen: (data, ctx, { db }) => markCouponsSeen(db, data.ids, ctx),
  importBackup: (data, ctx, { db }) => importBackup(db, data.backup, ctx),
  deleteAllData: async (_data, _ctx, { db }) => {
    // Browser sync goes off first: a meeting that saw the emptied tables would delete the links in every other
    // browser too. Their copies stay theirs; turning sync on again here brings them back.
    await turnBrowserSyncOff();
    const result = await deleteAllData(db);
    // Settings go with the data ("delete everything" means everything); done here so that closing the page
    // right after the click cannot leave them behind. The data is gone either way, so a failure is only logged.
    if (result.ok) await resetSettings().catch((e) => console.error('RefShare: settings not reset', e));
    return result;
  },
  addFeed: (data, ctx, { db }) => addFeed(db, data.url, ctx),
  removeFeed: (data, _ctx, { db }) => removeFeed(db, data.id),
  syncNow: async (_data, _ctx, { sync }) => {
    if (!sync) return err('internal', 'The background loop is not running here.');
    const report = await sync();
    return ok({
      // What pullDueFeeds reported (lib/db/feeds.ts); the runner passes it on untyped.
      feedEvents: (report.feeds as { applied?: number } | undefined)?.applied ?? 0,
      notificationsShown: report.outbox.shown,
      errors: report.errors.map((e) => `${e.step}: ${e.message}`),
    });
  },
};
