import { time } from '@/lib/backup/checks';
import type { DeletedCounts, ImportSummary } from '@/lib/db/backup';
import type { IngestReport } from '@/lib/db/events';
import type { FeedRecord } from '@/lib/db/schema';
import type { ShareFacts } from '@/lib/referral/shareFacts';
import type { Coupon, CustomProgramData, Invite, ReferralLink, Say } from '@/lib/referral/types';
import { CHANNELS, OBSERVED_STATUSES } from '@/lib/referral/vocabulary';
import { bool, type Check, list, num, obj, oneOf, str } from './shape';

/** Messages carry this channel name; anything else is not ours and is ignored. */
export const CHANNEL = 'refshare/v1';

const id = str(100, 1);
/** Coupon fields are validated by the engine (validateCouponInput); here only the envelope. */
const couponPayload: Check<unknown> = (v, path) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? { ok: true, value: v }
    : { ok: false, message: `${path}: expected a coupon object` };
/** A backup is validated in full by the repository (lib/backup/validate.ts); here only the envelope. */
const backupPayload: Check<unknown> = (v, path) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? { ok: true, value: v }
    : { ok: false, message: `${path}: expected a backup object` };

/**
 * Every command the UI (and, where `contentScript` is true, a content script) can ask of the background:
 * one entry each, with the shape of its data and the type of its reply value.
 */
export const PROTOCOL = {
  saveLink: {
    data: obj({ input: str(4096) }, { label: str(80), notes: str(500), programId: str(80) }),
    reply: {} as ReferralLink,
  },
  updateLink: { data: obj({ id }, { label: str(80), notes: str(500) }), reply: {} as ReferralLink },
  deleteLink: { data: obj({ id }), reply: {} as { id: string } },
  setPrimaryLink: { data: obj({ id }), reply: {} as ReferralLink },
  listLinks: { data: obj({}), reply: [] as ReferralLink[] },
  /** The user's custom programs (the shop panel cannot read IndexedDB from inside a web page). */
  listCustomPrograms: { data: obj({}), reply: [] as CustomProgramData[] },
  saveCustomProgram: {
    data: obj(
      { name: str(200), shoppingHosts: list(str(253), 20), linkPattern: str(2048), rewardDelayHours: num(0, 24 * 366) },
      { perkText: str(200), friendSteps: list(str(240), 6), monthlyCap: num(1, 1000) },
    ),
    reply: {} as CustomProgramData,
  },
  deleteCustomProgram: { data: obj({ id }), reply: {} as { id: string } },
  /**
   * `shareId`: the page's id for this one click, used as the invite's id, so the same request sent again (its reply
   * lost with a stopped worker) records one invite. Without it the background makes a new id each time.
   * `alreadyMember`: the user said the friend already has an account; the invite is recorded as ineligible.
   */
  recordShare: {
    data: obj({ linkId: id, channel: oneOf(CHANNELS) }, { nickname: str(200), shareId: id, alreadyMember: bool() }),
    reply: {} as Invite,
  },
  /** The newest open invite of the program for this nickname (null when none): the share card offers a reminder. */
  openInvite: { data: obj({ programId: str(80, 1), nickname: str(200, 1) }), reply: {} as Invite | null },
  /**
   * Read only: what the share card says about a program — its monthly cap this month (in the device's time zone),
   * friends who joined and coupons earned (lib/referral/shareFacts.ts). An unknown program is refused (not_found).
   */
  shareFacts: { data: obj({ programId: str(80, 1) }), reply: {} as ShareFacts },
  /** "Send a reminder": recorded on that open invite; `reminderId` is the page's id for the click. */
  recordReminder: {
    data: obj({ inviteId: id, channel: oneOf(CHANNELS), reminderId: id }),
    reply: {} as Invite,
  },
  setInviteStatus: {
    // A time a Date can hold, as in a backup (an event dated beyond it could be stored but never restored).
    data: obj({ inviteId: id, status: oneOf(OBSERVED_STATUSES) }, { at: time }),
    reply: {} as IngestReport,
  },
  deleteInvite: { data: obj({ id }), reply: {} as { id: string } },
  addCoupons: {
    data: obj({ programId: str(80, 1), coupons: list(couponPayload, 100) }, { inviteId: id }),
    reply: {} as { added: Coupon[]; existing: Coupon[] },
  },
  markCouponUsed: { data: obj({ id, used: bool() }), reply: {} as Coupon },
  markCouponsSeen: { data: obj({ ids: list(id, 1000) }), reply: {} as { count: number } },
  /** Adds a backup's rows, replacing rows with the same id; settings are applied by the page afterwards. */
  importBackup: { data: obj({ backup: backupPayload }), reply: {} as ImportSummary },
  /** Deletes all referral data and resets settings; `confirm` must be 'DELETE', so no stray message can do it. */
  deleteAllData: { data: obj({ confirm: oneOf(['DELETE']) }), reply: {} as DeletedCounts },
  /**
   * Subscribes to a status feed. The page asks for the feed site's host permission first (it needs the click);
   * the address is checked again here. The length bound is loose so that a long address gets feedUrlError's
   * sentence rather than a shape error.
   */
  addFeed: { data: obj({ url: str(4096) }), reply: {} as FeedRecord },
  removeFeed: { data: obj({ id }), reply: {} as { id: string } },
  /** Runs the background loop now, reading every feed (not only those due): what "Add feed" does to check a new feed. */
  syncNow: { data: obj({}), reply: {} as SyncSummary },
} satisfies Record<string, { data: Check<unknown>; reply: unknown }>;

/** What a sync run did, as the UI may show it. */
export interface SyncSummary {
  feedEvents: number;
  notificationsShown: number;
  errors: string[];
}

type Protocol = typeof PROTOCOL;
export type Command = keyof Protocol;
export type CommandData<C extends Command> = Protocol[C]['data'] extends Check<infer T> ? T : never;
export type CommandReply<C extends Command> = Protocol[C]['reply'];

/** What the background answers: the value, or why it refused. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; say?: Say } };
