// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CaptureBarLabels, mountCaptureBar } from '@/entrypoints/capture.content/captureBar';

const LABELS: CaptureBarLabels = {
  region: 'RefShare',
  action: 'Save this link to RefShare',
  hint: 'RefShare reads this page only when you click.',
  working: 'Reading this page…',
  close: 'Close',
  noAnswer: 'RefShare did not answer. Reload the page and try again.',
};

/** Mounts the bar and keeps a handle on its closed shadow root, which the page itself never gets. */
function mount(onActivate: () => Promise<{ ok: boolean; text: string }>, options?: { start?: boolean }) {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const before = document.body.outerHTML;
  const host = mountCaptureBar(document, LABELS, onActivate, options);
  const root = attach.mock.results[0]?.value as ShadowRoot;
  const button = (name: string) =>
    Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  return { host, root, button, before };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '<p>The page</p>';
  for (const el of Array.from(document.querySelectorAll('refshare-capture'))) el.remove();
});

describe('capture bar', () => {
  it('lives in a closed shadow root of its own host; the page is otherwise untouched', () => {
    document.body.innerHTML = '<p>The page</p>';
    const { host, root, before } = mount(async () => ({ ok: true, text: '' }));
    expect(vi.mocked(Element.prototype.attachShadow)).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host.shadowRoot).toBeNull();
    expect(root.querySelector('section')?.getAttribute('aria-label')).toBe('RefShare');
    expect(document.body.outerHTML).toBe(before);
    expect(host.parentElement).toBe(document.documentElement);
  });

  it('does nothing until clicked; then shows the result in a status', async () => {
    const onActivate = vi.fn(async () => ({ ok: true, text: 'Saved to RefShare' }));
    const { root, button } = mount(onActivate);
    expect(onActivate).not.toHaveBeenCalled();
    button('Save this link to RefShare')?.click();
    expect(onActivate).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved to RefShare'));
    expect(root.querySelector<HTMLElement>('[role="alert"]')?.hidden).toBe(true);
  });

  it('asked from the context menu, reads the page at once and shows the result', async () => {
    const onActivate = vi.fn(async () => ({ ok: true, text: 'Imported 2 coupons' }));
    const { root } = mount(onActivate, { start: true });
    expect(onActivate).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Imported 2 coupons'));
  });

  it('asked again, replaces the bar it showed before: one bar on the page', () => {
    const first = mount(async () => ({ ok: true, text: '' }));
    vi.restoreAllMocks();
    const second = mount(async () => ({ ok: true, text: '' }), { start: true });
    expect(first.host.isConnected).toBe(false);
    expect(document.querySelectorAll('refshare-capture')).toHaveLength(1);
    expect(second.host.isConnected).toBe(true);
  });

  it('shows a refusal as text in an alert, never as markup', async () => {
    const text = '<img src=x onerror=alert(1)> is not a link';
    const { root, button } = mount(async () => ({ ok: false, text }));
    button('Save this link to RefShare')?.click();
    const alert = root.querySelector<HTMLElement>('[role="alert"]');
    await vi.waitFor(() => expect(alert?.textContent).toBe(text));
    expect(alert?.hidden).toBe(false);
    expect(alert?.querySelector('img')).toBeNull();
  });

  it('says so when the background cannot be reached', async () => {
    const { root, button } = mount(async () => {
      throw new Error('Extension context invalidated.');
    });
    button('Save this link to RefShare')?.click();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe(LABELS.noAnswer));
  });

  it('Close removes the bar and nothing else', () => {
    const { host, button } = mount(async () => ({ ok: true, text: '' }));
    button('Close')?.click();
    expect(host.isConnected).toBe(false);
    expect(document.body.textContent).toBe('The page');
  });
});
