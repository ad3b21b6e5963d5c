import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from '@/components/LanguageProvider';
import { Popup } from '@/components/popup/Popup';

/** Renders the popup over the static shell in index.html. */
export function mount(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      {/* Speaks the language chosen in Settings from the first frame (nothing is fetched when it is the browser's). */}
      <LanguageProvider>
        <Popup />
      </LanguageProvider>
    </StrictMode>,
  );
}
