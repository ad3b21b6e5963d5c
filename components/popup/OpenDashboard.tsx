import type { MouseEvent } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';

/**
 * "Open dashboard". A real link (works with middle-click and the context menu); a plain click goes through
 * openOptionsPage, which focuses a dashboard tab already open instead of adding another, then closes the popup.
 */
export function OpenDashboard() {
  const href = browser.runtime.getURL('/options.html');
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    browser.runtime.openOptionsPage().then(
      () => window.close(),
      () => window.open(href, '_blank', 'noopener'),
    );
  };
  return (
    <a href={href} target="_blank" rel="noreferrer" onClick={onClick} className="open-dashboard">
      {t('popupOpenDashboard')}
    </a>
  );
}
