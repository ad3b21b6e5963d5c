import { useId, useRef } from 'react';
import { t } from '@/lib/i18n/t';
import type { CustomProgramData, Locale, Program, ReferralLink } from '@/lib/referral/types';
import { DeleteProgramButton } from './DeleteProgramButton';
import { HostAccessNotice } from './HostAccessNotice';
import { LinkItem } from './LinkItem';
import { RulesSummary } from './RulesSummary';

interface ProgramSectionProps {
  program: Program;
  /** Set for the user's own programs. */
  custom?: CustomProgramData;
  /** The other custom programs (deleting one keeps the host access the others need). */
  otherCustoms: CustomProgramData[];
  /** This program's links, primary first. */
  links: ReferralLink[];
  locale: Locale;
  /** Brings the user to the "Add a link" form with this program chosen. */
  onAddLink: () => void;
}

/** One program: its rules, its links with their actions, and (for custom programs) access and delete. */
export function ProgramSection({ program, custom, otherCustoms, links, locale, onAddLink }: ProgramSectionProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="links-card links-program" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`} ref={heading} tabIndex={-1}>
        <span className={custom ? 'user-text' : undefined}>{program.name}</span>
        {custom && <span className="links-badge links-badge-quiet">{t('linksCustomBadge')}</span>}
      </h2>
      <RulesSummary program={program} custom={custom} locale={locale} />
      {program.pages.invite && (
        <p>
          <a href={program.pages.invite} target="_blank" rel="noreferrer">
            {t('linksInvitePage', program.name)}
          </a>
        </p>
      )}
      {custom && <HostAccessNotice programName={program.name} hosts={custom.shoppingHosts} />}
      {links.length === 0 ? (
        <p className="muted">{t('linksNone', program.name)}</p>
      ) : (
        <ul className="links-list" aria-label={t('linksListName', program.name)}>
          {links.map((link) => (
            <LinkItem key={link.id} link={link} onDeleted={() => heading.current?.focus()} />
          ))}
        </ul>
      )}
      <div className="links-section-actions">
        <button type="button" onClick={onAddLink}>
          {t('linksAddFor', program.name)}
        </button>
        {custom && <DeleteProgramButton program={custom} others={otherCustoms} />}
      </div>
    </section>
  );
}
