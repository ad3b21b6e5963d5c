import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { ArrivedPrograms } from './ArrivedPrograms';
import { CouponsTab } from './CouponsTab';
import { InvitesTab } from './InvitesTab';
import { LinksTab } from './LinksTab';
import { SettingsTab } from './SettingsTab';
import { StatsTab } from './StatsTab';

const TABS = [
  { id: 'links', label: 'tabLinks', Panel: LinksTab },
  { id: 'invites', label: 'tabInvites', Panel: InvitesTab },
  { id: 'coupons', label: 'tabCoupons', Panel: CouponsTab },
  { id: 'stats', label: 'tabStats', Panel: StatsTab },
  { id: 'settings', label: 'tabSettings', Panel: SettingsTab },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** The tab a hash names: "#invites", or "#invites?invite=…" as a notification's link has it. */
const fromHash = (): TabId => {
  const wanted = location.hash.split('?')[0];
  return TABS.find((tab) => `#${tab.id}` === wanted)?.id ?? 'links';
};

/**
 * The dashboard (options page, full tab): WAI-ARIA tabs with arrow-key navigation; the open tab is in
 * the URL hash so a reload or a link (#invites) lands on it.
 */
export function Dashboard() {
  const [current, setCurrent] = useState<TabId>(fromHash);
  const refs = useRef(new Map<TabId, HTMLButtonElement>());

  useEffect(() => {
    const onHash = () => setCurrent(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const select = (id: TabId, focus = false) => {
    setCurrent(id);
    history.replaceState(null, '', `#${id}`);
    if (focus) refs.current.get(id)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((tab) => tab.id === current);
    const move = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: TABS.length - 1 - i }[e.key];
    if (move === undefined) return;
    e.preventDefault();
    const next = TABS[(i + move + TABS.length) % TABS.length];
    if (next) select(next.id, true);
  };

  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('dashboardTitle')}</h1>
      </header>
      <main>
        <ArrivedPrograms />
        <div role="tablist" aria-label={t('dashboardSections')} className="tablist" onKeyDown={onKeyDown}>
          {TABS.map((tab) => (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
              }}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={current === tab.id}
              aria-controls={`panel-${tab.id}`}
              tabIndex={current === tab.id ? 0 : -1}
              onClick={() => select(tab.id)}
            >
              {t(tab.label)}
            </button>
          ))}
        </div>
        {TABS.filter((tab) => tab.id === current).map(({ id, Panel }) => (
          <section key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`}>
            <Panel />
          </section>
        ))}
      </main>
      <footer className="muted">{t('disclosure')}</footer>
    </div>
  );
}
