import { Fragment, type ReactNode, useLayoutEffect, useRef } from 'react';
import { useUiLanguage } from '@/components/hooks/useUiLanguage';

/**
 * Renders a page in the language chosen in Settings. Nothing is shown until the messages are loaded (a few
 * milliseconds, from the extension's own files); when the language changes, the page is re-created under a new
 * key so every `t()` call runs again, and focus returns to the element that had it (found by id), e.g. the
 * language select the user just changed.
 *
 * Wrap each page's root: `<LanguageProvider><Dashboard /></LanguageProvider>`.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { ready, locale } = useUiLanguage();
  const shown = useRef(locale);
  const focusId = useRef<string | null>(null);
  if (shown.current !== locale) {
    // Read (not changed) during render: the element that has focus now is gone after the re-creation below.
    focusId.current = document.activeElement?.id || null;
    shown.current = locale;
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once after each language switch, by design.
  useLayoutEffect(() => {
    const id = focusId.current;
    focusId.current = null;
    if (!id) return;
    // The re-created page may still be loading its data (settings, database) for a few frames.
    let frames = 0;
    let handle = 0;
    const refocus = () => {
      const el = document.getElementById(id);
      if (el) el.focus();
      else if (++frames < 60) handle = requestAnimationFrame(refocus);
    };
    refocus();
    return () => cancelAnimationFrame(handle);
  }, [locale]);
  if (!ready) return null;
  return <Fragment key={locale}>{children}</Fragment>;
}
