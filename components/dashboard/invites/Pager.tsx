import { t } from '@/lib/i18n/t';
import type { Locale } from '@/lib/referral/types';
import { PAGE_SIZE, SEARCH_SCAN_LIMIT } from './inviteQuery';

interface PagerProps {
  /** The page on screen (0-based). */
  page: number;
  rowsOnPage: number;
  /** Undefined while being counted: a full page then means there may be a next one. */
  total?: number;
  /** A search that stopped at the scan limit. */
  truncated: boolean;
  searching: boolean;
  locale: Locale;
  /** Turns the page: -1 back, +1 forward (relative, so two quick clicks move two pages). */
  onTurn: (delta: -1 | 1) => void;
}

/** The number of pages for `total` rows (at least one, so "Page 1 of 1" reads right when empty). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** "Previous page" / "Next page", "Page X of Y" and how many invites the filter matches. */
export function Pager({ page, rowsOnPage, total, truncated, searching, locale, onTurn }: PagerProps) {
  const n = new Intl.NumberFormat(locale);
  const pages = total === undefined ? undefined : pageCount(total);
  const hasNext = pages === undefined ? rowsOnPage === PAGE_SIZE : page < pages - 1;
  const one = total !== undefined && new Intl.PluralRules(locale).select(total) === 'one';
  const count =
    total === undefined
      ? t('invitesCounting')
      : searching
        ? t(one ? 'invitesMatchesOne' : 'invitesMatches', n.format(total))
        : t(one ? 'invitesCountOne' : 'invitesCount', n.format(total));
  return (
    <nav className="invites-pager" aria-label={t('invitesPages')}>
      <button type="button" onClick={() => onTurn(-1)} disabled={page <= 0}>
        {t('invitesPrevious')}
      </button>
      <span aria-live="polite" className="invites-pager-position">
        {pages === undefined
          ? t('invitesPage', n.format(page + 1))
          : t('invitesPageOf', n.format(page + 1), n.format(pages))}
      </span>
      <button type="button" onClick={() => onTurn(1)} disabled={!hasNext}>
        {t('invitesNext')}
      </button>
      <span className="muted">
        {count}
        {truncated && ` ${t('invitesSearchLimited', n.format(SEARCH_SCAN_LIMIT))}`}
      </span>
    </nav>
  );
}
