import { browser } from 'wxt/browser';
import type { Locale } from '@/lib/referral/types';
import type { Messages } from './mergeLocales';

/** WXT types getMessage from public/_locales; ours are merged at build time from locales/, so keys are plain strings. */
const getMessage = browser.i18n.getMessage as (key: string, subs?: string[]) => string;

/** Messages of a language the user chose in Settings, when it differs from the browser's own. */
let chosen: Messages | null = null;

/**
 * Translates a key from `_locales`, substituting $1…$9. The browser's i18n answers for its own UI language;
 * a language chosen in Settings is loaded by `useLanguage`. A missing key shows itself, never a blank.
 */
export function t(key: string, ...subs: (string | number)[]): string {
  const raw = chosen ? chosen[key]?.message : getMessage(key, subs.map(String));
  if (!raw) return key;
  return chosen ? raw.replace(/\$(\d)/g, (m, n: string) => String(subs[Number(n) - 1] ?? m)) : raw;
}

/** The language the UI should speak: the user's choice, or the browser's when it is one we have. */
export function uiLocale(choice?: Locale | 'auto'): Locale {
  if (choice && choice !== 'auto') return choice;
  const lang = browser.i18n.getUILanguage().slice(0, 2);
  return lang === 'es' || lang === 'pt' ? lang : 'en';
}

/** Switches the UI to a language's messages (fetched from the extension's own `_locales`). */
export async function useLanguage(locale: Locale, fetchMessages = defaultFetch): Promise<void> {
  chosen = locale === uiLocale() ? null : await fetchMessages(locale);
}

/** Tests (and the language switch) install a dictionary directly. */
export function setMessages(messages: Messages | null): void {
  chosen = messages;
}

async function defaultFetch(locale: Locale): Promise<Messages> {
  const res = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/'));
  return (await res.json()) as Messages;
}
