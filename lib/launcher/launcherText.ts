/** `browser.i18n.getMessage`'s shape: '' for a key it does not know. */
export type GetMessage = (key: string, substitutions?: string[]) => string;

/** The keys of lib/i18n/locales/<lang>/shop.json the launcher speaks. */
export type LauncherKey =
  | 'shopLauncherName'
  | 'shopMoveHint'
  | 'shopOptions'
  | 'shopCollapse'
  | 'shopExpand'
  | 'shopMute'
  | 'shopPanelTitle';

/**
 * A launcher string in the browser's language, straight from `browser.i18n` (the launcher is too small to carry
 * the pages' i18n machinery, and a language chosen in Settings would need the messages fetched). `$1` is the
 * program's name where a string has one. A missing key shows itself, never a blank (tests/unit/i18n checks
 * every key exists in every language).
 */
export function launcherText(getMessage: GetMessage, key: LauncherKey, sub?: string): string {
  return getMessage(key, sub === undefined ? undefined : [sub]) || key;
}

/** The launcher button's accessible name, e.g. "Share your AliExpress referral link". */
export function launcherName(getMessage: GetMessage, programName: string): string {
  return launcherText(getMessage, 'shopLauncherName', programName);
}
