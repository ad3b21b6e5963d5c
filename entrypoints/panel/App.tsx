import { useEffect, useId, useRef, useState } from 'react';
import { useSettings } from '@/components/hooks/useSettings';
import { OpenDashboard } from '@/components/popup/OpenDashboard';
import { AddLinkForm } from '@/components/share/AddLinkForm';
import { ShareCard } from '@/components/share/ShareCard';
import { useFlash } from '@/components/share/useFlash';
import { t, uiLocale } from '@/lib/i18n/t';
import { embeddedOnProgramSite, embeddingOrigin, type PanelParams, tellLauncher } from '@/lib/launcher/panelGuard';
import { templateFor } from '@/lib/settings';
import { usePanelData } from './usePanelData';

/**
 * The share panel: the popup's share card for one program (or its "Add your referral link" form when the link was
 * deleted meanwhile), a close button, and, for the keyboard shortcut, the link copied at once with a visible
 * "Copied". Focus moves into the panel when it is ready. Framed anywhere but the program's own shopping site, it
 * shows nothing of the user's.
 */
export function Panel({ programId, action }: PanelParams) {
  const settings = useSettings();
  const { program, programs, links, error, reload } = usePanelData(programId);
  const [copied, flash] = useFlash();
  const [copyError, setCopyError] = useState('');
  const copiedOnce = useRef(false);
  const main = useRef<HTMLElement>(null);
  const headingId = useId();

  const origin = embeddingOrigin();
  const allowed = Boolean(program) && (origin === null || embeddedOnProgramSite(origin, program?.shoppingHosts ?? []));
  const ready = Boolean(settings && program !== undefined && (program === null || links || error));
  const url = allowed ? links?.[0]?.url : undefined;

  useEffect(() => {
    if (ready) main.current?.focus();
  }, [ready]);

  useEffect(() => {
    if (action !== 'copy' || !url || copiedOnce.current) return;
    copiedOnce.current = true;
    navigator.clipboard.writeText(url).then(
      () => flash(t('popupCopied')),
      (e: unknown) => setCopyError(t('popupCopyFailed', e instanceof Error ? e.message : String(e))),
    );
  }, [action, url, flash]);

  if (!ready || !settings) return <main className="popup panel" aria-busy="true" />;

  const body = !program ? (
    <p role="alert">{t('shopPanelUnknownProgram')}</p>
  ) : !allowed ? (
    <p role="alert">{t('shopPanelWrongSite', program.name)}</p>
  ) : error ? (
    <p role="alert">{error}</p>
  ) : links && links.length > 0 ? (
    <ShareCard program={program} links={links} template={templateFor(settings, program, uiLocale(settings.language))} />
  ) : (
    <AddLinkForm
      program={program}
      programs={programs}
      onSaved={(link, inText) => {
        if (inText && link.programId === program.id) flash(t('linkFoundInText', program.name));
        reload();
      }}
    />
  );

  return (
    <main ref={main} className="popup panel" tabIndex={-1} aria-labelledby={headingId}>
      <header className="popup-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1 id={headingId}>{program ? t('shopPanelHeading', program.name) : t('extName')}</h1>
        <button type="button" className="panel-close" onClick={() => tellLauncher({ event: 'close' })}>
          {t('shopPanelClose')}
        </button>
      </header>
      {/* The shortcut's confirmation, where the eye lands first. */}
      <p role="status" className="share-status">
        {copied}
      </p>
      {copyError && <p role="alert">{copyError}</p>}
      {body}
      <footer className="popup-footer">
        <OpenDashboard />
        <p className="muted">{t('disclosure')}</p>
      </footer>
    </main>
  );
}
