import type { Channel, Invite, InviteStatus, ProgramId } from './types';

/** At most this many reminders are kept on one invite (a backup refuses more). */
export const MAX_REMINDERS = 50;

/** Invites still waiting for something: a friend with one gets a reminder rather than a second invite. */
const OPEN: ReadonlySet<InviteStatus> = new Set(['shared', 'registered', 'first_purchase', 'reward_pending']);

/**
 * A nickname as compared: the same name typed with other case, spacing or Unicode composition is the same friend
 * ("ana ", "Ana", "ANA"; "José" composed or decomposed).
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und');
}

/** The newest open invite of `programId` for this nickname, if there is one. */
export function findOpenInvite(
  invites: readonly Invite[],
  programId: ProgramId,
  nickname: string | undefined,
): Invite | undefined {
  const key = nickname ? nicknameKey(nickname) : '';
  if (key === '') return undefined;
  let best: Invite | undefined;
  for (const invite of invites) {
    if (invite.programId !== programId || !OPEN.has(invite.status) || invite.nickname === undefined) continue;
    if (nicknameKey(invite.nickname) !== key) continue;
    if (!best || invite.sharedAt > best.sharedAt) best = invite;
  }
  return best;
}

/**
 * Where the friend stands, for the reminder: not registered yet (how to register through the link); registered
 * but no order (the new-user coupons); ordered (nothing to do: no reminder, it would only nag).
 */
export type FollowUpStage = 'not_registered' | 'registered' | 'ordered';

export function followUpStage(invite: Pick<Invite, 'status'>): FollowUpStage {
  if (invite.status === 'shared') return 'not_registered';
  if (invite.status === 'registered') return 'registered';
  return 'ordered';
}

/**
 * The invite with one more reminder. The same reminder id again changes nothing (a request sent twice); a reminder
 * for an invite that is no longer open, or one too many, is refused with the reason.
 */
export function addReminder(
  invite: Invite,
  reminder: { id: string; at: number; channel: Channel },
): { ok: true; invite: Invite } | { ok: false; reason: 'not_open' | 'too_many' } {
  const reminders = invite.reminders ?? [];
  if (reminders.some((r) => r.id === reminder.id)) return { ok: true, invite };
  if (!OPEN.has(invite.status)) return { ok: false, reason: 'not_open' };
  if (reminders.length >= MAX_REMINDERS) return { ok: false, reason: 'too_many' };
  return { ok: true, invite: { ...invite, reminders: [...reminders, reminder], updatedAt: reminder.at } };
}
