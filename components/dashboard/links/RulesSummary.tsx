import { t } from '@/lib/i18n/t';
import { delayPhrase } from '@/lib/referral/dates';
import type { CustomProgramData, Locale, Program } from '@/lib/referral/types';
import { capitalise, kindWord } from '@/lib/referral/words';

interface RulesSummaryProps {
  program: Program;
  /** The user's own entry, for custom programs (their hosts and link pattern are shown too). */
  custom?: CustomProgramData;
  locale: Locale;
}

/**
 * Built-in programs' perk and eligibility are English data in the catalog; a translation is looked up per
 * program and rules version (e.g. linksPerk_aliexpress_v1), so a rules change never shows a stale translation.
 */
function translated(kind: 'Perk' | 'Eligibility', program: Program, fallback: string): string {
  const key = `links${kind}_${program.id}_v${program.rules.version}`;
  const text = t(key);
  return text === key ? fallback : text;
}

/** The program's rules in plain language, so the user knows when to expect a reward and who counts. */
export function RulesSummary({ program, custom, locale }: RulesSummaryProps) {
  const { rules } = program;
  const kind = capitalise(kindWord(rules.rewardKind, locale));
  const perk = custom ? rules.perkText : translated('Perk', program, rules.perkText);
  const eligibility = custom ? t('linksCustomEligibility') : translated('Eligibility', program, rules.eligibilityText);
  return (
    <dl className="links-rules">
      <dt>{t('linksRulesReward')}</dt>
      <dd>{t('linksRulesRewardText', kind, delayPhrase(rules.rewardDelayMs, locale))}</dd>
      {perk && (
        <>
          <dt>{t('linksRulesPerk')}</dt>
          <dd className={custom ? 'user-text' : undefined}>{perk}</dd>
        </>
      )}
      <dt>{t('linksRulesEligibility')}</dt>
      <dd>{eligibility}</dd>
      {rules.cancelledOrderVoidsReward && (
        <>
          <dt>{t('linksRulesCancelledTerm')}</dt>
          <dd>{t('linksRulesCancelled')}</dd>
        </>
      )}
      {rules.monthlyCap !== undefined && (
        <>
          <dt>{t('linksRulesCap')}</dt>
          <dd>{t('linksRulesCapText', rules.monthlyCap)}</dd>
        </>
      )}
      {rules.linkValidityMs !== undefined && (
        <>
          <dt>{t('linksRulesValidity')}</dt>
          <dd>{t('linksRulesValidityText', delayPhrase(rules.linkValidityMs, locale))}</dd>
        </>
      )}
      {custom && (
        <>
          <dt>{t('linksRulesSites')}</dt>
          <dd className="user-text" dir="ltr">
            {custom.shoppingHosts.join(', ')}
          </dd>
          <dt>{t('linksRulesPattern')}</dt>
          <dd className="user-text" dir="ltr">
            {custom.linkPattern}
          </dd>
        </>
      )}
    </dl>
  );
}
