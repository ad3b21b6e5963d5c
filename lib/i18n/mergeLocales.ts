import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of a Chrome/Firefox `messages.json`. */
interface Message {
  message: string;
  description?: string;
}

export type Messages = Record<string, Message>;

/**
 * Build-time only (Node): strings live in `locales/<lang>/<area>.json`, one file per area of the UI so
 * areas can change independently; this merges them into the one `_locales/<lang>/messages.json` each
 * browser reads. A key defined twice is an error rather than a silent overwrite.
 */
export function mergeLocales(localesDir: string): Record<string, Messages> {
  const out: Record<string, Messages> = {};
  for (const lang of readdirSync(localesDir).sort()) {
    const merged: Messages = {};
    for (const file of readdirSync(path.join(localesDir, lang)).sort()) {
      if (!file.endsWith('.json')) continue;
      const part = JSON.parse(readFileSync(path.join(localesDir, lang, file), 'utf8')) as Messages;
      for (const [key, value] of Object.entries(part)) {
        if (key in merged) throw new Error(`locales/${lang}/${file}: "${key}" is defined twice`);
        merged[key] = value;
      }
    }
    out[lang] = merged;
  }
  return out;
}
