// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsTab } from '@/components/dashboard/SettingsTab';
import { useDb as appDb } from '@/components/hooks/useDb';
import { loadSettings, saveSettings } from '@/lib/settings';
import { invite } from '../popup/seed';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const db = appDb();
const ALI = 'https://a.aliexpress.com/_mKXyZab';

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
  await db.links.add({
    id: 'l1',
    programId: 'aliexpress',
    url: ALI,
    label: 'Main',
    primary: 1,
    createdAt: 1,
    updatedAt: 1,
  });
});
afterEach(cleanup);

const textarea = () => screen.findByRole('textbox', { name: 'Share text template' }) as Promise<HTMLTextAreaElement>;
/** An AliExpress invite whose friend registered: one friend joined. */
const joined = () => invite({ id: 'inv-ana', sharedAt: 1, nickname: 'Ana', status: 'registered', at: 2 });
const preview = () => screen.getByTestId('template-preview').textContent;

/** user-event reads "{" as a key descriptor: "{{" types one brace. */
const typed = (text: string) => text.replace(/[{[]/g, (c) => c + c);

describe('Settings tab: share text templates', () => {
  it('starts from the program default and previews it with the primary link and an example nickname', async () => {
    render(<SettingsTab />);
    const area = await textarea();
    expect(area.value).toContain('{link}');
    expect(screen.getByRole('combobox', { name: 'Program' })).toHaveProperty('value', 'aliexpress');
    expect(screen.getByRole('combobox', { name: 'Template language' })).toHaveProperty('value', 'en');
    await waitFor(() => expect(preview()).toContain(ALI));
    expect(preview()).toContain('Ana');
    expect(preview()).not.toMatch(/\{(link|nickname|program|perk)\}/);
    expect(screen.getByText("This is the program's default text.")).toBeTruthy();
  });

  it('updates the live preview and the X and SMS counters as the user types', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const area = await textarea();
    await user.clear(area);
    await user.type(area, typed('Hey {nickname}! {program}: {link}'));
    await waitFor(() => expect(preview()).toBe(`Hey Ana! AliExpress: ${ALI}`));
    // X counts the URL as 23: "Hey Ana! AliExpress: " is 21 characters.
    expect(screen.getByText('X: 44/280')).toBeTruthy();
    const sms = `Hey Ana! AliExpress: ${ALI}`.length;
    expect(screen.getByText(`SMS: ${sms} characters, 1 message`)).toBeTruthy();

    // Pasted, not typed: user-event types one key at a time.
    await user.paste(` ${'more words '.repeat(24)}`);
    const x = screen.getByText(/^X: \d+\/280/);
    expect(x.className).toContain('over');
    expect(x.textContent).toMatch(/too long for one post/);
    const segments = screen.getByText(/^SMS: \d+ characters, \d messages/);
    expect(segments.className).toContain('over');
  });

  it("{steps} previews the friend's steps on lines of their own; X and SMS count them in one line, as sent", async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const area = await textarea();
    await user.clear(area);
    await user.type(area, typed('{link}\n'));
    await user.click(screen.getByRole('button', { name: 'Insert {steps}' }));
    await waitFor(() =>
      expect(preview()).toMatch(/\n1\. Use this only if you have never registered on AliExpress\.\n2\. /),
    );
    expect(preview()?.split('\n')).toHaveLength(5);
    // The link weighs 23 on X, then a line break and the one-line steps (111 characters).
    expect(screen.getByText('X: 135/280')).toBeTruthy();
  });

  it("{friendsJoined} previews the user's own count, and says why it is left out while there is none", async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const area = await textarea();
    await user.clear(area);
    await user.type(area, typed('{link} {friendsJoined}'));
    expect(
      await screen.findByText('{friendsJoined} is left out until there is something true to say (none yet).'),
    ).toBeTruthy();
    await waitFor(() => expect(preview()).toBe(ALI));
    await db.invites.add(joined());
    await waitFor(() => expect(preview()).toBe(`${ALI} 1 friend already joined through my link.`));
    expect(screen.queryByText(/is left out until/)).toBeNull();
  });

  it('refuses to save a template without {link}, with an alert, and saves nothing', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const area = await textarea();
    await user.clear(area);
    await user.type(area, 'Join me on AliExpress!');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/no \{link\}/);
    expect(area.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect(screen.getByRole('alert').textContent).toMatch(/would not contain your link/);
    expect((await loadSettings()).templates).toEqual({});
  });

  it('inserts a variable at the cursor, saves per program and language, and resets to the default', async () => {
    const user = userEvent.setup();
    render(<SettingsTab />);
    const area = await textarea();
    const fallback = area.value;
    await user.clear(area);
    await user.type(area, 'Hola  amigo');
    area.setSelectionRange(5, 5);
    await user.click(screen.getByRole('button', { name: 'Insert {link}' }));
    expect(area.value).toBe('Hola {link} amigo');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(async () =>
      expect((await loadSettings()).templates).toEqual({ aliexpress: { en: 'Hola {link} amigo' } }),
    );
    expect(await screen.findByText('Template saved.')).toBeTruthy();
    expect(screen.getByText('This is your own text.')).toBeTruthy();

    // Another language of the same program keeps its default.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template language' }), 'es');
    expect(area.value).toMatch(/^Hola \{nickname\}/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template language' }), 'en');
    expect(area.value).toBe('Hola {link} amigo');

    await user.click(screen.getByRole('button', { name: 'Reset to default' }));
    await waitFor(async () => expect((await loadSettings()).templates).toEqual({}));
    await waitFor(() => expect(area.value).toBe(fallback));
  });

  it('uses an example link for a program without a saved link, and says so', async () => {
    const user = userEvent.setup();
    await saveSettings({ templates: { temu: { en: 'Temu! {link}' } } });
    render(<SettingsTab />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Program' }), 'temu');
    expect((await textarea()).value).toBe('Temu! {link}');
    expect(preview()).toMatch(/^Temu! https:\/\/.*temu\.com/);
    const section = screen.getByRole('region', { name: 'Share text templates' });
    expect(within(section).getByText(/example link/)).toBeTruthy();
  });
});
