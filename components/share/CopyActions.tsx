import { t } from '@/lib/i18n/t';

interface CopyActionsProps {
  link: string;
  text: string;
  /** Confirms a copy ("Copied") in the card's status region. */
  onCopied: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * "Copy link" and "Copy share text". Copying is not a share (the user may just paste it into a note), so
 * no invite is recorded here; "Share…" does that.
 */
export function CopyActions({ link, text, onCopied, onError }: CopyActionsProps) {
  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      onCopied(t('popupCopied'));
    } catch (e) {
      onError(t('popupCopyFailed', e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <div className="share-copy">
      <button type="button" className="primary" onClick={() => void copy(link)}>
        {t('popupCopyLink')}
      </button>
      <button type="button" onClick={() => void copy(text)}>
        {t('popupCopyShareText')}
      </button>
    </div>
  );
}
