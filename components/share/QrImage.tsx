import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { screenQrOptions, screenQrSize } from '@/lib/share/qrOptions';

interface QrImageProps {
  /** What the code encodes: the link exactly as saved. */
  text: string;
  /** Accessible name, e.g. "QR code for AliExpress referral link". */
  label: string;
  /** Told the image once it is drawn (the popup keeps it for its next first paint: lib/share/popupCard.ts). */
  onDrawn?: (qr: { src: string; px: number; label: string }) => void;
}

/** The box an empty frame keeps while a code is drawn, and the alert's box when none can be. */
const PLACEHOLDER_PX = 180;

/**
 * The link as a QR code, drawn as an SVG image with crisp edges at a whole number of px a module, so a 1×
 * screenshot of it (or a phone camera) sees sharp, equal modules; longer links get a bigger box (screenQrSize).
 * The size is known at the first paint (no layout shift); the image is generated in an effect, i.e. after it, so
 * the popup shows its text without waiting for the code.
 */
export function QrImage({ text, label, onDrawn }: QrImageProps) {
  const size = useMemo(() => screenQrSize(text), [text]);
  const [src, setSrc] = useState<string | null>(null);
  const [drawFailed, setDrawFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setSrc(null);
    setDrawFailed(false);
    if (!size) return;
    QRCode.toString(text, { ...screenQrOptions(size), type: 'svg' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setDrawFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text, size]);

  const failed = !size || drawFailed;
  const px = size?.sizePx ?? PLACEHOLDER_PX;
  return (
    <div className="qr-frame" style={{ width: px, height: failed ? undefined : px }}>
      {src && size && <img src={src} alt={label} width={px} height={px} onLoad={() => onDrawn?.({ src, px, label })} />}
      {failed && <p role="alert">{t('popupQrTooLong')}</p>}
    </div>
  );
}
