/**
 * The shop-page share panel: an extension page the launcher shows in an iframe on a program's shopping site
 * (panel.html?program=<id>[&action=copy]), so page scripts cannot read it. It loads only when the user opens it.
 */
import '@/components/theme.css';
import '@/components/popup/popup.css';
import './panel.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from '@/components/LanguageProvider';
import { panelParams, tellLauncher } from '@/lib/launcher/panelGuard';
import { Panel } from './App';

// Escape closes the panel from anywhere in it, unless a control used it first (the "Share…" menu closes itself).
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented) tellLauncher({ event: 'close' });
});
// The launcher sizes the frame to the content, up to the viewport's height; not to the empty page while loading.
new ResizeObserver(() => {
  if (document.querySelector('main:not([aria-busy])'))
    tellLauncher({ event: 'resize', height: document.body.scrollHeight });
}).observe(document.body);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider>
        <Panel {...panelParams(location.search)} />
      </LanguageProvider>
    </StrictMode>,
  );
}
