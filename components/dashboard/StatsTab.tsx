import { useSettings } from '@/components/hooks/useSettings';
import { t, uiLocale } from '@/lib/i18n/t';
import { HOUR } from '@/lib/referral/time';
import { deviceTimeZone } from './coupons/deviceTimeZone';
import { useNow } from './coupons/useNow';
import { ChannelBars } from './stats/ChannelBars';
import { EarnedList } from './stats/EarnedList';
import { FunnelChart } from './stats/FunnelChart';
import { sumByCurrency } from './stats/formatNumbers';
import { ProgramStatsCard } from './stats/ProgramStatsCard';
import { useStats } from './stats/useStats';
import './stats/stats.css';

/**
 * How sharing is going: the funnel from share to coupon overall and per program, which channel converts
 * best, the value earned per currency, and each program's monthly cap.
 */
export function StatsTab() {
  const settings = useSettings();
  const locale = uiLocale(settings?.language);
  // "This month" only needs the hour: the cap meter rolls over within an hour of midnight on the 1st.
  const now = useNow(HOUR);
  const stats = useStats(now, deviceTimeZone());

  if (!stats) return <p className="muted">{t('statsLoading')}</p>;
  if (stats.total.shared === 0) {
    return (
      <div className="stats">
        <h2>{t('statsHeading')}</h2>
        <div className="stats-empty">
          <p className="stats-empty-title">{t('statsEmptyTitle')}</p>
          <p>{t('statsEmptyBody')}</p>
        </div>
      </div>
    );
  }
  const active = stats.programs.filter((p) => p.funnel.shared > 0 || p.cap.limit !== undefined);
  const withInvites = active.filter((p) => p.funnel.shared > 0).length;
  const overall = t('statsOverall');

  return (
    <div className="stats">
      <h2>{t('statsHeading')}</h2>
      <section className="stats-card stats-overall" aria-labelledby="stats-overall">
        <h3 id="stats-overall">{overall}</h3>
        <FunnelChart funnel={stats.total} name={overall} locale={locale} />
        <div className="stats-columns">
          <div>
            <h4>{t('statsChannelsHeading')}</h4>
            <ChannelBars byChannel={stats.byChannel} locale={locale} />
          </div>
          <div>
            <h4>{t('statsEarnedHeading')}</h4>
            <EarnedList earned={sumByCurrency(stats.programs.map((p) => p.earned))} locale={locale} />
            <p className="muted stats-note">{t('statsEarnedNote')}</p>
          </div>
        </div>
      </section>
      <section aria-labelledby="stats-programs">
        <h3 id="stats-programs">{t('statsProgramsHeading')}</h3>
        <div className="stats-programs">
          {active.map((p) => (
            <ProgramStatsCard key={p.programId} program={p} locale={locale} showFunnel={withInvites > 1} />
          ))}
        </div>
      </section>
    </div>
  );
}
