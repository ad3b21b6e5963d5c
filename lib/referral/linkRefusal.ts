import english from '../i18n/locales/en/linkCheck.json';
import type { LinkRefusal, LinkRefusalReason } from './types';

/** A key of the link checker's messages (lib/i18n/locales/<lang>/linkCheck.json). */
export type LinkMessageKey = keyof typeof english;

/**
 * English text of a link-checker message, $1…$9 replaced. The engine speaks English (logs, backups' refusals);
 * the pages show the same key in the user's language (lib/messaging/client.ts), so the English here and in the
 * pages come from the one file.
 */
export function linkMessage(key: LinkMessageKey, subs: readonly string[] = []): string {
  return english[key].message.replace(/\$(\d)/g, (m, n: string) => subs[Number(n) - 1] ?? m);
}

/** A refusal with its reason, its English message and what the pages need to say it in another language. */
export function linkRefusal(reason: LinkRefusalReason, key: LinkMessageKey, ...subs: string[]): LinkRefusal {
  return { ok: false, reason, message: linkMessage(key, subs), say: { key, subs } };
}
