import type { Invite, ReferralLink } from '@/lib/referral/types';

/** 2026-03-10 12:00 UTC: fixed so dates and "why pending?" texts are stable. */
export const T0 = Date.UTC(2026, 2, 10, 12, 0);

/** An invite as the background would store it, with only what a test cares about given. */
export function invite(fields: Partial<Invite> & Pick<Invite, 'id'>): Invite {
  return {
    programId: 'aliexpress',
    linkId: 'link-1',
    channel: 'whatsapp',
    sharedAt: T0,
    status: 'shared',
    milestones: {},
    evidence: [],
    rejected: [],
    updatedAt: fields.sharedAt ?? T0,
    ...fields,
  };
}

/** A saved link. */
export function link(fields: Partial<ReferralLink> & Pick<ReferralLink, 'id'>): ReferralLink {
  return {
    programId: 'aliexpress',
    url: 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE',
    code: 'IN7XK2P9',
    label: 'My link',
    primary: 0,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}
