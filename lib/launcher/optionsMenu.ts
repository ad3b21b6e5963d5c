import type { LauncherView } from './launcherView';

/** Opens or closes the launcher's options ("Hide to a small tab", "Don't show on this site"). */
function showMenu(v: LauncherView, shown: boolean): void {
  v.menu.hidden = !shown;
  v.more.setAttribute('aria-expanded', String(shown));
}

/**
 * The options button is a disclosure: it toggles the options; Escape closes them and returns focus to it, and so
 * does a press anywhere else. `allowed()` is asked before opening (false once the extension went away).
 */
export function wireOptionsMenu(v: LauncherView, allowed: () => boolean, signal: AbortSignal): void {
  const doc = v.host.ownerDocument;
  v.more.addEventListener('click', () => allowed() && showMenu(v, v.menu.hidden), { signal });
  v.menu.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      showMenu(v, false);
      v.more.focus();
    },
    { signal },
  );
  // The page's document sees a press inside our closed root as a press on the host (composedPath hides the rest
  // from it), so presses inside are told apart by the root itself.
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (!v.menu.hidden && !e.composedPath().includes(v.host)) showMenu(v, false);
    },
    { signal },
  );
  v.root.addEventListener(
    'pointerdown',
    (e) => {
      const path = e.composedPath();
      if (!path.includes(v.more) && !path.includes(v.menu)) showMenu(v, false);
    },
    { signal },
  );
}
