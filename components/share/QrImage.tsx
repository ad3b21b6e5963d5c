import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { SCREEN_QR } from '@/lib/share/qrOptions';

interface QrImageProps {
  /** What the code encodes: the link exactly as saved. */
  text: string;
  /** Accessible name, e.g. "QR code for AliExpress referral link". */
  label: string;
}

/**
 * The link as a QR code, drawn as an SVG image (crisp at any zoom, no canvas needed). It is generated in an
 * effect, i.e. after the first paint, so the popup shows its text without waiting for the code.
 */
export function QrImage({ text, label }: QrImageProps) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setSrc(null);
    setFailed(false);
    QRCode.toString(text, { ...SCREEN_QR, type: 'svg' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text]);

  const size = SCREEN_QR.width;
  return (
    <div className="qr-frame" style={{ width: size, height: size }}>
      {src && <img src={src} alt={label} width={size} height={size} />}
      {failed && <p role="alert">{t('popupQrTooLong')}</p>}
    </div>
  );
}
