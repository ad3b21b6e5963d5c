// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ShareCard } from '@/components/share/ShareCard';
import { sendCommand } from '@/lib/messaging/client';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { ALI_URL, aliLink, decodeQrSvg, svgOfImage } from './fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);
/** The background's answer to a command in these tests: no invites yet for shareFacts, an empty success otherwise. */
/** The commands sent, without the card's own shareFacts reads (asked on open and after each share). */
const sent = () => send.mock.calls.filter(([command]) => command !== 'shareFacts');
const answer = (command: string) =>
  command === 'shareFacts' ? { cap: { used: 0, reached: false }, friendsJoined: 0, couponsEarned: 0 } : {};

const TEMPLATE = aliexpress.shareTexts.en;
/** The English AliExpress steps as the default template carries them (lib/referral/programs/friendSteps.ts). */
const STEPS = [
  '1. Use this only if you have never registered on AliExpress.',
  '2. Register through this link, not on AliExpress directly.',
  '3. On a phone, tap this link so the AliExpress app opens it, then sign up there.',
  '4. Pay for your first order and keep it: cancelled or refunded, it does not count.',
].join('\n');
const CHANNELS = ['WhatsApp', 'Telegram', 'Email', 'SMS', 'X', 'Facebook'];

function setup(props: Partial<Parameters<typeof ShareCard>[0]> = {}) {
  const user = userEvent.setup();
  // After userEvent.setup(), which installs its own clipboard.
  const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
  const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
  const view = render(<ShareCard program={aliexpress} links={[aliLink()]} template={TEMPLATE} {...props} />);
  return { user, writeText, create, ...view };
}

function stubWebShare(share: (data: ShareData) => Promise<void>) {
  Object.defineProperty(navigator, 'share', { value: vi.fn(share), configurable: true });
  Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
}

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  send.mockImplementation(async (command: string) => ({ ok: true, value: answer(command) }) as never);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'share');
  Reflect.deleteProperty(navigator, 'canShare');
});

describe('ShareCard', () => {
  it('shows the link as text, its code, and a QR image that decodes to exactly the link', async () => {
    setup();
    expect(screen.getByText(ALI_URL)).toBeTruthy();
    expect(screen.getByText('Code: IN7XK2P9')).toBeTruthy();
    const qr = await screen.findByRole('img', { name: 'QR code for AliExpress referral link' });
    expect(decodeQrSvg(svgOfImage(qr))).toBe(ALI_URL);
  });

  it('draws the QR black on white with a 4-module quiet zone, whatever the theme', async () => {
    setup();
    const svg = svgOfImage(await screen.findByRole('img', { name: /QR code/ }));
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('stroke="#000000"');
    expect(svg).toMatch(/d="M4 4\.5/);
  });

  it('"Copy link" copies exactly the link and confirms in a status region, briefly', async () => {
    const { user, writeText } = setup();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(ALI_URL);
    expect(screen.getByRole('status').textContent).toBe('Copied');
    expect(sent()).toEqual([]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''), { timeout: 3000 });
  });

  it('"Copy share text" copies the rendered text with the nickname', async () => {
    const { user, writeText } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Copy share text' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(
      `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${ALI_URL}\n${STEPS}`,
    );
  });

  it('shows the friend\'s steps as a list under "How <nickname or your friend> gets the coupons", and what they get', async () => {
    const { user } = setup();
    const list = () => screen.getByRole('list', { name: /gets the coupons/ });
    expect(screen.getByRole('heading', { name: 'How your friend gets the coupons' })).toBeTruthy();
    expect(
      within(list())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(STEPS.split('\n').map((line) => line.replace(/^\d\. /, '')));
    expect(screen.getByText('You get a set of new-user coupons for your first order.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    expect(screen.getByRole('heading', { name: 'How Ana gets the coupons' })).toBeTruthy();
  });

  it('X and SMS carry the steps in one line, and their counters count that text', async () => {
    const { user, create } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const compact = `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${ALI_URL}\nNever on AliExpress? Register through this link (in the app too), pay a first order, don’t cancel or refund it.`;
    // 90 characters before the link, 23 for the link (X's weight), a line break and the 111-character line.
    expect(screen.getByRole('menuitem', { name: /^X/ }).textContent).toContain('225/280');
    await user.click(screen.getByRole('menuitem', { name: /^X/ }));
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: `https://x.com/intent/post?text=${encodeURIComponent(compact)}`,
    });
  });

  describe("what the background knows of the program's invites (shareFacts)", () => {
    const facts = (patch: object) =>
      send.mockImplementation(
        async (command: string) =>
          ({ ok: true, value: command === 'shareFacts' ? { ...answer(command), ...patch } : {} }) as never,
      );

    it("{friendsJoined} and {couponsEarned} carry the user's own counts, asked again after a share", async () => {
      facts({ friendsJoined: 3, couponsEarned: 2 });
      const { user, writeText } = setup({ template: '{link}\n{friendsJoined} {couponsEarned}' });
      await waitFor(() => expect(screen.getByText(/3 friends already joined through my link\./)).toBeTruthy());
      await user.click(screen.getByRole('button', { name: 'Copy share text' }));
      expect(writeText).toHaveBeenCalledExactlyOnceWith(
        `${ALI_URL}\n3 friends already joined through my link. My invites have already earned 2 coupons.`,
      );
      await user.click(screen.getByRole('button', { name: 'Share…' }));
      await user.click(screen.getByRole('menuitem', { name: 'WhatsApp' }));
      await waitFor(() => expect(send.mock.calls.filter(([c]) => c === 'shareFacts')).toHaveLength(2));
    });

    it('with no friend joined yet, the variables say nothing', async () => {
      const { user, writeText } = setup({ template: '{link}\n{friendsJoined}' });
      await waitFor(() => expect(send).toHaveBeenCalledWith('shareFacts', { programId: 'aliexpress' }));
      await user.click(screen.getByRole('button', { name: 'Copy share text' }));
      expect(writeText).toHaveBeenCalledExactlyOnceWith(ALI_URL);
    });

    it('a reached monthly cap is said before sharing: the friend still gets their offers, the sharer no reward', async () => {
      facts({ cap: { used: 5, limit: 5, reached: true } });
      setup();
      expect(
        await screen.findByText(
          "You have reached AliExpress's monthly cap (5 rewarded invites this month): your friend still gets the new-user offers, but this invite will not earn you a reward until next month.",
        ),
      ).toBeTruthy();
    });

    it('says nothing of a cap not reached', async () => {
      facts({ cap: { used: 4, limit: 5, reached: false } });
      setup();
      await waitFor(() => expect(send).toHaveBeenCalledWith('shareFacts', { programId: 'aliexpress' }));
      expect(screen.queryByText(/monthly cap/)).toBeNull();
    });
  });

  it('a clipboard failure is shown as an alert', async () => {
    const { user, writeText } = setup();
    writeText.mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('alert').textContent).toContain('Document is not focused.');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('previews the share text, updated as the nickname is typed', async () => {
    const { user } = setup();
    expect(
      screen.getByText(
        `Hi, join AliExpress with my invite link and get new-user coupons on your first order: ${ALI_URL}\n${STEPS}`,
        { normalizer: (text) => text },
      ),
    ).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Bo');
    expect(screen.getByText(/^Hi Bo, join AliExpress/)).toBeTruthy();
  });

  it('"Share…" without Web Share opens a menu of the six channels', async () => {
    const { user } = setup();
    const share = screen.getByRole('button', { name: 'Share…' });
    expect(share.getAttribute('aria-expanded')).toBe('false');
    await user.click(share);
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.getAttribute('aria-label')),
    ).toEqual(CHANNELS);
    for (const name of CHANNELS) expect(within(menu).getByRole('menuitem', { name })).toBeTruthy();
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'WhatsApp' }));
  });

  it('choosing WhatsApp records the invite with the nickname, then opens wa.me with the encoded text', async () => {
    const { user, create } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    await user.click(screen.getByRole('menuitem', { name: 'WhatsApp' }));
    expect(sent()).toEqual([
      [
        'recordShare',
        {
          linkId: 'link-ali',
          channel: 'whatsapp',
          nickname: 'Ana',
          shareId: expect.any(String),
        },
      ],
    ]);
    const text = `Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order: ${ALI_URL}\n${STEPS}`;
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: `https://wa.me/?text=${encodeURIComponent(text)}` });
    expect(send.mock.invocationCallOrder[0]).toBeLessThan(create.mock.invocationCallOrder[0] ?? 0);
    expect(screen.getByRole('status').textContent).toBe('Invite recorded (WhatsApp).');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('"<nickname> already has a <Program> account": explains that no one gets the rewards, and records the share as such', async () => {
    const { user } = setup();
    expect(screen.queryByRole('checkbox')).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Caio');
    const box = screen.getByRole('checkbox', { name: 'Caio already has a AliExpress account' });
    expect(screen.queryByText(/neither of you gets the invite rewards/)).toBeNull();
    await user.click(box);
    expect(screen.getByText(/neither of you gets the invite rewards/).textContent).toContain('only to new users');
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    await user.click(screen.getByRole('menuitem', { name: 'SMS' }));
    expect(send).toHaveBeenCalledWith(
      'recordShare',
      expect.objectContaining({ nickname: 'Caio', alreadyMember: true }),
    );
    // Cleared with the nickname after the share.
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  describe('a friend who already has an open invite', () => {
    const ana = (status: string) => ({
      id: 'inv-ana',
      programId: 'aliexpress',
      linkId: 'link-ali',
      channel: 'whatsapp',
      nickname: 'Ana',
      sharedAt: 1,
      status,
      milestones: {},
      evidence: [],
      rejected: [],
      updatedAt: 1,
    });
    const answerOpen = (status: string) =>
      send.mockImplementation(async (command: string) =>
        command === 'openInvite'
          ? ({ ok: true, value: ana(status) } as never)
          : ({ ok: true, value: answer(command) } as never),
      );
    const shareTo = async (user: ReturnType<typeof userEvent.setup>, name: string) => {
      await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), name);
      return screen.findByRole('group', { name: /already has an open AliExpress invite/ });
    };

    it('offers "Send a reminder" (chosen) or "New invite"; the reminder is recorded on that invite, not as a new one', async () => {
      answerOpen('shared');
      const { user, create } = setup();
      const group = await shareTo(user, 'ana');
      expect(group.textContent).toContain('Ana already has an open AliExpress invite: not registered yet.');
      expect(within(group).getByRole('button', { name: 'Send a reminder' }).getAttribute('aria-pressed')).toBe('true');
      expect(within(group).getByRole('button', { name: 'New invite' }).getAttribute('aria-pressed')).toBe('false');
      // The text is the reminder for a friend who has not registered: how to register through the link.
      expect(screen.getByText(/sign up through it/).textContent).toContain(ALI_URL);
      await user.click(screen.getByRole('button', { name: 'Share…' }));
      await user.click(screen.getByRole('menuitem', { name: 'WhatsApp' }));
      expect(send).toHaveBeenCalledWith('recordReminder', {
        inviteId: 'inv-ana',
        channel: 'whatsapp',
        reminderId: expect.any(String),
      });
      expect(send.mock.calls.some((c) => c[0] === 'recordShare')).toBe(false);
      expect(String(create.mock.calls[0]?.[0].url)).toContain(encodeURIComponent('open my link and sign up'));
      expect(screen.getByRole('status').textContent).toBe('Reminder recorded (WhatsApp).');
    });

    it('"New invite" records a new invite with the usual text', async () => {
      answerOpen('registered');
      const { user } = setup();
      const group = await shareTo(user, 'Ana');
      expect(group.textContent).toContain('registered, no order yet');
      await user.click(within(group).getByRole('button', { name: 'New invite' }));
      expect(within(group).getByRole('button', { name: 'New invite' }).getAttribute('aria-pressed')).toBe('true');
      await user.click(screen.getByRole('button', { name: 'Share…' }));
      await user.click(screen.getByRole('menuitem', { name: 'WhatsApp' }));
      expect(send).toHaveBeenCalledWith('recordShare', expect.objectContaining({ nickname: 'Ana' }));
      expect(send.mock.calls.some((c) => c[0] === 'recordReminder')).toBe(false);
      expect(screen.getByRole('status').textContent).toBe('Invite recorded (WhatsApp).');
    });

    it('a friend who has ordered gets no reminder: nothing to nag about', async () => {
      answerOpen('first_purchase');
      const { user } = setup();
      const group = await shareTo(user, 'Ana');
      expect((within(group).getByRole('button', { name: 'Send a reminder' }) as HTMLButtonElement).disabled).toBe(true);
      expect(group.textContent).toContain('There is nothing to remind Ana of.');
      expect(screen.queryByText(/sign up through it|coupons are waiting/)).toBeNull();
    });
  });

  it('pressed again after "did not answer", the same share carries the same id (recorded once); another friend a new one', async () => {
    const noAnswer = { ok: false as const, error: { code: 'internal' as const, message: 'No answer. Try again.' } };
    const { user } = setup();
    // The card's shareFacts read on opening is answered first; the first share then gets no answer.
    await waitFor(() => expect(send).toHaveBeenCalledWith('shareFacts', { programId: 'aliexpress' }));
    send.mockResolvedValueOnce(noAnswer);
    const share = async () => {
      // After a failure the menu stays open, for pressing again.
      if (!screen.queryByRole('menu')) await user.click(screen.getByRole('button', { name: 'Share…' }));
      await user.click(screen.getByRole('menuitem', { name: 'WhatsApp' }));
    };
    const ids = () => sent().map((c) => (c[1] as { shareId: string }).shareId);
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    await share();
    expect(screen.getByRole('alert').textContent).toBe('No answer. Try again.');
    await share();
    expect(ids()[1]).toBe(ids()[0]);
    expect(screen.getByRole('status').textContent).toBe('Invite recorded (WhatsApp).');
    // Answered: the next share, even to the same friend, is a new one.
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    await share();
    expect(new Set(ids()).size).toBe(2);
  });

  it.each([
    ['Telegram', 'telegram', `https://t.me/share/url?url=${encodeURIComponent(ALI_URL)}&text=`],
    ['Email', 'email', 'mailto:?subject=My%20invite%20to%20AliExpress&body=Hi%2C%20join'],
    ['SMS', 'sms', 'sms:?&body=Hi%2C%20join'],
    ['X', 'x', 'https://x.com/intent/post?text=Hi%2C%20join'],
    ['Facebook', 'facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(ALI_URL)}`],
  ])('%s opens its own share URL and records channel %s without a nickname', async (name, channel, prefix) => {
    const { user, create } = setup();
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    await user.click(screen.getByRole('menuitem', { name }));
    expect(sent()).toEqual([
      [
        'recordShare',
        {
          linkId: 'link-ali',
          channel,
          shareId: expect.any(String),
        },
      ],
    ]);
    expect(String(create.mock.calls[0]?.[0].url)).toMatch(
      new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('a refusal from the background is shown as an alert and the channel does not open', async () => {
    const { user, create } = setup();
    send.mockResolvedValue({
      ok: false,
      error: { code: 'invalid_input', message: 'Use a nickname, not contact details' },
    });
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana Bee');
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Telegram' }));
    expect(screen.getByRole('alert').textContent).toBe('Use a nickname, not contact details');
    expect(create).not.toHaveBeenCalled();
    expect(screen.getByRole('menu')).toBeTruthy();
  });

  it('the menu works from the keyboard: arrows move, Escape closes and returns focus to "Share…"', async () => {
    const { user } = setup();
    const share = screen.getByRole('button', { name: 'Share…' });
    share.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('WhatsApp');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Email');
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Facebook');
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('WhatsApp');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(share);
    expect(share.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the X length, with a warning over 280, and the SMS segment count', async () => {
    const long = `${'Lorem ipsum dolor sit amet. '.repeat(11)}{link}`;
    const { user } = setup({ template: long });
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const x = screen.getByRole('menuitem', { name: 'X' });
    expect(x.getAttribute('aria-description') ?? x.textContent).toContain('331/280, too long for X');
    const sms = screen.getByRole('menuitem', { name: 'SMS' });
    expect(sms.textContent).toContain('3 SMS');
  });

  it('uses the Web Share API when the browser has one, recording channel "webshare"', async () => {
    const share = vi.fn(async () => undefined);
    stubWebShare(share);
    const { user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    expect(share).toHaveBeenCalledExactlyOnceWith({ text: expect.stringContaining(`Hi Ana, join AliExpress`) });
    expect(sent()).toEqual([
      [
        'recordShare',
        {
          linkId: 'link-ali',
          channel: 'webshare',
          nickname: 'Ana',
          shareId: expect.any(String),
        },
      ],
    ]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('cancelling the share sheet records nothing and opens no menu', async () => {
    stubWebShare(async () => {
      throw new DOMException('Share canceled', 'AbortError');
    });
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    expect(sent()).toEqual([]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('any other Web Share failure falls back to the channel menu', async () => {
    stubWebShare(async () => {
      throw new DOMException('No share targets', 'NotAllowedError');
    });
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    expect(sent()).toEqual([]);
    expect(screen.getByRole('menuitem', { name: 'WhatsApp' })).toBeTruthy();
  });

  it('a nickname that looks like contact data stops the share sheet before it opens', async () => {
    const share = vi.fn(async () => undefined);
    stubWebShare(share);
    const { user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), 'ana@example.com');
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    expect(share).not.toHaveBeenCalled();
    expect(sent()).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/not contact details/);
  });

  it('with several links, a select picks which one is shown and shared', async () => {
    const other = aliLink({
      id: 'link-2',
      url: 'https://a.aliexpress.com/_mKXyZab',
      label: 'Short',
      primary: 0,
      code: undefined,
    });
    const { user } = setup({ links: [aliLink(), other] });
    const picker = screen.getByRole('combobox', { name: 'Link' });
    await user.selectOptions(picker, 'Short');
    expect(screen.getByText('https://a.aliexpress.com/_mKXyZab')).toBeTruthy();
    expect(screen.queryByText(/^Code:/)).toBeNull();
    await waitFor(async () =>
      expect(decodeQrSvg(svgOfImage(await screen.findByRole('img', { name: /QR code/ })))).toBe(
        'https://a.aliexpress.com/_mKXyZab',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    await user.click(screen.getByRole('menuitem', { name: 'SMS' }));
    expect(send).toHaveBeenCalledWith('recordShare', { linkId: 'link-2', channel: 'sms', shareId: expect.any(String) });
  });

  it('shows no link select when there is only one link', () => {
    setup();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('renders a hostile label and nickname as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { user, container } = setup({ links: [aliLink({ label: evil })] });
    await user.type(screen.getByRole('textbox', { name: 'Who is it for?' }), evil);
    expect(screen.getAllByText(evil).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: `How ${evil} gets the coupons` })).toBeTruthy();
    expect(screen.getByText(new RegExp(`^Hi ${evil.replace(/[()]/g, '\\$&')}, join`))).toBeTruthy();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelectorAll('img')).toHaveLength(1);
  });

  it('a bare-code link cannot go to Facebook (it takes only URLs): the item says why and does nothing', async () => {
    const code = aliLink({ url: 'INABCD12', code: 'INABCD12' });
    const { user, create } = setup({ links: [code] });
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const fb = screen.getByRole('menuitem', { name: 'Facebook' });
    expect(fb.getAttribute('aria-disabled')).toBe('true');
    expect(fb.textContent).toContain('needs a web link');
    await user.click(fb);
    expect(sent()).toEqual([]);
    expect(create).not.toHaveBeenCalled();
  });
});
