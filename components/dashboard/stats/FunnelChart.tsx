import { t } from '@/lib/i18n/t';
import type { Locale } from '@/lib/referral/types';
import { count, percent } from './formatNumbers';
import type { Funnel } from './statsTypes';
import './funnel.css';

const ROW = 48;

/** The four steps of the funnel, each with its count and share of all invites shared. */
function steps(f: Funnel) {
  return [
    { label: t('statsStepShared'), n: f.shared, rate: f.shared === 0 ? 0 : 1 },
    { label: t('statsStepRegistered'), n: f.registered, rate: f.rates.registered },
    { label: t('statsStepFirstPurchase'), n: f.firstPurchase, rate: f.rates.firstPurchase },
    { label: t('statsStepRewarded'), n: f.rewarded, rate: f.rates.rewarded },
  ];
}

/**
 * Shared → Registered → First purchase → Coupon received as horizontal bars. The SVG is one image with
 * the numbers in its name; a table with the same data follows for screen readers. Bars are sized in
 * percent and the text is not scaled, so the chart fits any width and long labels stay readable.
 */
export function FunnelChart({ funnel, name, locale }: { funnel: Funnel; name: string; locale: Locale }) {
  const rows = steps(funnel);
  const summary = t(
    'statsFunnelSummary',
    name,
    ...rows.flatMap((r, i) => (i === 0 ? [count(r.n, locale)] : [count(r.n, locale), percent(r.rate, locale)])),
  );
  const ended = [funnel.ineligible, funnel.expired, funnel.clawedBack];
  return (
    <figure className="funnel">
      <svg role="img" aria-label={summary} width="100%" height={rows.length * ROW} className="funnel-svg">
        {rows.map((r, i) => {
          const y = i * ROW;
          return (
            <g key={r.label} className={`funnel-row funnel-row-${i}`}>
              <text x="0" y={y + 15} className="funnel-label">
                <tspan className="funnel-step">{r.label}</tspan>
                <tspan dx="10" className="funnel-count">
                  {count(r.n, locale)}
                </tspan>
                {i > 0 && (
                  <tspan dx="8" className="funnel-rate">
                    {percent(r.rate, locale)}
                  </tspan>
                )}
              </text>
              <rect x="0" y={y + 22} width="100%" height="18" rx="4" className="funnel-track" />
              {r.n > 0 && (
                <rect
                  x="0"
                  y={y + 22}
                  width={`${Math.max(r.rate * 100, 0.8)}%`}
                  height="18"
                  rx="4"
                  className="funnel-bar"
                />
              )}
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{t('statsFunnelCaption', name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statsColStep')}</th>
            <th scope="col">{t('statsColCount')}</th>
            <th scope="col">{t('statsColOfShared')}</th>
            <th scope="col">{t('statsColOfPrevious')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const previous = rows[i - 1]?.n;
            return (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{count(r.n, locale)}</td>
                <td>{percent(r.rate, locale)}</td>
                <td>{previous ? percent(r.n / previous, locale) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ended.some((n) => n > 0) && (
        <figcaption className="muted funnel-ended">{t('statsEnded', ...ended.map((n) => count(n, locale)))}</figcaption>
      )}
    </figure>
  );
}
