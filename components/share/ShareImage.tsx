import { useId, useState } from 'react';
import { activeLocale, t } from '@/lib/i18n/t';
import type { ShareImageSize } from '@/lib/share/shareImage.lazy';

interface ShareImageProps {
  programName: string;
  /** The referral link, exactly as saved. */
  link: string;
  /** What the friend gets, one sentence. */
  gets: string;
  /** What the friend must do, one short line each. */
  steps: readonly string[];
  /** Who it is for, as typed (empty: no "For …" line). */
  nickname: string;
  /** Confirms a download or share in the card's status region. */
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/** Web Share level 2: whether this browser can hand a PNG to another app (false in most desktop browsers). */
const canShareFiles = () => navigator.canShare?.({ files: [new File([], 'a.png', { type: 'image/png' })] }) === true;

/**
 * "Download share image" (and "Share image…" where the browser can share files): a PNG for a feed post or a story,
 * drawn on the device. The renderer (lib/share/shareImage.lazy.ts) loads on the first click, so the popup does not carry
 * it until someone wants an image.
 */
export function ShareImage({ programName, link, gets, steps, nickname, onDone, onError }: ShareImageProps) {
  const [size, setSize] = useState<ShareImageSize>('feed');
  const [canShare] = useState(canShareFiles);
  const name = useId();

  const make = async () => {
    const { renderShareImage, shareImageFileName, saveFile } = await import('@/lib/share/shareImage.lazy');
    const blob = await renderShareImage(
      {
        programName,
        gets,
        steps,
        nickname,
        link,
        locale: activeLocale(),
        labels: { forNickname: t('shareImageFor', '$1'), scan: t('shareImageScan') },
      },
      size,
    );
    return { file: new File([blob], shareImageFileName(programName, size), { type: 'image/png' }), saveFile };
  };

  const run = async (share: boolean) => {
    try {
      const { file, saveFile } = await make();
      if (share) {
        await navigator.share({ files: [file], title: programName });
        onDone(t('shareImageShared'));
        return;
      }
      saveFile(file);
      onDone(t('shareImageSaved', file.name));
    } catch (e) {
      // The person closed the share sheet: nothing went wrong.
      if (e instanceof Error && e.name === 'AbortError') return;
      onError(t('shareImageFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  // Styled like the other choices and downloads of the card (share.css).
  return (
    <>
      <fieldset className="share-followup">
        <legend>{t('shareImageSize')}</legend>
        <div className="share-followup-choices">
          {(['feed', 'story'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={name} checked={size === value} onChange={() => setSize(value)} />
              {t(value === 'feed' ? 'shareImageFeed' : 'shareImageStory')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="share-downloads">
        <button type="button" className="link-button" onClick={() => void run(false)}>
          {t('shareImageDownload')}
        </button>
        {canShare && (
          <button type="button" className="link-button" onClick={() => void run(true)}>
            {t('shareImageShare')}
          </button>
        )}
      </div>
    </>
  );
}
