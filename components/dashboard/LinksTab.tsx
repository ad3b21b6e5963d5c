import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { useDb } from '@/components/hooks/useDb';
import { usePrograms } from '@/components/hooks/usePrograms';
import { useSettings } from '@/components/hooks/useSettings';
import { t, uiLocale } from '@/lib/i18n/t';
import type { ProgramId, ReferralLink } from '@/lib/referral/types';
import { AddLinkForm } from './links/AddLinkForm';
import { CustomProgramForm } from './links/CustomProgramForm';
import { ProgramSection } from './links/ProgramSection';
import './links/links.css';

/** Primary link first, then oldest first (the order they were added). */
function byPrimaryThenAge(a: ReferralLink, b: ReferralLink): number {
  return b.primary - a.primary || a.createdAt - b.createdAt;
}

/**
 * Links tab: add a link, then one section per program (built-in and custom) with its rules and links,
 * and the form to add a custom program. Reads live from the database; every change is a command.
 */
export function LinksTab() {
  const db = useDb();
  const programs = usePrograms();
  const settings = useSettings();
  const locale = uiLocale(settings?.language);
  // A few dozen links at most (50 per program): reading them all is fine.
  const links = useLiveQuery(() => db.links.toArray(), [db]);
  const customs = useLiveQuery(() => db.programs.orderBy('createdAt').toArray(), [db]) ?? [];
  const [target, setTarget] = useState<ProgramId>('');
  const linkInput = useRef<HTMLTextAreaElement>(null);

  const byProgram = useMemo(() => {
    const map = new Map<ProgramId, ReferralLink[]>();
    for (const link of links ?? []) map.set(link.programId, [...(map.get(link.programId) ?? []), link]);
    for (const list of map.values()) list.sort(byPrimaryThenAge);
    return map;
  }, [links]);

  const addFor = (programId: ProgramId) => {
    setTarget(programId);
    linkInput.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    linkInput.current?.focus({ preventScroll: true });
  };

  return (
    <div className="links-tab">
      <p className="muted">{t('linksIntro')}</p>
      <AddLinkForm programs={programs} programId={target} onProgramChange={setTarget} inputRef={linkInput} />
      {links === undefined ? (
        <p aria-busy="true">{t('linksLoading')}</p>
      ) : (
        programs.map((program) => {
          const custom = customs.find((c) => c.id === program.id);
          return (
            <ProgramSection
              key={program.id}
              program={program}
              custom={custom}
              otherCustoms={customs.filter((c) => c.id !== program.id)}
              links={byProgram.get(program.id) ?? []}
              locale={locale}
              onAddLink={() => addFor(program.id)}
            />
          );
        })
      )}
      <CustomProgramForm programs={programs} />
    </div>
  );
}
