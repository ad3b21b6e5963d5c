import { matchesPattern } from '@/lib/share/matchProgram';
import { CHANNEL } from './channel';
import type { PanelEvent } from './messages';

/** What panel.html is asked to show: `panel.html?program=aliexpress&action=copy`. */
export interface PanelParams {
  programId: string;
  /** 'copy': copy the link as soon as it is shown (the "copy link" keyboard shortcut). */
  action: 'copy' | null;
}

export function panelParams(search: string): PanelParams {
  const params = new URLSearchParams(search);
  return { programId: params.get('program') ?? '', action: params.get('action') === 'copy' ? 'copy' : null };
}

/**
 * Whether an embedding page's origin is one of the program's shopping sites. The launcher only ever embeds the
 * panel there, so anywhere else it is another site framing the panel (to make it copy the link, say), and the
 * panel shows nothing. Only scheme and host count: a path in a custom program's pattern does not narrow it.
 */
export function embeddedOnProgramSite(origin: string, shoppingHosts: readonly string[]): boolean {
  return shoppingHosts.some((pattern) =>
    matchesPattern(pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'), `${origin}/`),
  );
}

/**
 * The origin of the page the panel is framed in, where the browser says (Chromium's location.ancestorOrigins);
 * null when it is not framed or the browser does not say (Firefox, whose extension origins are secret anyway).
 */
export function embeddingOrigin(win: Window = window): string | null {
  if (win.parent === win) return null;
  return (win.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0] ?? null;
}

/**
 * Tells the launcher (the page's content script, in the parent window) to close the panel or fit its height. It
 * checks that the message comes from this frame and this extension's origin; the target is '*' because the
 * panel is not told the page's origin, and the message carries nothing private.
 */
export function tellLauncher(message: PanelEvent, win: Window = window): void {
  if (win.parent !== win) win.parent.postMessage({ channel: CHANNEL, ...message }, '*');
}
