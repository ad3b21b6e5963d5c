// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebsiteSnippets } from '@/components/share/WebsiteSnippets';
import { ALI_URL, decodeQrSvg } from './fixtures';

const TEXT = 'Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order';

function setup(props: Partial<Parameters<typeof WebsiteSnippets>[0]> = {}) {
  const user = userEvent.setup();
  // After userEvent.setup(), which installs its own clipboard.
  const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
  const onCopied = vi.fn();
  const onError = vi.fn();
  render(
    <WebsiteSnippets
      link={ALI_URL}
      text={TEXT}
      programName="AliExpress"
      steps={['Open the link', 'Sign up']}
      onCopied={onCopied}
      onError={onError}
      {...props}
    />,
  );
  return { user, writeText, onCopied, onError };
}

/** Opens the choices and returns the group holding them. */
async function openChoices(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Copy for a website' }));
  const group = screen.getByRole('group', { name: 'Snippet format' });
  // The snippet writer loads on first open (lib/share/websiteSnippets.lazy.ts).
  await waitFor(() => expect(group.getAttribute('aria-busy')).toBe('false'));
  return group;
}

/** The SVG inside the HTML snippet's <img src="data:image/svg+xml;charset=utf-8,…">. */
function qrOfHtml(html: string): string {
  const src = /<img src="data:image\/svg\+xml;charset=utf-8,([^"]+)"/.exec(html)?.[1] ?? '';
  return decodeURIComponent(src.replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('WebsiteSnippets', () => {
  it('"Copy for a website" is collapsed at first and reveals Markdown, HTML and BBCode', async () => {
    const { user } = setup();
    const toggle = screen.getByRole('button', { name: 'Copy for a website' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group')).toBeNull();
    const group = await openChoices(user);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(group.id);
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Markdown', 'HTML', 'BBCode']);
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('"Markdown" copies the Markdown snippet, confirms it, and shows it in the preview', async () => {
    const { user, writeText, onCopied, onError } = setup();
    const group = await openChoices(user);
    await user.click(within(group).getByRole('button', { name: 'Markdown' }));
    const expected = [
      'Hi Ana, join AliExpress with my invite link and get new\\-user coupons on your first order',
      `[Join AliExpress with my referral link](${ALI_URL})`,
      '1. Open the link\n2. Sign up',
    ].join('\n\n');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(expected);
    expect(onCopied).toHaveBeenCalledExactlyOnceWith('Markdown snippet copied');
    expect(onError).not.toHaveBeenCalled();
    expect((screen.getByRole('textbox', { name: 'Snippet preview' }) as HTMLTextAreaElement).value).toBe(expected);
  });

  it('"BBCode" copies the BBCode snippet, the program name escaped', async () => {
    const { user, writeText, onCopied } = setup({ programName: 'My [b]shop[/b]', steps: undefined });
    const group = await openChoices(user);
    await user.click(within(group).getByRole('button', { name: 'BBCode' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(
      `${TEXT}\n\n[url=${ALI_URL}]Join My ［b］shop［/b］ with my referral link[/url]`,
    );
    expect(onCopied).toHaveBeenCalledExactlyOnceWith('BBCode snippet copied');
  });

  it('"HTML" copies the HTML snippet with a sponsored link and the QR code of exactly the link', async () => {
    const { user, writeText, onCopied } = setup();
    const group = await openChoices(user);
    await user.click(within(group).getByRole('button', { name: 'HTML' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    const html = String(writeText.mock.calls[0]?.[0]);
    expect(html).toContain(`<p dir="auto">${TEXT}</p>`);
    expect(html).toContain(
      `<a href="${ALI_URL.replace('&', '&amp;')}" rel="sponsored nofollow noopener">Join AliExpress with my referral link</a>`,
    );
    expect(html).toContain('<li dir="auto">Sign up</li>');
    expect(html).toContain('alt="QR code for AliExpress referral link"');
    expect(decodeQrSvg(qrOfHtml(html))).toBe(ALI_URL);
    expect(onCopied).toHaveBeenCalledExactlyOnceWith('HTML snippet copied');
  });

  it('a clipboard failure calls onError, not onCopied', async () => {
    const { user, writeText, onCopied, onError } = setup();
    writeText.mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    const group = await openChoices(user);
    await user.click(within(group).getByRole('button', { name: 'Markdown' }));
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]?.[0]).toContain('Document is not focused.');
    expect(onCopied).not.toHaveBeenCalled();
  });

  it('a link that is not http(s) is refused through onError, and nothing is copied', async () => {
    const { user, writeText, onCopied, onError } = setup({ link: 'javascript:alert(1)' });
    const group = await openChoices(user);
    await user.click(within(group).getByRole('button', { name: 'BBCode' }));
    expect(onError).toHaveBeenCalledExactlyOnceWith('Only web links (https) can be put in a snippet.');
    expect(writeText).not.toHaveBeenCalled();
    expect(onCopied).not.toHaveBeenCalled();
  });
});
