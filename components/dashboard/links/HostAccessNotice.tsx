import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { hasHostAccess, originsFor, requestHostAccess } from './hostAccess';

interface HostAccessNoticeProps {
  programName: string;
  hosts: string[];
}

/**
 * For a custom program whose shopping sites RefShare may not read: says the shop-page button will not appear
 * there and offers to ask again. Shows nothing when access is granted or cannot be checked.
 */
export function HostAccessNotice({ programName, hosts }: HostAccessNoticeProps) {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const key = hosts.join(' ');

  useEffect(() => {
    let live = true;
    hasHostAccess(originsFor(key.split(' '))).then((g) => live && setGranted(g));
    return () => {
      live = false;
    };
  }, [key]);

  if (granted !== false) return null;
  return (
    <div className="links-host-access">
      <p>{t('linksHostAccessOff', programName)}</p>
      <button
        type="button"
        // Called straight from the click: the browser only shows its prompt during a user gesture.
        onClick={() => requestHostAccess(originsFor(hosts)).then((g) => setGranted(g === true))}
      >
        {t('linksHostAccessAllow')}
      </button>
    </div>
  );
}
