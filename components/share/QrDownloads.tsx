import QRCode from 'qrcode';
import { t } from '@/lib/i18n/t';
import type { ProgramId } from '@/lib/referral/types';
import { PRINT_QR, qrFileName } from '@/lib/share/qrOptions';

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

/** Print-quality QR files: a 1024 px PNG and a vector SVG, both with higher error correction (level Q). */
export function QrDownloads({ text, programId, onError }: QrDownloadsProps) {
  const download = async (kind: 'png' | 'svg') => {
    try {
      if (kind === 'png') {
        save(await QRCode.toDataURL(text, { ...PRINT_QR, type: 'image/png' }), qrFileName(programId, 'png'));
        return;
      }
      const svg = await QRCode.toString(text, { ...PRINT_QR, type: 'svg' });
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
