import type { Channel, Locale, Program } from './types';

interface ShareVars {
  link: string;
  code?: string;
  program: string;
  perk: string;
  nickname?: string;
  /** What the friend must do for the coupons (lib/referral/programs/friendSteps.ts), as lines or in one line. */
  steps?: string;
  /** Social proof from the user's own stats (lib/share/socialProof.ts): a sentence, or absent when it would be 0. */
  friendsJoined?: string;
  couponsEarned?: string;
}

const VARIABLE = /\{(link|code|program|perk|nickname|steps|friendsJoined|couponsEarned)\}/g;
const LEADING_PUNCTUATION = /^[,;:.!?]+[ \t]*/;

/**
 * Fills a share template. Known variables are replaced by their value, inserted as is (never re-scanned, so a
 * nickname containing "{link}" stays text); unknown ones like {foo} are left alone. An absent or empty
 * value is removed with its surrounding spacing, by one rule: the spaces on both sides of it collapse, the
 * following text joins without a space when it starts with punctuation ("Hi {nickname}, join" → "Hi, join")
 * and with one space otherwise, and punctuation left at the start of a line is dropped ("{nickname}, join" →
 * "join"); an empty variable alone on its line removes the line. The rest of the template is never touched. The
 * result is plain text, not HTML.
 */
export function renderShareText(template: string, vars: ShareVars): string {
  let out = '';
  let gap = false;
  let last = 0;
  // Set when an empty variable that stood alone on the first line took its line: the next line break goes too.
  let dropBreak = false;
  const emit = (literal: string) => {
    if (dropBreak) literal = literal.replace(/^[ \t]*\n/, '');
    dropBreak = false;
    if (!gap) {
      out += literal;
      return;
    }
    const text = literal.replace(/^[ \t]+/, '');
    if (text === '') return;
    const lineStart = out === '' || out.endsWith('\n');
    if (LEADING_PUNCTUATION.test(text)) out += lineStart ? text.replace(LEADING_PUNCTUATION, '') : text;
    else out += lineStart || text.startsWith('\n') ? text : ` ${text}`;
    gap = false;
  };
  for (const match of template.matchAll(VARIABLE)) {
    emit(template.slice(last, match.index));
    last = match.index + match[0].length;
    const value = vars[match[1] as keyof ShareVars];
    if (value === undefined || value === '') {
      out = out.replace(/[ \t]+$/, '');
      // A variable alone on its line takes the line with it ("{link}\n{steps}" without steps ends at the link).
      if ((out === '' || out.endsWith('\n')) && /^[ \t]*(\n|$)/.test(template.slice(last))) {
        if (out === '') dropBreak = true;
        else out = out.slice(0, -1);
      }
      gap = true;
    } else {
      // A value is inserted whole: only the space before it is restored after a removed variable.
      if (gap && out !== '' && !out.endsWith('\n') && !/^\s/.test(value)) out += ' ';
      out += value;
      gap = false;
    }
  }
  emit(template.slice(last));
  return out;
}

/** The program's default share text for a locale (English when the locale has none). */
export function defaultShareText(program: Program, locale: Locale): string {
  return program.shareTexts[locale] ?? program.shareTexts.en;
}

/** X counts every http(s) URL as 23 characters, whatever its length (t.co wrapping). */
const X_URL_WEIGHT = 23;
const X_LIMIT = 280;
/** Trailing punctuation is not part of a URL for X ("see https://x.y/z." links to https://x.y/z). */
const URL_IN_TEXT = /https?:\/\/[^\s]*[^\s.,;:!?'")\]]/giu;
/** Code points X weighs 1 (Latin, Greek, Cyrillic, Hebrew, Arabic, … and some punctuation); others weigh 2. */
const X_LIGHT: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/**
 * Weighted length as X counts it, approximating twitter-text v3: text is NFC-normalised, URLs weigh 23,
 * code points in X's light ranges weigh 1 and the rest (CJK, most emoji) 2, and an emoji sequence (flags,
 * ZWJ families, skin tones) weighs 2 in all. Bare domains without http(s):// are counted as text (X would
 * link them; our share texts always carry the full link).
 */
function xLength(text: string): number {
  const normalised = text.normalize('NFC');
  let length = 0;
  const rest = normalised.replace(URL_IN_TEXT, () => {
    length += X_URL_WEIGHT;
    return '';
  });
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(rest)) {
    if (PICTOGRAPH.test(segment) || /\p{Regional_Indicator}/u.test(segment)) {
      length += 2;
      continue;
    }
    for (const ch of segment) {
      const cp = ch.codePointAt(0) ?? 0;
      length += X_LIGHT.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
    }
  }
  return length;
}

/** GSM 03.38 default alphabet (ESC excluded) and its extension table, whose characters take two septets. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');
const SMS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

function smsMeasure(text: string) {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENDED.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const encoding = gsm ? ('GSM-7' as const) : ('UCS-2' as const);
  // UCS-2 messages are sent as UTF-16: an emoji outside the BMP takes two units.
  const length = gsm ? septets : text.length;
  const { single, multi } = SMS[encoding];
  const segments = length <= single ? 1 : Math.ceil(length / multi);
  return { length, limit: single, fits: length <= single, segments, encoding };
}

/**
 * How long `text` is for a channel with a length limit. X: weighted length against 280. SMS: GSM-7 septets
 * (or UTF-16 units when any character needs UCS-2) against one message, plus the number of concatenated
 * segments it will be sent as (approximate: the rare split of a two-septet character is ignored).
 * Other channels have no practical limit: length in code points, always fits.
 */
export function measureForChannel(
  text: string,
  channel: Channel,
): { length: number; limit?: number; fits: boolean; segments?: number; encoding?: 'GSM-7' | 'UCS-2' } {
  if (channel === 'x') {
    const length = xLength(text);
    return { length, limit: X_LIMIT, fits: length <= X_LIMIT };
  }
  if (channel === 'sms') return smsMeasure(text);
  return { length: Array.from(text).length, fits: true };
}
