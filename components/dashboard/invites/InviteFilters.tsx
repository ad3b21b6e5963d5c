import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import type { InviteStatus, Program, ProgramId } from '@/lib/referral/types';
import { ALL_STATUSES, statusLabel } from './inviteLabels';

interface InviteFiltersProps {
  programs: Program[];
  programId: ProgramId | '';
  status: InviteStatus | '';
  search: string;
  onProgram: (programId: ProgramId | '') => void;
  onStatus: (status: InviteStatus | '') => void;
  onSearch: (text: string) => void;
}

/** Filter by program and status (served by indexes) and a text search over nicknames and channels. */
export function InviteFilters({
  programs,
  programId,
  status,
  search,
  onProgram,
  onStatus,
  onSearch,
}: InviteFiltersProps) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to Firefox 115 (our minimum), which would drop the landmark.
    <div role="search" className="invites-filters" aria-label={t('invitesFilters')}>
      <div className="invites-field">
        <label htmlFor={`${id}-program`}>{t('invitesFilterProgram')}</label>
        <select id={`${id}-program`} value={programId} onChange={(e) => onProgram(e.target.value)}>
          <option value="">{t('invitesAllPrograms')}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="invites-field">
        <label htmlFor={`${id}-status`}>{t('invitesFilterStatus')}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => onStatus(e.target.value as InviteStatus | '')}>
          <option value="">{t('invitesAllStatuses')}</option>
          {ALL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="invites-field invites-field-grow">
        <label htmlFor={`${id}-search`}>{t('invitesSearch')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          placeholder={t('invitesSearchPlaceholder')}
          onChange={(e) => onSearch(e.target.value)}
          autoComplete="off"
        />
      </div>
    </div>
  );
}
