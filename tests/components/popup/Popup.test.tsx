// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { sendCommand } from '@/lib/messaging/client';
import type { ReferralLink } from '@/lib/referral/types';
import { loadSettings, saveSettings } from '@/lib/settings';
import { noteVersion } from '@/lib/share/popupCard';
import { ALI_URL, aliLink, decodeQrSvg, svgOfImage } from '../share/fixtures';
import { clearDb, db, invite } from './seed';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
/** The background's answer to a command in these tests: no invites yet for shareFacts, an empty success otherwise. */
const answer = (command: string) =>
  command === 'shareFacts' ? { cap: { used: 0, reached: false }, friendsJoined: 0, couponsEarned: 0 } : {};

const TEMU_LINK: ReferralLink = {
  id: 'link-temu',
  programId: 'temu',
  url: 'https://www.temu.com/s/Ab12Cd34Ef',
  code: 'Ab12Cd34Ef',
  label: 'Temu',
  primary: 1,
  createdAt: 2,
  updatedAt: 2,
};

/** The tab the popup was opened on, as the popup's entry (main.tsx) reads it once and notes it for the app. */
function onTab(url?: string) {
  noteVersion({}, url);
}

async function renderPopup() {
  const user = userEvent.setup();
  const view = render(<Popup />);
  await screen.findByRole('combobox', { name: 'Program' });
  return { user, ...view };
}

const programSelect = () => screen.getByRole('combobox', { name: 'Program' }) as HTMLSelectElement;

beforeEach(async () => {
  fakeBrowser.reset();
  await clearDb();
  send.mockReset();
  send.mockImplementation(async (command: string) => ({ ok: true, value: answer(command) }) as never);
  onTab(undefined);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Popup: choosing the program', () => {
  it('lists every program in a select labelled "Program"', async () => {
    await renderPopup();
    expect(
      within(programSelect())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['AliExpress', 'Temu']);
  });

  it('opens on the program of the current tab', async () => {
    await db.links.add(aliLink());
    await saveSettings({ lastProgramId: 'aliexpress' });
    onTab('https://www.temu.com/goods-123.html');
    await renderPopup();
    expect(programSelect().value).toBe('temu');
  });

  it('else on the program used last', async () => {
    await db.links.add(aliLink());
    await saveSettings({ lastProgramId: 'temu' });
    onTab('https://example.com/');
    await renderPopup();
    expect(programSelect().value).toBe('temu');
  });

  it('else on the first program with a link, else AliExpress', async () => {
    await db.links.add(TEMU_LINK);
    await renderPopup();
    expect(programSelect().value).toBe('temu');
    cleanup();
    await db.links.clear();
    await renderPopup();
    expect(programSelect().value).toBe('aliexpress');
  });

  it('survives a tab query that fails', async () => {
    vi.spyOn(browser.tabs, 'query').mockRejectedValue(new Error('no tabs permission'));
    await renderPopup();
    expect(programSelect().value).toBe('aliexpress');
  });

  it('switching program shows that program and is remembered', async () => {
    await db.links.add(aliLink());
    const { user } = await renderPopup();
    expect(await screen.findByRole('img', { name: 'QR code for AliExpress referral link' })).toBeTruthy();
    await user.selectOptions(programSelect(), 'temu');
    expect(programSelect().value).toBe('temu');
    expect(screen.getByRole('form', { name: 'Add your referral link' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    await waitFor(async () => expect((await loadSettings()).lastProgramId).toBe('temu'));
  });
});

describe('Popup: no link yet', () => {
  it('shows the "Add your referral link" form', async () => {
    await renderPopup();
    expect(screen.getByRole('heading', { name: 'Add your referral link' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Referral link' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save link' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('a refused javascript: link shows the reason and no QR, and nothing is sent', async () => {
    const { user } = await renderPopup();
    await user.type(screen.getByRole('textbox', { name: 'Referral link' }), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save link' }));
    expect(send).not.toHaveBeenCalledWith('saveLink', expect.anything());
    expect((await screen.findByRole('alert')).textContent).toMatch(/This is a javascript: address: it runs code/);
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(await db.links.count()).toBe(0);
    expect(programSelect().value).toBe('aliexpress');
  });

  it("after saving, switches to the link's own program and shows its QR", async () => {
    send.mockImplementation(async (command) => {
      // What the background does: store the link, reply with it.
      if (command === 'saveLink') await db.links.add(TEMU_LINK);
      return { ok: true, value: TEMU_LINK as never };
    });
    const { user } = await renderPopup();
    expect(programSelect().value).toBe('aliexpress');
    await user.type(screen.getByRole('textbox', { name: 'Referral link' }), TEMU_LINK.url);
    await user.click(screen.getByRole('button', { name: 'Save link' }));
    expect(await screen.findByRole('img', { name: 'QR code for Temu referral link' })).toBeTruthy();
    expect(programSelect().value).toBe('temu');
    expect(screen.getByText('Link saved for Temu.')).toBeTruthy();
    await waitFor(async () => expect((await loadSettings()).lastProgramId).toBe('temu'));
  });
});

describe('Popup: with a link', () => {
  beforeEach(async () => {
    await db.links.add(aliLink());
  });

  it('shows the QR named for the program, encoding exactly the link', async () => {
    await renderPopup();
    const qr = await screen.findByRole('img', { name: 'QR code for AliExpress referral link' });
    expect(decodeQrSvg(svgOfImage(qr))).toBe(ALI_URL);
    expect(screen.getByText(ALI_URL)).toBeTruthy();
  });

  it('"Copy link" writes exactly the link', async () => {
    const { user } = await renderPopup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(ALI_URL);
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Copied')).toBe(true);
  });

  it('"Share…" → WhatsApp records the invite with the nickname and opens wa.me with the encoded text', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const { user } = await renderPopup();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const menu = screen.getByRole('menu');
    for (const name of ['WhatsApp', 'Telegram', 'Email', 'SMS', 'X', 'Facebook']) {
      expect(within(menu).getByRole('menuitem', { name })).toBeTruthy();
    }
    await user.click(within(menu).getByRole('menuitem', { name: 'WhatsApp' }));
    expect(send).toHaveBeenCalledWith('recordShare', {
      linkId: 'link-ali',
      channel: 'whatsapp',
      nickname: 'Ana',
      shareId: expect.any(String),
    });
    const url = String(create.mock.calls[0]?.[0].url);
    expect(url.startsWith('https://wa.me/?text=')).toBe(true);
    expect(url).toContain(encodeURIComponent(`Hi Ana, join AliExpress with my invite link`));
    expect(url).toContain(encodeURIComponent(ALI_URL));
  });

  it("uses the user's own share template for the UI language", async () => {
    await saveSettings({ templates: { aliexpress: { en: 'Use code {code} at {link}' } } });
    await renderPopup();
    expect(await screen.findByText(`Use code IN7XK2P9 at ${ALI_URL}`)).toBeTruthy();
  });

  it('follows a change of primary link made elsewhere, without reload', async () => {
    await db.links.add(
      aliLink({ id: 'link-2', url: 'https://a.aliexpress.com/_mKXyZab', code: undefined, primary: 0, createdAt: 5 }),
    );
    await renderPopup();
    expect(screen.getByText(ALI_URL)).toBeTruthy();
    await act(async () => {
      await db.links.update('link-ali', { primary: 0 });
      await db.links.update('link-2', { primary: 1 });
    });
    expect(await screen.findByText('https://a.aliexpress.com/_mKXyZab')).toBeTruthy();
  });
});

describe('Popup: opened by a follow-up notification (popup.html?remind=<invite>)', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('opens on that invite\'s program and friend, "Send a reminder" chosen', async () => {
    await db.links.bulkAdd([aliLink({ primary: 1 }), TEMU_LINK]);
    await db.invites.add(invite({ id: 'inv-bea', sharedAt: 1, nickname: 'Bea', programId: 'temu' }));
    await saveSettings({ lastProgramId: 'aliexpress' });
    send.mockImplementation(async (command: string) =>
      command === 'openInvite'
        ? ({ ok: true, value: await db.invites.get('inv-bea') } as never)
        : ({ ok: true, value: answer(command) } as never),
    );
    history.replaceState(null, '', '?remind=inv-bea');
    await renderPopup();
    expect(programSelect().value).toBe('temu');
    expect((screen.getByRole('textbox', { name: 'Who is it for?' }) as HTMLInputElement).value).toBe('Bea');
    const group = await screen.findByRole('group', { name: /Bea already has an open Temu invite/ });
    expect(within(group).getByRole('button', { name: 'Send a reminder' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('an invite that is gone opens the usual popup', async () => {
    await db.links.add(aliLink());
    history.replaceState(null, '', '?remind=inv-gone');
    await renderPopup();
    expect(programSelect().value).toBe('aliexpress');
    expect((screen.getByRole('textbox', { name: 'Who is it for?' }) as HTMLInputElement).value).toBe('');
  });
});

describe('Popup: footer', () => {
  it('links to the dashboard and says RefShare earns nothing', async () => {
    await renderPopup();
    const link = screen.getByRole('link', { name: 'Open dashboard' });
    expect(link.getAttribute('href')).toBe(browser.runtime.getURL('/options.html'));
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('RefShare earns nothing from your links; your data stays on this device.')).toBeTruthy();
  });

  it('"Open dashboard" goes through openOptionsPage', async () => {
    const open = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const { user } = await renderPopup();
    await user.click(screen.getByRole('link', { name: 'Open dashboard' }));
    expect(open).toHaveBeenCalledOnce();
    await waitFor(() => expect(close).toHaveBeenCalledOnce());
  });
});
