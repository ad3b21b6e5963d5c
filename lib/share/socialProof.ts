import { activeLocale, t } from '@/lib/i18n/t';
import type { ShareFacts } from '@/lib/referral/shareFacts';

/** The social-proof template variables, as sentences; a count of 0 (or unknown) gives none, so nothing is made up. */
export interface ProofVars {
  friendsJoined?: string;
  couponsEarned?: string;
}

/**
 * `{friendsJoined}` and `{couponsEarned}` from the user's own invites (lib/referral/shareFacts.ts counts them):
 * "3 friends already joined through my link.", "My invites have already earned 2 coupons." in the UI's language,
 * each only when its count is above 0 (an empty variable takes its spacing, or its line, with it).
 */
export function proofVars(facts: Pick<ShareFacts, 'friendsJoined' | 'couponsEarned'> | undefined): ProofVars {
  if (!facts) return {};
  const plural = (n: number) => (new Intl.PluralRules(activeLocale()).select(n) === 'one' ? 'One' : 'Other');
  const vars: ProofVars = {};
  if (facts.friendsJoined > 0) {
    vars.friendsJoined = t(`proofFriendsJoined${plural(facts.friendsJoined)}`, facts.friendsJoined);
  }
  if (facts.couponsEarned > 0) {
    vars.couponsEarned = t(`proofCouponsEarned${plural(facts.couponsEarned)}`, facts.couponsEarned);
  }
  return vars;
}
