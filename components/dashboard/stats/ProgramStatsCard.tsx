import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import type { Locale } from '@/lib/referral/types';
import { CapMeter } from './CapMeter';
import { EarnedList } from './EarnedList';
import { FunnelChart } from './FunnelChart';
import type { ProgramStats } from './statsTypes';

interface Props {
  program: ProgramStats;
  locale: Locale;
  /** False when this is the only program with invites: its funnel is the overall one, shown above. */
  showFunnel: boolean;
}

/** One program: its monthly cap, what its invites earned and, among several programs, its own funnel. */
export function ProgramStatsCard({ program, locale, showFunnel }: Props) {
  const headingId = useId();
  return (
    <article className="stats-card" aria-labelledby={headingId}>
      <h4 id={headingId} className="user-text">
        {program.name}
      </h4>
      <CapMeter cap={program.cap} locale={locale} />
      <div className="stats-earned">
        <span className="stats-subheading">{t('statsEarnedHeading')}</span>
        <EarnedList earned={program.earned} locale={locale} />
      </div>
      {showFunnel && <FunnelChart funnel={program.funnel} name={program.name} locale={locale} />}
    </article>
  );
}
