import QRCode from 'qrcode';
import { useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { screenQrOptions, screenQrSize } from '@/lib/share/qrOptions';
import type { SnippetFormat, websiteSnippets } from '@/lib/share/websiteSnippets.lazy';

interface WebsiteSnippetsProps {
  /** The referral link, exactly as saved. */
  link: string;
  /** The share text; best without the link (shareMessage's textWithoutLink), which the snippet adds as a link. */
  text: string;
  programName: string;
  /** What the friend must do, one short line each. */
  steps?: readonly string[];
  /** Confirms a copy in the card's status region. */
  onCopied: (message: string) => void;
  onError: (message: string) => void;
}

/** The format names are the same in every language; they are messages so a translator can still change them. */
const FORMATS: readonly (readonly [SnippetFormat, string])[] = [
  ['markdown', 'websiteMarkdown'],
  ['html', 'websiteHtml'],
  ['bbcode', 'websiteBbcode'],
];

type Qr = { svg: string; sizePx: number } | undefined;
/** What the snippets need, loaded when the choices first open: the snippet writer (on demand) and the link's QR. */
type Drawn = { link: string; qr: Qr; write: typeof websiteSnippets };

async function prepare(link: string): Promise<Drawn> {
  const [{ websiteSnippets: write }, qr] = await Promise.all([
    import('@/lib/share/websiteSnippets.lazy'),
    drawQr(link),
  ]);
  return { link, qr, write };
}

/** The link's code as on screen (screenQrSize), for the HTML snippet; none when no code can hold the link. */
async function drawQr(link: string): Promise<Qr> {
  const size = screenQrSize(link);
  if (!size) return undefined;
  try {
    return { svg: await QRCode.toString(link, { ...screenQrOptions(size), type: 'svg' }), sizePx: size.sizePx };
  } catch {
    return undefined;
  }
}

/**
 * "Copy for a website": Markdown, HTML and BBCode snippets of the share for a blog or forum post
 * (lib/share/websiteSnippets.lazy.ts), each copied with one press and shown in a read-only preview. Like the other copy
 * buttons, copying records no invite.
 */
export function WebsiteSnippets({ link, text, programName, steps, onCopied, onError }: WebsiteSnippetsProps) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<SnippetFormat>();
  // Drawn when the choices open, so the HTML snippet is ready (and the copy quick) by the time one is pressed.
  const [drawn, setDrawn] = useState<Drawn>();
  const groupId = useId();
  const previewId = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    void prepare(link).then((d) => live && setDrawn(d));
    return () => {
      live = false;
    };
  }, [open, link]);
  const ready = drawn?.link === link ? drawn : undefined;

  const snippet = (format: SnippetFormat, { qr, write }: Pick<Drawn, 'qr' | 'write'>) =>
    write({
      link,
      text,
      linkLabel: t('websiteLinkLabel', programName),
      steps,
      qr: qr && { ...qr, alt: t('popupQrLabel', programName) },
    })[format];

  const copy = async (format: SnippetFormat, name: string) => {
    setShown(format);
    let value: string;
    try {
      const d = ready ?? (await prepare(link));
      value = snippet(format, { write: d.write, qr: format === 'html' ? d.qr : undefined });
    } catch {
      onError(t('websiteBadLink'));
      return;
    }
    try {
      await navigator.clipboard.writeText(value);
      onCopied(t('websiteCopied', name));
    } catch (e) {
      onError(t('popupCopyFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  let preview = '';
  try {
    preview = shown && ready ? snippet(shown, ready) : '';
  } catch {
    // A link websiteSnippets refuses: the press that chose this format has already said so.
  }

  return (
    <div className="share-website">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={open ? groupId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('websiteCopy')}
      </button>
      {open && (
        // Styled as the follow-up choice beside it in the card: a framed group of plain buttons.
        // Busy until the snippet writer (loaded on first open) and the QR are ready; a press before then still works.
        <fieldset id={groupId} className="share-followup" aria-busy={!ready}>
          <legend className="hint">{t('websiteFormats')}</legend>
          <div className="share-followup-choices">
            {FORMATS.map(([format, key]) => (
              <button key={format} type="button" onClick={() => void copy(format, t(key))}>
                {t(key)}
              </button>
            ))}
          </div>
          {preview && (
            <div className="share-preview">
              <label htmlFor={previewId} className="hint">
                {t('websitePreview')}
              </label>
              <textarea id={previewId} readOnly value={preview} rows={4} dir="ltr" spellCheck={false} />
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}
