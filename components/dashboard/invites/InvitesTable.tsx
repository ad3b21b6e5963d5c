import { type RefObject, useId, useMemo } from 'react';
import { t } from '@/lib/i18n/t';
import type { Invite, Locale, Program } from '@/lib/referral/types';
import { InviteRow, type RowMessage } from './InviteRow';

interface InvitesTableProps {
  rows: Invite[];
  programs: Program[];
  locale: Locale;
  timeZone: string;
  now: number;
  /** True while a new page replaces this one. */
  busy: boolean;
  statusHelpId: string;
  onMessage: (message: RowMessage) => void;
  /** The scrollable region (focusable, so the focus has somewhere to go when a row disappears). */
  regionRef: RefObject<HTMLElement | null>;
  /** A row was deleted: its button is gone, the tab moves the focus. */
  onRemoved: () => void;
}

/** The invites of one page as a table (caption and column headers for screen readers). */
export function InvitesTable({
  rows,
  programs,
  locale,
  timeZone,
  now,
  busy,
  statusHelpId,
  onMessage,
  regionRef,
  onRemoved,
}: InvitesTableProps) {
  const captionId = useId();
  const byId = useMemo(() => new Map(programs.map((p) => [p.id, p])), [programs]);
  const formatDate = useMemo(() => {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    }
    return (at: number) => format.format(at);
  }, [locale, timeZone]);

  return (
    // A wide table scrolls inside its own region on narrow windows (its selects and buttons bring keyboard
    // users through it); tabIndex -1 only lets the focus land here after a row is deleted.
    <section className="invites-scroll" ref={regionRef} tabIndex={-1} aria-labelledby={captionId}>
      <table className="invites-table" aria-busy={busy || undefined}>
        <caption id={captionId}>{t('invitesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invitesColProgram')}</th>
            <th scope="col">{t('invitesColChannel')}</th>
            <th scope="col">{t('invitesColNickname')}</th>
            <th scope="col">{t('invitesColShared')}</th>
            <th scope="col">{t('invitesColStatus')}</th>
            <th scope="col">{t('invitesColWhy')}</th>
            <th scope="col">{t('invitesColActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((invite) => (
            <InviteRow
              key={invite.id}
              invite={invite}
              program={byId.get(invite.programId)}
              locale={locale}
              timeZone={timeZone}
              now={now}
              formatDate={formatDate}
              statusHelpId={statusHelpId}
              onMessage={onMessage}
              onRemoved={onRemoved}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
