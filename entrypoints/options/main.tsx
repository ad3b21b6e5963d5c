import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { LanguageProvider } from '@/components/LanguageProvider';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider>
        <Dashboard />
      </LanguageProvider>
    </StrictMode>,
  );
}
