import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of a Chrome/Firefox `messages.json`. */
interface Message {
  message: string;
  description?: string;
}

export type Messages = Record<string, Message>;

/** Where the UI strings live, from the project root: lib/i18n/locales/<lang>/<area>.json. */
export const localesDir = (root: string) => path.join(root, 'lib', 'i18n', 'locales');

/**
 * Build-time only (Node): strings live in `locales/<lang>/<area>.json`, one file per area of the UI so
 * areas can change independently; this merges them into the one `_locales/<lang>/messages.json` each
 * browser reads. A key defined twice is an error rather than a silent overwrite.
 */
export function mergeLocales(dir: string): Record<string, Messages> {
  const out: Record<string, Messages> = {};
  for (const lang of readdirSync(dir).sort()) {
    const merged: Messages = {};
    for (const file of readdirSync(path.join(dir, lang)).sort()) {
      if (!file.endsWith('.json')) continue;
      const part = JSON.parse(readFileSync(path.join(dir, lang, file), 'utf8')) as Messages;
      for (const [key, value] of Object.entries(part)) {
        if (key in merged) throw new Error(`locales/${lang}/${file}: "${key}" is defined twice`);
        merged[key] = value;
      }
    }
    out[lang] = merged;
  }
  return out;
}
