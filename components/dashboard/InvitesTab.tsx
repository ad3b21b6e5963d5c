import { useEffect, useId, useRef, useState } from 'react';
import { usePrograms } from '@/components/hooks/usePrograms';
import { useSettings } from '@/components/hooks/useSettings';
import { t, uiLocale } from '@/lib/i18n/t';
import { MINUTE } from '@/lib/referral/time';
import type { InviteStatus, ProgramId } from '@/lib/referral/types';
import { InviteFilters } from './invites/InviteFilters';
import type { RowMessage } from './invites/InviteRow';
import { InvitesTable } from './invites/InvitesTable';
import { Pager, pageCount } from './invites/Pager';
import { useDebounced } from './invites/useDebounced';
import { queryKey, useInvitePage } from './invites/useInvitePage';
import { useNow } from './invites/useNow';
import './links/links.css';
import './invites/invites.css';

const SEARCH_DELAY_MS = 250;

/**
 * Invites tab: every share, newest first, 50 a page, filtered through the database's indexes so it stays fast
 * with 100,000 invites. Each row's status can be changed (the background decides; the row shows what it decided)
 * and says why it is still pending. Live: a change made in the popup or by the background shows at once.
 */
export function InvitesTab() {
  const programs = usePrograms();
  const settings = useSettings();
  const locale = uiLocale(settings?.language);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const now = useNow(MINUTE);
  const helpId = useId();
  const region = useRef<HTMLElement>(null);
  const emptyBox = useRef<HTMLDivElement>(null);
  // Set when a row is deleted; once the page reloads without it, the focus goes to the table (or the empty state).
  const refocus = useRef(false);

  const [programId, setProgramId] = useState<ProgramId | ''>('');
  const [status, setStatus] = useState<InviteStatus | ''>('');
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText, SEARCH_DELAY_MS);
  const [page, setPage] = useState(0);
  const [message, setMessage] = useState<RowMessage | null>(null);

  const query = { programId, status, search, page };
  const result = useInvitePage(query);
  const current = result?.key === queryKey(query);
  const filtered = programId !== '' || status !== '' || search.trim() !== '';

  // Rows deleted (here or elsewhere) can leave the page past the end: step back to the last page.
  const lastPage = result?.total === undefined ? undefined : pageCount(result.total) - 1;
  useEffect(() => {
    if (current && lastPage !== undefined && page > lastPage) setPage(lastPage);
  }, [current, page, lastPage]);
  const empty = current && result?.page === 0 && result.rows.length === 0;
  const focusAfterDelete = () => {
    const target = region.current ?? emptyBox.current;
    target?.focus();
    refocus.current = target === region.current;
  };
  // The page may reload without the deleted row after the focus moved to the table: the table may be gone then.
  const rows = result?.rows;
  useEffect(() => {
    if (!refocus.current || !rows) return;
    refocus.current = false;
    if (!region.current?.isConnected) emptyBox.current?.focus();
  }, [rows]);

  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(0);
      setMessage(null);
    };
  const clearFilters = () => {
    setProgramId('');
    setStatus('');
    setSearchText('');
    setPage(0);
  };

  return (
    <div className="invites-tab">
      <InviteFilters
        programs={programs}
        programId={programId}
        status={status}
        search={searchText}
        onProgram={refilter(setProgramId)}
        onStatus={refilter(setStatus)}
        onSearch={refilter(setSearchText)}
      />
      <p id={helpId} className="links-hint">
        {t('invitesStatusHelp')}
      </p>
      {message?.kind === 'alert' && (
        <p role="alert" className="invites-alert user-text">
          {message.text}
        </p>
      )}
      <p role="status" className="links-status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      {result === undefined ? (
        <p aria-busy="true">{t('invitesLoading')}</p>
      ) : empty && !filtered ? (
        <div className="links-card invites-empty" ref={emptyBox} tabIndex={-1}>
          <h2>{t('invitesEmptyTitle')}</h2>
          <p>{t('invitesEmptyHow')}</p>
          <p className="muted">{t('invitesEmptyNext')}</p>
        </div>
      ) : empty ? (
        <div className="invites-empty" ref={emptyBox} tabIndex={-1}>
          <p>{t('invitesNoMatch')}</p>
          <button type="button" onClick={clearFilters}>
            {t('invitesClearFilters')}
          </button>
        </div>
      ) : (
        <>
          <InvitesTable
            rows={result.rows}
            programs={programs}
            locale={locale}
            timeZone={timeZone}
            now={now}
            busy={!current}
            statusHelpId={helpId}
            onMessage={setMessage}
            regionRef={region}
            onRemoved={focusAfterDelete}
          />
          <Pager
            page={result.page}
            rowsOnPage={result.rows.length}
            total={result.total}
            truncated={result.truncated}
            searching={result.searching}
            locale={locale}
            onTurn={(delta) => {
              setPage((p) => Math.max(0, p + delta));
              setMessage(null);
            }}
          />
        </>
      )}
    </div>
  );
}
