import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/t';

const CONFIRM_MS = 2500;

/** Copies a coupon code to the clipboard and says so (politely, for screen readers too). */
export function CopyCodeButton({ code, describedBy }: { code: string; describedBy: string }) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (result !== 'copied') return;
    const timer = setTimeout(() => setResult(null), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };

  return (
    <>
      <button type="button" onClick={copy} aria-describedby={describedBy}>
        {t('couponsCopyCode')}
      </button>
      <span role="status" className="coupon-copied">
        {result === 'copied' ? t('couponsCopied') : ''}
      </span>
      {result === 'failed' && (
        <span role="alert" className="coupon-copy-failed">
          {t('couponsCopyFailed')}
        </span>
      )}
    </>
  );
}
