// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AddLinkForm } from '@/components/share/AddLinkForm';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { setMessages } from '@/lib/i18n/t';
import { dispatch } from '@/lib/messaging/dispatch';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { ALI_SHORT, freshDb, settings, testCtx } from '../../unit/db/testDb';
import { withQuota } from '../../unit/durability/fullDisk';

/**
 * The whole path of a full disk, short of the browser: the form sends through the real client, the real dispatcher
 * runs the command on a database whose next write fails with the browser's QuotaExceededError, and the person reads
 * what happened, in their language, while what they typed stays in the form.
 */
const db = freshDb();
const disk = withQuota(db);

const messages = mergeLocales(localesDir(process.cwd()));

beforeEach(() => {
  disk.fill();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const ctx = testCtx();
  const origin = `chrome-extension://${fakeBrowser.runtime.id}/`;
  // The background, as the popup's sendMessage reaches it.
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void dispatch(
      message,
      { id: fakeBrowser.runtime.id, url: `${origin}popup.html` },
      {
        db,
        settings: async () => settings,
        extensionId: fakeBrowser.runtime.id,
        extensionOrigin: origin,
        now: () => ctx.now,
        newId: ctx.newId,
      },
    ).then(sendResponse);
    return true;
  });
});
afterEach(cleanup);

async function saveLink() {
  const onSaved = vi.fn();
  render(<AddLinkForm program={aliexpress} onSaved={onSaved} programs={BUILT_IN_PROGRAMS} />);
  // The link field comes first, in every language; Enter submits, as a person would.
  const [input] = screen.getAllByRole('textbox');
  if (!input) throw new Error('no link field');
  await userEvent.type(input, `${ALI_SHORT}{Enter}`);
  return { input: input as HTMLInputElement, onSaved };
}

describe('when the browser has no more room', () => {
  it('saying so in an alert, keeping what was typed, storing nothing; after room is made the same click saves', async () => {
    const { input, onSaved } = await saveLink();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your browser has no more room for RefShare’s data, so this was not saved (nothing was changed). Free some disk space, or delete old invites or coupons, and try again.',
    );
    expect(input.value).toBe(ALI_SHORT);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.links.count()).toBe(0);

    disk.free();
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(await db.links.count()).toBe(1);
    await db.links.clear();
  });

  it('in the language the user chose (Spanish, Portuguese)', async () => {
    setMessages(messages.es ?? null);
    await saveLink();
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Tu navegador no tiene más espacio/);
    cleanup();
    setMessages(messages.pt ?? null);
    await saveLink();
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Seu navegador não tem mais espaço/);
  });
});
