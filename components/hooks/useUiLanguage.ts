import { useEffect, useState } from 'react';
import { activeLocale, loadLanguage, uiLocale } from '@/lib/i18n/t';
import type { Locale } from '@/lib/referral/types';
import { useSettings } from './useSettings';

/**
 * The language the page speaks, from Settings ("auto" = the browser's). Loads that language's messages at
 * start-up and again whenever the setting changes (in this page or any other). `ready` turns true once the
 * first messages are in, so a page can wait rather than flash another language; `locale` changes after each
 * switch, which LanguageProvider uses to re-render the page. A language that fails to load leaves the
 * current one in place (and the page usable).
 */
export function useUiLanguage(): { ready: boolean; locale: Locale } {
  const choice = useSettings()?.language;
  const [loaded, setLoaded] = useState<Locale | null>(null);

  useEffect(() => {
    if (choice === undefined) return;
    let live = true;
    loadLanguage(uiLocale(choice))
      .catch((e: unknown) => console.warn('RefShare: could not switch language', e))
      .finally(() => {
        if (!live) return;
        const locale = activeLocale();
        document.documentElement.lang = locale;
        setLoaded(locale);
      });
    return () => {
      live = false;
    };
  }, [choice]);

  return { ready: loaded !== null, locale: loaded ?? activeLocale() };
}
