// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsTab } from '@/components/dashboard/SettingsTab';
import { useDb as appDb } from '@/components/hooks/useDb';
import { LanguageProvider } from '@/components/LanguageProvider';
import { localesDir, mergeLocales } from '@/lib/i18n/mergeLocales';
import { loadSettings, saveSettings } from '@/lib/settings';

vi.mock('@/lib/messaging/client', () => ({ sendCommand: vi.fn() }));
const messages = mergeLocales(localesDir(process.cwd()));
const fetched: string[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  // The browser's own i18n speaks English (the browser's language) once no other language is chosen.
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) =>
    (messages.en?.[key]?.message ?? '').replace(/\$(\d)/g, (_m, n: string) => subs?.[Number(n) - 1] ?? '')) as never;
  fetched.length = 0;
  // The extension's own _locales/<lang>/messages.json, as the build writes it.
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const lang = /_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? '';
    return new Response(JSON.stringify(messages[lang] ?? {}), { status: messages[lang] ? 200 : 404 });
  });
  await Promise.all(appDb().tables.map((table) => table.clear()));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LanguageProvider', () => {
  it('switches the page language at once when the setting changes, keeping focus on the select', async () => {
    const user = userEvent.setup();
    render(
      <LanguageProvider>
        <SettingsTab />
      </LanguageProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Display language' }), 'es');

    expect(await screen.findByRole('heading', { name: 'Notificaciones' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exportar copia de seguridad' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');
    expect(fetched.some((u) => u.endsWith('/_locales/es/messages.json'))).toBe(true);
    const select = screen.getByRole('combobox', { name: 'Idioma de la interfaz' });
    await waitFor(() => expect(document.activeElement).toBe(select));

    // Automatic = the browser's language (English here), spoken by the browser's own i18n.
    await user.selectOptions(select, 'auto');
    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect((await loadSettings()).language).toBe('auto');
  });

  it('renders nothing until the chosen language is loaded, then renders in it', async () => {
    await saveSettings({ language: 'pt' });
    const { container } = render(
      <LanguageProvider>
        <SettingsTab />
      </LanguageProvider>,
    );
    expect(container.textContent).toBe('');
    expect(await screen.findByRole('heading', { name: 'Notificações' })).toBeTruthy();
    expect(screen.queryByText('Notifications')).toBeNull();
  });

  it('stays usable in the current language when a language cannot be loaded', async () => {
    vi.stubGlobal('fetch', async () => new Response('not found', { status: 404 }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await saveSettings({ language: 'es' });
    render(
      <LanguageProvider>
        <SettingsTab />
      </LanguageProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeTruthy();
  });
});
