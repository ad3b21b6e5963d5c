import type { CaptureOutcome } from '@/lib/statusSources/runCapture';

export interface CaptureBarLabels {
  region: string;
  action: string;
  hint: string;
  working: string;
  close: string;
  noAnswer: string;
}

const CSS = `
:host { all: initial; }
.bar { font: 14px/1.4 system-ui, sans-serif; color: #1d1d1f; background: #fff; border: 1px solid #d0d0d7;
  border-radius: 12px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); padding: 10px 12px; max-width: 320px; }
.row { display: flex; gap: 8px; align-items: center; }
.go { flex: 1; font: inherit; font-weight: 600; color: #fff; background: #0b6bcb; border: 0; border-radius: 8px;
  padding: 8px 12px; cursor: pointer; }
.go:disabled { opacity: 0.6; cursor: progress; }
.x { font: inherit; font-size: 18px; line-height: 1; background: none; border: 0; color: #555; cursor: pointer;
  padding: 4px 6px; border-radius: 6px; }
button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
p { margin: 6px 0 0; }
.hint { color: #555; font-size: 12px; }
[role="alert"] { color: #b00020; }
[hidden] { display: none; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
) {
  return Object.assign(doc.createElement(tag), props);
}

/**
 * The capture bar: one button in a closed shadow root (page scripts cannot reach into it), in a host element
 * of its own at the end of <html>; nothing else on the page is touched. The page is read only inside
 * `onActivate`, that is, after the user's click. Results are shown as text, never as HTML.
 */
export function mountCaptureBar(
  doc: Document,
  labels: CaptureBarLabels,
  onActivate: () => Promise<CaptureOutcome>,
  { start = false }: { start?: boolean } = {},
): HTMLElement {
  // Asked again from the context menu on a page that already shows a bar: one bar, the newest.
  for (const old of doc.querySelectorAll('refshare-capture')) old.remove();
  const host = doc.createElement('refshare-capture');
  // The page's own CSS can style our host element; inline !important keeps it where it belongs. Bottom-left,
  // because the shop launcher (which also runs on the programs' sites) docks bottom-right by default.
  host.style.cssText =
    'all:initial!important;position:fixed!important;left:16px!important;bottom:16px!important;' +
    'z-index:2147483647!important;display:block!important';
  const root = host.attachShadow({ mode: 'closed' });
  const bar = el(doc, 'section', { className: 'bar' });
  bar.setAttribute('aria-label', labels.region);
  const go = el(doc, 'button', { type: 'button', className: 'go', textContent: labels.action });
  const close = el(doc, 'button', { type: 'button', className: 'x', textContent: '×' });
  close.setAttribute('aria-label', labels.close);
  const row = el(doc, 'div', { className: 'row' });
  row.append(go, close);
  const hint = el(doc, 'p', { className: 'hint', textContent: labels.hint });
  const status = el(doc, 'p');
  status.setAttribute('role', 'status');
  const alert = el(doc, 'p', { hidden: true });
  alert.setAttribute('role', 'alert');
  bar.append(row, hint, status, alert);
  root.append(el(doc, 'style', { textContent: CSS }), bar);

  const show = (outcome: CaptureOutcome) => {
    status.textContent = outcome.ok ? outcome.text : '';
    alert.textContent = outcome.ok ? '' : outcome.text;
    alert.hidden = outcome.ok;
  };
  const run = async () => {
    go.disabled = true;
    show({ ok: true, text: labels.working });
    try {
      show(await onActivate());
    } catch {
      // The extension was updated or its worker could not be reached: say so rather than fail silently.
      show({ ok: false, text: labels.noAnswer });
    } finally {
      go.disabled = false;
    }
  };
  go.addEventListener('click', run);
  close.addEventListener('click', () => host.remove());
  doc.documentElement.append(host);
  // From the context menu, the user's click on the menu entry was the request: read the page now.
  if (start) void run();
  return host;
}
