import { browser } from 'wxt/browser';
import type { Locale, Say } from '@/lib/referral/types';
import type { Messages } from './mergeLocales';

/**
 * WXT types getMessage from public/_locales; ours are merged at build time from locales/, so keys are plain strings.
 * Looked up on each call (not kept) so a test can stand in for the browser's i18n.
 */
const getMessage = (key: string, subs: string[]) =>
  (browser.i18n.getMessage as (key: string, subs?: string[]) => string)(key, subs);

/** Messages of a language the user chose in Settings, when it differs from the browser's own. */
let chosen: Messages | null = null;
/** The language of `chosen` (null while the browser's own messages are used). */
let chosenLocale: Locale | null = null;
/** Counts language switches, so a slow fetch for an earlier choice cannot overwrite a later one. */
let switches = 0;

/**
 * Translates a key from `_locales`, substituting $1…$9. The browser's i18n answers for its own UI language;
 * a language chosen in Settings is loaded by `loadLanguage` (through the `useUiLanguage` hook). A missing key
 * shows itself, never a blank.
 */
export function t(key: string, ...subs: (string | number)[]): string {
  const raw = chosen ? ownMessage(chosen, key) : getMessage(key, subs.map(String));
  if (!raw) return key;
  return chosen ? raw.replace(/\$(\d)/g, (m, n: string) => String(subs[Number(n) - 1] ?? m)) : raw;
}

/** A message given as a key and its values (`say`, from the engine or the background) in the page's language; `fallback` when the key is unknown. */
export function say({ key, subs }: Say, fallback: string): string {
  const text = t(key, ...subs);
  return text === key ? fallback : text;
}

/** A message of the dictionary itself (a key such as "constructor" must not find Object.prototype's). */
function ownMessage(messages: Messages, key: string): string | undefined {
  return Object.hasOwn(messages, key) ? messages[key]?.message : undefined;
}

/** The language the UI should speak: the user's choice, or the browser's when it is one we have. */
export function uiLocale(choice?: Locale | 'auto'): Locale {
  if (choice && choice !== 'auto') return choice;
  const lang = browser.i18n.getUILanguage().slice(0, 2);
  return lang === 'es' || lang === 'pt' ? lang : 'en';
}

/** The language `t()` speaks right now (for Intl formatting and the page's `lang`). */
export function activeLocale(): Locale {
  return chosenLocale ?? uiLocale();
}

/**
 * Switches the UI to a language's messages (fetched from the extension's own `_locales`). Not a React hook (hence
 * not named use…): pages call it through `useUiLanguage`. Switching to the language already spoken does nothing;
 * when several switches overlap, the last one asked for wins.
 */
export async function loadLanguage(locale: Locale, fetchMessages = defaultFetch): Promise<void> {
  const mine = ++switches;
  if (locale === activeLocale()) return;
  const messages = locale === uiLocale() ? null : await fetchMessages(locale);
  if (mine !== switches) return;
  chosen = messages;
  chosenLocale = messages ? locale : null;
}

/** Tests (and the language switch) install a dictionary directly; `locale` is the language it is in. */
export function setMessages(messages: Messages | null, locale: Locale = 'en'): void {
  switches++;
  chosen = messages;
  chosenLocale = messages ? locale : null;
}

async function defaultFetch(locale: Locale): Promise<Messages> {
  const res = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/'));
  if (!res.ok) throw new Error(`Could not load the ${locale} messages (HTTP ${res.status}).`);
  return (await res.json()) as Messages;
}
