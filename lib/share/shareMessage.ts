import { renderShareText } from '@/lib/referral/shareText';
import type { Program, ReferralLink } from '@/lib/referral/types';

/**
 * The share text for a link, and the same text without the link (channels such as Telegram take the link
 * separately). A dangling ":" left where the link stood is dropped.
 */
export function shareMessage(
  template: string,
  program: Program,
  link: Pick<ReferralLink, 'url' | 'code'>,
  nickname?: string,
): { text: string; textWithoutLink: string } {
  const vars = {
    link: link.url,
    code: link.code,
    program: program.name,
    perk: program.rules.perkText,
    nickname: nickname?.trim() || undefined,
  };
  const text = renderShareText(template, vars);
  const textWithoutLink = renderShareText(template, { ...vars, link: '' })
    .replace(/[\s:：-]+$/u, '')
    .trim();
  return { text, textWithoutLink };
}
