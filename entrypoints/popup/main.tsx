import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { LanguageProvider } from '@/components/dashboard/settings/LanguageProvider';
import { Popup } from '@/components/popup/Popup';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {/* Speaks the language chosen in Settings from the first frame (nothing is fetched when it is the browser's). */}
      <LanguageProvider>
        <Popup />
      </LanguageProvider>
    </StrictMode>,
  );
}
