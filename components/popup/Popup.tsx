import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useDb } from '@/components/hooks/useDb';
import { usePrograms } from '@/components/hooks/usePrograms';
import { useSettings } from '@/components/hooks/useSettings';
import { AddLinkForm } from '@/components/share/AddLinkForm';
import { ShareCard } from '@/components/share/ShareCard';
import { useFlash } from '@/components/share/useFlash';
import { t, uiLocale } from '@/lib/i18n/t';
import type { Invite, ProgramId, ReferralLink } from '@/lib/referral/types';
import { saveSettings, templateFor } from '@/lib/settings';
import { chooseProgram } from '@/lib/share/chooseProgram';
import { matchProgram } from '@/lib/share/matchProgram';
import { notedTabUrl, notedVersion, POPUP_CARD, POPUP_READY, type PopupCard } from '@/lib/share/popupCard';
import { hostsOf } from '@/lib/share/popupCardHosts';
import { NewCoupons } from './NewCoupons';
import { OpenDashboard } from './OpenDashboard';
import { PendingInvites } from './PendingInvites';
import { ProgramPicker } from './ProgramPicker';
import { useNow } from './useNow';
import './popup.css';

/** Primary link first, then oldest first (the order the user added them). */
const byPrimaryThenAge = (a: ReferralLink, b: ReferralLink) => b.primary - a.primary || a.createdAt - b.createdAt;

/**
 * The invite a follow-up notification is about ("popup.html?remind=<invite id>", lib/platform/notifications.ts):
 * undefined while it is read, null when there is none (the usual toolbar popup) or it is gone.
 */
function useRemindInvite(db: ReturnType<typeof useDb>): Invite | null | undefined {
  const id = new URLSearchParams(location.search).get('remind');
  return useLiveQuery(async () => (id ? ((await db.invites.get(id)) ?? null) : null), [db, id]);
}

/**
 * The toolbar popup: the link of the current site's program (or the one picked), ready to share; what is
 * still pending; new coupons. Everything is read live from the database, so changes made in the dashboard
 * or by the background show up while it is open.
 */
export function Popup() {
  const db = useDb();
  const settings = useSettings();
  const programs = usePrograms();
  const tabUrl = notedTabUrl();
  const links = useLiveQuery(() => db.links.toArray(), [db]);
  const now = useNow();
  const [picked, setPicked] = useState<ProgramId>();
  const [saved, flashSaved] = useFlash(4000);
  const remind = useRemindInvite(db);

  const loading = !settings || !links || remind === undefined;
  const locale = uiLocale(settings?.language);
  // Decided only once everything the choice depends on is known, so the popup does not jump between programs.
  const auto =
    settings && links
      ? chooseProgram({
          programs,
          tabProgramId: matchProgram(tabUrl ?? undefined, programs)?.id,
          lastProgramId: settings.lastProgramId,
          linkedProgramIds: new Set(links.map((l) => l.programId)),
        })
      : undefined;
  // A follow-up notification opened this page on one friend's invite: that invite's program first.
  const program =
    programs.find((p) => p.id === picked) ??
    programs.find((p) => p.id === remind?.programId) ??
    programs.find((p) => p.id === auto) ??
    programs[0];
  const programLinks = (links ?? []).filter((l) => l.programId === program?.id).sort(byPrimaryThenAge);
  const hasCard = !loading && programLinks.length > 0;

  const ready = () => document.dispatchEvent(new Event(POPUP_READY));
  // No card to draw: the static shell (main.tsx) gives way at once; with one, once its QR code is drawn (keepCard).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ready` is the same call every render.
  useEffect(() => {
    if (!loading && !hasCard) ready();
  }, [loading, hasCard]);

  if (loading || !settings || !links) {
    return (
      <main className="popup" aria-busy="true">
        <p className="muted">{t('popupLoading')}</p>
      </main>
    );
  }
  if (!program) return null;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  /**
   * The card as drawn, kept for the next popup's first paint (lib/share/popupCard.ts): only the card the popup
   * opens on by itself (not another program picked by hand, not a follow-up), with the data version noted before
   * anything was read.
   */
  const keepCard = (qr: PopupCard['qr']) => {
    ready();
    const version = notedVersion();
    // One link (no link picker above the code: the shell draws none), the card the popup opens on by itself.
    if (!version || remind || program.id !== auto || programLinks.length !== 1) return;
    const sites = programs.map((p) => ({ id: p.id, hosts: hostsOf(p.shoppingHosts) }));
    if (sites.some((p) => !p.hosts)) return;
    const card: PopupCard = {
      version,
      language: settings.language,
      programs: sites as PopupCard['programs'],
      fallback: chooseProgram({ programs, linkedProgramIds: new Set(links.map((l) => l.programId)) }),
      programId: program.id,
      programName: program.name,
      programLabel: t('popupProgram'),
      qr,
    };
    void browser.storage.local.set({ [POPUP_CARD]: card });
  };

  const switchTo = (id: ProgramId) => {
    setPicked(id);
    // Remembered for the next time the popup opens on a page of no program.
    void saveSettings({ lastProgramId: id });
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{t('extName')}</h1>
        <ProgramPicker programs={programs} value={program.id} onChange={switchTo} />
      </header>
      {programLinks.length > 0 ? (
        <ShareCard
          key={program.id}
          program={program}
          links={programLinks}
          template={templateFor(settings, program, locale)}
          friend={remind?.programId === program.id ? remind.nickname : undefined}
          onQrDrawn={keepCard}
        />
      ) : (
        <AddLinkForm
          key={program.id}
          program={program}
          programs={programs}
          onSaved={(link, inText) => {
            switchTo(link.programId);
            const name = programs.find((p) => p.id === link.programId)?.name ?? program.name;
            flashSaved(t(inText ? 'linkFoundInText' : 'popupLinkSaved', name));
          }}
        />
      )}
      <p role="status" className="share-status">
        {saved}
      </p>
      <PendingInvites programs={programs} locale={locale} timeZone={timeZone} now={now} />
      <NewCoupons locale={locale} timeZone={timeZone} now={now} />
      <footer className="popup-footer">
        <OpenDashboard />
        <p className="muted">{t('disclosure')}</p>
      </footer>
    </main>
  );
}
