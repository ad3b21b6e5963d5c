import QRCode from 'qrcode';
import { t } from '@/lib/i18n/t';
import type { ProgramId } from '@/lib/referral/types';
import { printQrOptions, printQrSize, qrFileName } from '@/lib/share/qrOptions';

interface QrDownloadsProps {
  text: string;
  programId: ProgramId;
  onError: (message: string) => void;
}

/** Blob URLs must outlive the click that starts the download; a minute is plenty. */
const REVOKE_AFTER_MS = 60_000;

function save(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Print-quality QR files: a PNG of at least 1024 px and 8 px a module, and a vector SVG, both at level Q where the
 * link fits at Q (printQrSize).
 */
export function QrDownloads({ text, programId, onError }: QrDownloadsProps) {
  const download = async (kind: 'png' | 'svg') => {
    try {
      const options = printQrOptions(printQrSize(text));
      if (kind === 'png') {
        save(await QRCode.toDataURL(text, { ...options, type: 'image/png' }), qrFileName(programId, 'png'));
        return;
      }
      const svg = await QRCode.toString(text, { ...options, type: 'svg' });
      const href = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      save(href, qrFileName(programId, 'svg'));
      setTimeout(() => URL.revokeObjectURL(href), REVOKE_AFTER_MS);
    } catch (e) {
      onError(t('popupDownloadFailed', e instanceof Error ? e.message : String(e)));
    }
  };

  return (
    <div className="share-downloads">
      <button type="button" className="link-button" onClick={() => void download('png')}>
        {t('popupDownloadPng')}
      </button>
      <button type="button" className="link-button" onClick={() => void download('svg')}>
        {t('popupDownloadSvg')}
      </button>
    </div>
  );
}
