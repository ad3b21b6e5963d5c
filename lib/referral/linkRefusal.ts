import type english from '../i18n/locales/en/linkCheck.json';
import type { LinkRefusal, LinkRefusalReason } from './types';

/** A key of the link checker's messages (lib/i18n/locales/<lang>/linkCheck.json). */
export type LinkMessageKey = keyof typeof english;

/** Turns a message key and its $1…$9 values into a sentence. */
export type LinkWording = (key: LinkMessageKey, subs: readonly string[]) => string;

/**
 * Until the host sets one (the background: the extension's own messages, `setLinkWording`), a refusal's text is
 * its key and values. The engine holds no wording of its own: the sentences live once, in the locale files the
 * pages and the background already ship, and not again in every bundle that checks a link.
 */
let wording: LinkWording = (key, subs) => [key, ...subs].join(' ');

/** Sets how link-checker messages are worded (the background and the tests call it once, at start). */
export function setLinkWording(next: LinkWording): void {
  wording = next;
}

/**
 * A refusal with its reason, its message (worded by the background, for logs and backups' refusals) and what a page
 * needs to say it in the user's chosen language.
 */
export function linkRefusal(reason: LinkRefusalReason, key: LinkMessageKey, ...subs: string[]): LinkRefusal {
  return { ok: false, reason, message: wording(key, subs), say: { key, subs } };
}
