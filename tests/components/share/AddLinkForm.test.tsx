// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddLinkForm } from '@/components/share/AddLinkForm';
import { sendCommand } from '@/lib/messaging/client';
import { aliexpress } from '@/lib/referral/programs/aliexpress';
import { temu } from '@/lib/referral/programs/temu';
import { aliLink } from './fixtures';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);

beforeEach(() => send.mockReset());
afterEach(cleanup);

describe('AddLinkForm', () => {
  it('is a form named "Add your referral link" with the link input, an optional label and "Save link"', () => {
    render(<AddLinkForm program={aliexpress} onSaved={() => {}} />);
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
    render(<AddLinkForm program={temu} onSaved={onSaved} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Referral link' }), '  INABCD12 ');
    await userEvent.type(screen.getByRole('textbox', { name: 'Label (optional)' }), ' Flyer ');
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    expect(send).toHaveBeenCalledExactlyOnceWith('saveLink', { input: '  INABCD12 ', label: 'Flyer' });
    // The link is what was typed (trimmed): not "found in the text".
    expect(onSaved).toHaveBeenCalledExactlyOnceWith(saved, false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('submits with Enter and leaves out an empty label', async () => {
    send.mockResolvedValue({ ok: true, value: aliLink() });
    render(<AddLinkForm program={aliexpress} onSaved={() => {}} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Referral link' }), 'INABCD12{Enter}');
    expect(send).toHaveBeenCalledExactlyOnceWith('saveLink', { input: 'INABCD12' });
  });

  it('shows the engine’s refusal in an alert, keeps what was typed and calls nothing else', async () => {
    const onSaved = vi.fn();
    send.mockResolvedValue({
      ok: false,
      error: { code: 'invalid_link', message: 'javascript: links can run code; RefShare only saves https links.' },
    });
    render(<AddLinkForm program={aliexpress} onSaved={onSaved} />);
    const input = screen.getByRole('textbox', { name: 'Referral link' });
    await userEvent.type(input, 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'javascript: links can run code; RefShare only saves https links.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((input as HTMLInputElement).value).toBe('javascript:alert(1)');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('a program without a known invite page offers no link to it', () => {
    render(<AddLinkForm program={temu} onSaved={() => {}} />);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
