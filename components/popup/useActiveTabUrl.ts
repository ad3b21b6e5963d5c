import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The URL of the tab the popup was opened on: undefined while asking, null when there is none to read
 * (no tab, a browser page, or no activeTab grant). Read once: the popup lives only while that tab is shown.
 */
export function useActiveTabUrl(): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    browser.tabs.query({ active: true, currentWindow: true }).then(
      (tabs) => live && setUrl(tabs[0]?.url || null),
      () => live && setUrl(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return url;
}
