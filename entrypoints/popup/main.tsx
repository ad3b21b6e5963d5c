/**
 * The popup opens on every toolbar click, so it paints its static shell (index.html) first and only then loads
 * React, Dexie and the QR encoder: the user sees RefShare at once instead of a blank box while ~125 kB of script
 * is parsed.
 */
// Styles come with the shell, so it paints styled; the rest waits for the first frame.
import '@/components/theme.css';
import '@/components/popup/popup.css';

const root = document.getElementById('root');
if (root) {
  requestAnimationFrame(() => {
    setTimeout(() => {
      void import('./App').then(({ mount }) => mount(root));
    });
  });
}
