import { renderShareText } from '@/lib/referral/shareText';
import type { Program, ReferralLink } from '@/lib/referral/types';
import type { ProofVars } from './socialProof';

/** What the friend must do, as lines (most channels) and in one line (channels with limits). */
interface StepsText {
  lines: readonly string[];
  compact: string;
}

/** The friend's steps as the share text carries them: numbered lines, and the one-line form for X and SMS. */
export function stepsText(steps: { steps: readonly string[]; compact: string }): StepsText {
  return { lines: steps.steps.map((step, i) => `${i + 1}. ${step}`), compact: steps.compact };
}

/** The share text without the link; a dangling ":" left where the link stood is dropped. */
const withoutLink = (text: string) => text.replace(/[\s:：-]+$/u, '').trim();

/**
 * The share text for a link, in the forms the channels need:
 * - `text`: the template filled, the friend's steps as lines;
 * - `compactText`: the same with the steps in one line, for channels with limits (X, SMS);
 * - `textWithoutLink`: for channels that take the link separately (Telegram), the steps (if the template has them)
 *   after the rest;
 * - `textWithoutLinkOrSteps`: for a snippet that adds the link and the steps in its own format.
 */
export function shareMessage(
  template: string,
  program: Program,
  link: Pick<ReferralLink, 'url' | 'code'>,
  nickname?: string,
  steps?: StepsText,
  proof: ProofVars = {},
): { text: string; compactText: string; textWithoutLink: string; textWithoutLinkOrSteps: string } {
  const vars = {
    link: link.url,
    code: link.code,
    program: program.name,
    perk: program.rules.perkText,
    nickname: nickname?.trim() || undefined,
    ...proof,
  };
  const lines = steps?.lines.join('\n');
  const text = renderShareText(template, { ...vars, steps: lines });
  const compactText = renderShareText(template, { ...vars, steps: steps?.compact });
  const textWithoutLinkOrSteps = withoutLink(renderShareText(template, { ...vars, link: '' }));
  const carriesSteps = lines !== undefined && lines !== '' && template.includes('{steps}');
  const textWithoutLink = carriesSteps ? `${textWithoutLinkOrSteps}\n${lines}` : textWithoutLinkOrSteps;
  return { text, compactText, textWithoutLink, textWithoutLinkOrSteps };
}
