/**
 * Backup files for the chaos scenarios, made the way RefShare itself makes its rows: invites by the engine's
 * newInvite and applyEvent (so statuses, milestones, reward and due times are what the background would have
 * stored), coupons by newCoupon, the file by buildBackup, and each file checked by the product's own validateBackup
 * before a test uses it (a file the product would refuse would test nothing).
 */
import { type BackupFile, buildBackup } from '@/lib/backup/format';
import { validateBackup } from '@/lib/backup/validate';
import type { StoredEvent } from '@/lib/db/schema';
import { newCoupon } from '@/lib/referral/coupons';
import { applyEvent, newInvite } from '@/lib/referral/invites';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import type { Channel, Coupon, Invite, ObservedStatus, ReferralLink } from '@/lib/referral/types';
import type { Rng } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An AliExpress invite link and its code (as in loop.test.ts): the link a person saves first. */
export const LINK =
  'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DIN7XK2P9';
export const CODE = 'IN7XK2P9';
/** A second link of the same shape (another account's code), which the 10,000-invite backup brings. */
const OTHER_LINK = LINK.replace('IN7XK2P9', 'IN4RQ8ZM');

/** The settings a backup carries: a fresh install's, with the device's time zone. */
const SETTINGS: BackupFile['settings'] = {
  ...DEFAULT_SETTINGS,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  language: 'auto',
  quietHours: null,
  mutedSites: [],
  templates: {},
};

function linkRow(id: string, url: string, code: string, label: string, createdAt: number): ReferralLink {
  return { id, programId: 'aliexpress', url, code, label, primary: 1, createdAt, updatedAt: createdAt };
}

/** An invite shared at `sharedAt` and moved along by hand (each step one manual event), with the stored events. */
function inviteWithHistory(
  args: { id: string; linkId: string; nickname: string; channel: Channel; sharedAt: number },
  steps: { status: ObservedStatus; at: number }[],
): { invite: Invite; events: StoredEvent[] } {
  let invite = newInvite({ ...args, programId: 'aliexpress', now: args.sharedAt }, aliexpress, DEFAULT_SETTINGS);
  const events: StoredEvent[] = [];
  for (const step of steps) {
    const event = { key: `manual:${args.id}:${step.status}`, inviteId: args.id, ...step, source: 'manual' as const };
    const r = applyEvent(invite, event, aliexpress, DEFAULT_SETTINGS, step.at);
    if (r.outcome.result !== 'applied') throw new Error(`backup fixture: ${event.key} was ${r.outcome.result}`);
    invite = r.invite;
    events.push({ ...event, receivedAt: step.at, outcome: r.outcome.result });
  }
  return { invite, events };
}

function checked(file: BackupFile): BackupFile {
  const v = validateBackup(JSON.parse(JSON.stringify(file)));
  if (!v.ok) throw new Error(`backup fixture refused by the product's own check: ${v.reason} ${v.detail}`);
  return file;
}

/** What the time rules must announce after the rules backup is imported, by outbox key. */
export interface RulesBackup {
  file: BackupFile;
  /** `reward_overdue:<invite>:<due>`, `follow_up:<invite>`, `coupon_expiring:<coupon>`. */
  expectedNotices: string[];
  /** Invites the rules must leave alone (not due yet, or nothing to remind about). */
  quietInvites: string[];
}

/**
 * A profile of a few weeks' sharing, due at real time (no clock hook survives a worker stop): friends whose first
 * purchase was more than AliExpress's 24 h reward delay ago and who brought no coupon (reward overdue), friends who
 * have not registered 4 days after the share (follow-up, after the default 3 days), wallet coupons expiring within
 * the default 3-day warning, and rows no rule may touch (a recent share, a first purchase 2 h ago, a coupon received,
 * a coupon expiring in 10 days, an expired one, a used one).
 */
export function rulesBackup(now: number, rng: Rng, sizes = { overdue: 6, followUp: 6, expiring: 6 }): RulesBackup {
  const link = linkRow('link-main', LINK, CODE, 'AliExpress', now - 40 * DAY);
  const invites: Invite[] = [];
  const events: StoredEvent[] = [];
  const coupons: Coupon[] = [];
  const expectedNotices: string[] = [];
  const quietInvites: string[] = [];
  const add = (r: { invite: Invite; events: StoredEvent[] }) => {
    invites.push(r.invite);
    events.push(...r.events);
    return r.invite;
  };
  const base = { linkId: link.id, channel: 'whatsapp' as const };
  for (let i = 0; i < sizes.overdue; i++) {
    const sharedAt = now - rng.between(5, 20) * DAY;
    const paidAt = now - rng.between(26, 96) * HOUR;
    const inv = add(
      inviteWithHistory({ ...base, id: `inv-overdue-${i}`, nickname: `Overdue ${i}`, sharedAt }, [
        { status: 'registered', at: sharedAt + HOUR },
        { status: 'first_purchase', at: paidAt },
      ]),
    );
    expectedNotices.push(`reward_overdue:${inv.id}:${inv.rewardDueAt}`);
  }
  for (let i = 0; i < sizes.followUp; i++) {
    const sharedAt = now - rng.between(4 * 24, 9 * 24) * HOUR;
    const inv = add(inviteWithHistory({ ...base, id: `inv-follow-${i}`, nickname: `Follow ${i}`, sharedAt }, []));
    expectedNotices.push(`follow_up:${inv.id}`);
  }
  for (let i = 0; i < sizes.expiring; i++) {
    const c = newCoupon(
      { title: `Expiring coupon ${i}`, value: 2 + i, currency: 'USD', expiresAt: now + rng.between(2, 60) * HOUR },
      { id: `coupon-expiring-${i}`, programId: 'aliexpress', now: now - 10 * DAY },
    );
    // Some were seen in the wallet already: the badge counts only the others.
    if (i % 2 === 0) c.seenAt = now - 5 * DAY;
    coupons.push(c);
    expectedNotices.push(`coupon_expiring:${c.id}`);
  }
  // Rows no rule may touch.
  quietInvites.push(
    add(inviteWithHistory({ ...base, id: 'inv-recent', nickname: 'Recent', sharedAt: now - DAY }, [])).id,
    add(
      inviteWithHistory({ ...base, id: 'inv-paid-lately', nickname: 'Paid lately', sharedAt: now - 3 * DAY }, [
        { status: 'first_purchase', at: now - 2 * HOUR },
      ]),
    ).id,
    add(
      inviteWithHistory({ ...base, id: 'inv-rewarded', nickname: 'Rewarded', sharedAt: now - 12 * DAY }, [
        { status: 'first_purchase', at: now - 10 * DAY },
        { status: 'coupon_received', at: now - 9 * DAY },
      ]),
    ).id,
  );
  const later = newCoupon(
    { title: 'Later coupon', value: 5, currency: 'USD', expiresAt: now + 10 * DAY },
    { id: 'coupon-later', programId: 'aliexpress', inviteId: 'inv-rewarded', now: now - 9 * DAY },
  );
  const expired = newCoupon(
    { title: 'Expired coupon', value: 1, currency: 'USD', expiresAt: now - DAY },
    { id: 'coupon-expired', programId: 'aliexpress', now: now - 20 * DAY },
  );
  const used = {
    ...newCoupon(
      { title: 'Used coupon', value: 4, currency: 'USD', expiresAt: now + DAY },
      { id: 'coupon-used', programId: 'aliexpress', now: now - 20 * DAY },
    ),
    state: 'used' as const,
    usedAt: now - 2 * DAY,
  };
  coupons.push(later, expired, used);
  const file = buildBackup({ links: [link], programs: [], invites, events, coupons }, SETTINGS, now);
  return { file: checked(file), expectedNotices, quietInvites };
}

/**
 * A heavy user's backup: `count` invites of a second AliExpress link, none due for a rule (shared in the last two
 * days, first purchases within the last 12 hours, or rewarded), with their manual events. Importing it is one
 * transaction of a few seconds in the worker.
 */
export function bigBackup(count: number, now: number, rng: Rng): BackupFile {
  const link = linkRow('link-backup', OTHER_LINK, 'IN4RQ8ZM', 'Old account', now - 300 * DAY);
  const invites: Invite[] = [];
  const events: StoredEvent[] = [];
  const channels: Channel[] = ['whatsapp', 'telegram', 'email', 'sms', 'copy', 'qr'];
  for (let i = 0; i < count; i++) {
    const id = `bk-${String(i).padStart(5, '0')}`;
    const sharedAt = now - rng.between(1, 47) * HOUR;
    const kind = rng.next();
    const steps: { status: ObservedStatus; at: number }[] =
      kind < 0.6
        ? []
        : kind < 0.85
          ? [{ status: 'registered', at: sharedAt + 30 * 60_000 }]
          : kind < 0.95
            ? [{ status: 'first_purchase', at: Math.max(sharedAt, now - rng.between(1, 12) * HOUR) }]
            : [
                { status: 'first_purchase', at: sharedAt + 10 * 60_000 },
                { status: 'coupon_received', at: sharedAt + 20 * 60_000 },
              ];
    const r = inviteWithHistory(
      { id, linkId: link.id, nickname: `Friend ${i}`, channel: rng.pick(channels), sharedAt },
      steps,
    );
    invites.push(r.invite);
    events.push(...r.events);
  }
  return checked(buildBackup({ links: [link], programs: [], invites, events, coupons: [] }, SETTINGS, now));
}
