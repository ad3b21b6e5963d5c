import { firstControlChar } from './text';

const MAX_NICKNAME = 40;
const CONTACT_MESSAGE = "Use a nickname, not contact details: RefShare never stores your friends' contact data";
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/u;
/** A social handle ("@ana_99") is contact data too; "Ana @ work" is not. */
const HANDLE = /(?:^|\s)@[\p{L}\p{N}_.]{2,}/u;
const URL_LIKE =
  /:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|me|br|es|pt|ar|mx|co|info|app|link|ly|to|gg|tv|xyz|ru|uk|de|fr|us)\b/iu;
/** Digit runs that may be broken by spaces, dots, dashes or parentheses, as phone numbers are written. */
const DIGIT_RUN = /\p{Nd}[\p{Nd}\s().+-]*\p{Nd}/gu;
const MIN_PHONE_DIGITS = 7;
/** Joiners are part of some scripts and emoji sequences, unlike the other invisible format characters. */
const JOINERS = /[\u200C\u200D]/gu;

function looksLikeContact(text: string): boolean {
  if (EMAIL.test(text) || HANDLE.test(text) || URL_LIKE.test(text)) return true;
  for (const run of text.match(DIGIT_RUN) ?? []) {
    if ((run.match(/\p{Nd}/gu) ?? []).length >= MIN_PHONE_DIGITS) return true;
  }
  return false;
}

/**
 * Checks the optional "Who is it for?" nickname. Surrounding spaces are trimmed; nothing else is changed
 * silently: control characters and anything that looks like contact data (email, phone, URL, handle) are
 * refused with a message. Any script is welcome, including right-to-left ones.
 */
export function validateNickname(
  input: string | undefined,
): { ok: true; nickname?: string } | { ok: false; message: string } {
  if (input === undefined) return { ok: true };
  if (typeof input !== 'string') return { ok: false, message: 'The nickname must be text.' };
  const nickname = input.trim();
  if (nickname === '') return { ok: true };
  if (Array.from(nickname).length > MAX_NICKNAME) {
    return { ok: false, message: `Keep the nickname to ${MAX_NICKNAME} characters or fewer.` };
  }
  const control = firstControlChar(nickname.replace(JOINERS, ''));
  if (control) return { ok: false, message: `The nickname contains an invisible control character (${control}).` };
  if (looksLikeContact(nickname)) return { ok: false, message: CONTACT_MESSAGE };
  return { ok: true, nickname };
}
