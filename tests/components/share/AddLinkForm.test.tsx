// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddLinkForm } from '@/components/share/AddLinkForm';
import { sendCommand } from '@/lib/messaging/client';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { temu } from '@/lib/referral/programs/temu';
import { aliLink } from './fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);

beforeEach(() => send.mockReset());
afterEach(cleanup);

describe('AddLinkForm', () => {
  it('is a form named "Add your referral link" with the link input, an optional label and "Save link"', () => {
    render(<AddLinkForm program={aliexpress} onSaved={() => {}} programs={BUILT_IN_PROGRAMS} />);
    expect(screen.getByRole('form', { name: 'Add your referral link' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Add your referral link' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Referral link' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Label (optional)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save link' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the AliExpress invite page' }).getAttribute('href')).toBe(
      aliexpress.pages.invite,
    );
  });

  it('sends the input and label without a programId (the background recognises the program)', async () => {
    const onSaved = vi.fn();
    const saved = aliLink({ label: 'Flyer', url: 'INABCD12', code: 'INABCD12' });
    send.mockResolvedValue({ ok: true, value: saved });
    render(<AddLinkForm program={temu} onSaved={onSaved} programs={BUILT_IN_PROGRAMS} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Referral link' }), '  INABCD12 ');
    await userEvent.type(screen.getByRole('textbox', { name: 'Label (optional)' }), ' Flyer ');
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('saveLink', { input: 'INABCD12', label: 'Flyer' });
    // The link is what was typed (trimmed): not "found in the text".
    expect(onSaved).toHaveBeenCalledExactlyOnceWith(saved, false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('submits with Enter and leaves out an empty label', async () => {
    send.mockResolvedValue({ ok: true, value: aliLink() });
    render(<AddLinkForm program={aliexpress} onSaved={() => {}} programs={BUILT_IN_PROGRAMS} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Referral link' }), 'INABCD12{Enter}');
    expect(send).toHaveBeenCalledExactlyOnceWith('saveLink', { input: 'INABCD12' });
  });

  it('refuses a javascript: address in an alert, saying why, keeps what was typed and sends nothing', async () => {
    const onSaved = vi.fn();
    render(<AddLinkForm program={aliexpress} onSaved={onSaved} programs={BUILT_IN_PROGRAMS} />);
    const input = screen.getByRole('textbox', { name: 'Referral link' });
    await userEvent.type(input, 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'This is a javascript: address: it runs code instead of opening a page. RefShare only accepts https:// invite links.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((input as HTMLTextAreaElement).value).toBe('javascript:alert(1)');
    expect(send).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the background’s refusal as it words it', async () => {
    send.mockResolvedValue({
      ok: false,
      error: { code: 'conflict', message: 'You already have 50 links for this program; delete one first.' },
    });
    render(<AddLinkForm program={aliexpress} onSaved={() => {}} programs={BUILT_IN_PROGRAMS} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Referral link' }), 'INABCD12{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('You already have 50 links for this program; delete one first.');
  });

  it('sends only the invite link found in a pasted message, and says it was found in the text', async () => {
    const onSaved = vi.fn();
    const link = 'https://temu.com/u/peJEflcbNc1LxpFX'; // Sfedfcv/redesigned-pancake issue 32
    const saved = aliLink({ programId: 'temu', url: link, code: 'peJEflcbNc1LxpFX' });
    send.mockResolvedValue({ ok: true, value: saved });
    render(<AddLinkForm program={aliexpress} onSaved={onSaved} programs={BUILT_IN_PROGRAMS} />);
    const field = screen.getByRole('textbox', { name: 'Referral link' });
    await userEvent.click(field);
    await userEvent.paste(`Can you accept my invitation so that I can get a free gift?\n${link}`);
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('saveLink', { input: link });
    expect(onSaved).toHaveBeenCalledExactlyOnceWith(saved, true);
  });

  it('asks which link when the text holds two, as radio buttons, and sends the chosen one', async () => {
    const temuLink = 'https://temu.com/s/PrK5iJNOLc1Zj';
    const aliLinkUrl = 'https://a.aliexpress.com/_mKjL9Cq';
    send.mockResolvedValue({ ok: true, value: aliLink({ url: aliLinkUrl }) });
    render(<AddLinkForm program={aliexpress} onSaved={() => {}} programs={BUILT_IN_PROGRAMS} />);
    await userEvent.click(screen.getByRole('textbox', { name: 'Referral link' }));
    await userEvent.paste(`Temu: ${temuLink}\nAliExpress: ${aliLinkUrl}`);
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    const group = screen.getByRole('group', { name: 'The pasted text holds 2 different invite links. Choose yours.' });
    expect(send).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: aliLinkUrl }));
    expect(group).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('saveLink', { input: aliLinkUrl });
  });

  it('a program without a known invite page offers no link to it', () => {
    render(<AddLinkForm program={temu} onSaved={() => {}} programs={BUILT_IN_PROGRAMS} />);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
