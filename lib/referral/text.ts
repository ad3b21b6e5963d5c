/**
 * Character classes shared by the validators. Cc = C0/C1 controls, Cf = invisible format characters
 * (zero-width space U+200B, bidi overrides U+202A–U+202E and isolates U+2066–U+2069, BOM U+FEFF, soft hyphen):
 * they make text look different from what it is, so user input containing them is refused, not cleaned.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const EDGE = /[\s\p{Cc}\p{Cf}]/u;

/** True when `text` contains a control or invisible format character. */
export function hasControlChar(text: string): boolean {
  return INVISIBLE.test(text);
}

/** First control or invisible format character in `text`, as `U+XXXX`, or undefined. */
export function firstControlChar(text: string): string | undefined {
  for (const ch of text) {
    if (INVISIBLE.test(ch)) return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/**
 * Removes whitespace, control and invisible format characters at both ends. Written as two scans instead of
 * a regex because `/[…]+$/` is quadratic on long runs of such characters, and pasted input is untrusted.
 */
export function trimInvisible(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && EDGE.test(chars[start] ?? '')) start++;
  while (end > start && EDGE.test(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

/** A surrogate code unit without its other half (a string cut mid-emoji, or a "\ud800" escape in a JSON file). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * encodeURIComponent that cannot throw. It throws URIError on a lone surrogate, which stored text may hold (a
 * backup's template, program name or row id: JSON allows "\ud800"), so each one is sent as U+FFFD, as
 * String.prototype.toWellFormed would (not used: Chrome has it only from 111).
 */
export function encodeText(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

/** Shortens user input quoted in a message, so a pasted novel does not become the message. */
export function quote(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
