// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '@/lib/launcher/launcherContext';

const setId = (id: string | undefined) => {
  (fakeBrowser.runtime as { id?: string }).id = id;
};

beforeEach(() => {
  vi.useFakeTimers();
  setId('test-extension-id');
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the shop launcher's context", () => {
  it('is valid while the extension is there, and notices once when it is gone: each clean-up runs once', () => {
    const ctx = new ContentScriptContext();
    const first = vi.fn();
    const failing = vi.fn(() => {
      throw new Error('one clean-up failed');
    });
    const last = vi.fn();
    ctx.onInvalidated(first);
    ctx.onInvalidated(failing);
    ctx.onInvalidated(last);
    expect(ctx.isValid).toBe(true);
    expect(first).not.toHaveBeenCalled();
    setId(undefined);
    expect(ctx.isValid).toBe(false);
    expect(ctx.isValid).toBe(false);
    // A failing clean-up does not keep the next from running.
    expect([first.mock.calls.length, failing.mock.calls.length, last.mock.calls.length]).toEqual([1, 1, 1]);
    // Asked for after the end, a clean-up runs at once.
    const late = vi.fn();
    ctx.onInvalidated(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('runs its timers while valid and never after', () => {
    const ctx = new ContentScriptContext();
    const once = vi.fn();
    const gone = vi.fn();
    ctx.onInvalidated(gone);
    ctx.setTimeout(once, 100);
    const never = vi.fn();
    ctx.setTimeout(never, 5000);
    // A chain of timers (as the launcher's address checks are) stops where the context ends.
    const chain = vi.fn(() => ctx.setTimeout(chain, 250));
    ctx.setTimeout(chain, 250);
    vi.advanceTimersByTime(1000);
    expect(once).toHaveBeenCalledTimes(1);
    expect(chain).toHaveBeenCalledTimes(4);
    setId(undefined);
    // The next timer reads isValid: the context ends there, without anyone touching the page.
    vi.advanceTimersByTime(250);
    expect(gone).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(chain).toHaveBeenCalledTimes(4);
    expect(never).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
