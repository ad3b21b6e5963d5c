import type { Messages } from '@/lib/i18n/mergeLocales';

/** `browser.i18n.getMessage`'s shape: '' for a key it does not know. */
export type GetMessage = (key: string, substitutions?: string[]) => string;

/** The keys of lib/i18n/locales/<lang>/launcher.json. */
export type LauncherKey =
  | 'shopLauncherName'
  | 'shopMoveHint'
  | 'shopOptions'
  | 'shopCollapse'
  | 'shopExpand'
  | 'shopMute'
  | 'shopPanelTitle';

/**
 * The launcher's strings in every language, bundled into the content script (a few hundred bytes). Not read
 * through `browser.i18n.getMessage`: in Chromium a content script's first getMessage fetches the extension's
 * whole message catalogue from the browser process with a synchronous IPC, which blocked the shop page for
 * 6–60 ms at load (measured, `npm run bench`). They stay in messages.json too, like every string.
 */
const BUNDLED = import.meta.glob<Messages>('../i18n/locales/*/launcher.json', { eager: true, import: 'default' });

/**
 * The browser's substitution rules: `$1`–`$9` take the substitutions (missing ones: empty), `$$` is a dollar sign.
 * A scan rather than a regular expression: the first one a content script runs costs 0.4 ms to compile (measured).
 */
function substitute(raw: string, subs: readonly string[] = []): string {
  let out = '';
  let from = 0;
  for (let at = raw.indexOf('$'); at !== -1 && at < raw.length - 1; at = raw.indexOf('$', from)) {
    const next = raw.charAt(at + 1);
    const n = '123456789'.indexOf(next) + 1;
    if (next !== '$' && n === 0) {
      out += raw.slice(from, at + 1);
      from = at + 1;
      continue;
    }
    out += raw.slice(from, at) + (next === '$' ? '$' : (subs[n - 1] ?? ''));
    from = at + 2;
  }
  return out + raw.slice(from);
}

/** getMessage over bundled messages, as the browser's: substituted as above, and '' for a key it does not know. */
export function bundledGetMessage(messages: Messages | undefined): GetMessage {
  return (key, subs) =>
    substitute(messages && Object.hasOwn(messages, key) ? (messages[key]?.message ?? '') : '', subs);
}

/**
 * The launcher's messages in the browser's UI language (`browser.i18n.getUILanguage()`, e.g. "pt-BR"), as the
 * pages choose it (lib/i18n/t.ts uiLocale): its first two letters when we have that language, else English.
 */
export function launcherMessages(uiLanguage: string, bundled: Record<string, Messages> = BUNDLED): GetMessage {
  const file = (lang: string) => `../i18n/locales/${lang}/launcher.json`;
  const lang = uiLanguage.slice(0, 2).toLowerCase();
  return bundledGetMessage(bundled[file(lang)] ?? bundled[file('en')]);
}

/**
 * A launcher string in the browser's language (the launcher is too small to carry the pages' i18n machinery, and
 * a language chosen in Settings would need the messages fetched). `$1` is the program's name where a string has
 * one. A missing key shows itself, never a blank (tests/unit/i18n checks every key exists in every language).
 */
export function launcherText(getMessage: GetMessage, key: LauncherKey, sub?: string): string {
  return getMessage(key, sub === undefined ? undefined : [sub]) || key;
}

/** The launcher button's accessible name, e.g. "Share your AliExpress referral link". */
export function launcherName(getMessage: GetMessage, programName: string): string {
  return launcherText(getMessage, 'shopLauncherName', programName);
}
