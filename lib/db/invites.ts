import { addReminder, findOpenInvite } from '@/lib/referral/followUp';
import { newInvite } from '@/lib/referral/invites';
import { validateNickname } from '@/lib/referral/nickname';
import { findProgram } from '@/lib/referral/programs/index';
import { type ShareFacts, shareFacts } from '@/lib/referral/shareFacts';
import type { Channel, Invite, ObservedStatus, ProgramId, Settings } from '@/lib/referral/types';
import { type IngestReport, ingestEvents } from './events';
import { type Ctx, err, ok, type Result } from './result';
import type { RefShareDB } from './schema';

/**
 * Records one share of a link (the user's own click) as a new invite in status 'shared'. With a `shareId` (the
 * page's id for that click) the same share sent again returns the invite it made the first time: a reply lost with
 * a stopped worker, and the request repeated, still makes one invite.
 */
export async function recordShare(
  db: RefShareDB,
  data: { linkId: string; channel: Channel; nickname?: string; shareId?: string; alreadyMember?: boolean },
  settings: Settings,
  ctx: Ctx,
): Promise<Result<Invite>> {
  const recorded = await addShare(db, data, settings, ctx);
  if (!recorded.ok || !data.alreadyMember) return recorded;
  // Shared anyway to a friend who already has an account: neither side gets the invite rewards. Recorded as the
  // user's own observation (keyed, so a repeat is one event), which the engine applies like any other.
  const marked = await setInviteStatus(db, { inviteId: recorded.value.id, status: 'ineligible' }, settings, ctx);
  if (!marked.ok) return marked;
  return ok((await db.invites.get(recorded.value.id)) ?? recorded.value);
}

async function addShare(
  db: RefShareDB,
  data: { linkId: string; channel: Channel; nickname?: string; shareId?: string },
  settings: Settings,
  ctx: Ctx,
): Promise<Result<Invite>> {
  const nickname = validateNickname(data.nickname);
  if (!nickname.ok) return err('invalid_input', nickname.message);
  return db.transaction('rw', db.invites, db.links, db.programs, async () => {
    if (data.shareId !== undefined) {
      const earlier = await db.invites.get(data.shareId);
      if (earlier) {
        const same = earlier.linkId === data.linkId && earlier.channel === data.channel;
        return same ? ok(earlier) : err('conflict', 'That share was already recorded for another link or channel.');
      }
    }
    const link = await db.links.get(data.linkId);
    if (!link) return err('not_found', 'That link no longer exists.');
    const program = findProgram(link.programId, await db.programs.toArray());
    if (!program) return err('not_found', 'The program of that link no longer exists.');
    const invite = newInvite(
      {
        id: data.shareId ?? ctx.newId(),
        programId: link.programId,
        linkId: link.id,
        channel: data.channel,
        ...(nickname.nickname ? { nickname: nickname.nickname } : {}),
        now: ctx.now,
      },
      program,
      settings,
    );
    await db.invites.add(invite);
    return ok(invite);
  });
}

/**
 * A status chosen by the user. Keyed by invite and status, so choosing the same status twice is one
 * observation; the engine decides whether it fits what is already known.
 */
export async function setInviteStatus(
  db: RefShareDB,
  data: { inviteId: string; status: ObservedStatus; at?: number },
  settings: Settings,
  ctx: Ctx,
): Promise<Result<IngestReport>> {
  if (!(await db.invites.get(data.inviteId))) return err('not_found', 'That invite no longer exists.');
  const event = {
    key: `manual:${data.inviteId}:${data.status}`,
    inviteId: data.inviteId,
    status: data.status,
    at: data.at ?? ctx.now,
    source: 'manual' as const,
  };
  const [report] = await ingestEvents(db, [event], settings, ctx);
  return report ? ok(report) : err('internal', 'The status change was not recorded.');
}

/** Deletes an invite and its events (the user's own history, theirs to remove). */
export async function deleteInvite(db: RefShareDB, id: string): Promise<Result<{ id: string }>> {
  return db.transaction('rw', db.invites, db.events, async () => {
    if (!(await db.invites.get(id))) return err('not_found', 'That invite no longer exists.');
    await db.events.where('inviteId').equals(id).delete();
    await db.invites.delete(id);
    return ok({ id });
  });
}

/** One program's invites, read through the [programId+sharedAt] index: no other program's invite is looked at. */
function programInvites(db: RefShareDB, programId: ProgramId) {
  return db.invites.where('[programId+sharedAt]').between([programId, -Infinity], [programId, Infinity]);
}

/** The newest open invite of a program for a nickname (what "Send a reminder" is about), or null. */
export async function openInviteFor(
  db: RefShareDB,
  data: { programId: ProgramId; nickname: string },
): Promise<Result<Invite | null>> {
  const invites = await programInvites(db, data.programId)
    .filter((i) => i.nickname !== undefined)
    .toArray();
  return ok(findOpenInvite(invites, data.programId, data.nickname) ?? null);
}

/** The share card's facts about a program (lib/referral/shareFacts.ts): its cap this month, friends joined, coupons. */
export async function shareFactsFor(
  db: RefShareDB,
  data: { programId: ProgramId },
  settings: Settings,
  ctx: Ctx,
): Promise<Result<ShareFacts>> {
  const program = findProgram(data.programId, await db.programs.toArray());
  if (!program) return err('not_found', 'That program no longer exists.');
  return ok(shareFacts(program, await programInvites(db, program.id).toArray(), ctx.now, settings.timeZone));
}

/**
 * "Send a reminder": recorded on the open invite it is about (its history shows it), never as a second invite. The
 * page's `reminderId` for the click makes a repeat of the same request one reminder.
 */
export async function recordReminder(
  db: RefShareDB,
  data: { inviteId: string; channel: Channel; reminderId: string },
  ctx: Ctx,
): Promise<Result<Invite>> {
  return db.transaction('rw', db.invites, async () => {
    const invite = await db.invites.get(data.inviteId);
    if (!invite) return err('not_found', 'That invite no longer exists.');
    const r = addReminder(invite, { id: data.reminderId, at: ctx.now, channel: data.channel });
    if (!r.ok) {
      return err(
        'conflict',
        r.reason === 'not_open'
          ? 'That invite is no longer open: there is nothing to remind about.'
          : 'That invite has had enough reminders.',
      );
    }
    if (r.invite !== invite) await db.invites.put(r.invite);
    return ok(r.invite);
  });
}
