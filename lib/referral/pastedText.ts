import { linkRefusal } from './linkRefusal';
import { ACTIVE_SCHEMES, OTHER_SCHEMES, refuseScheme, schemeOf } from './linkScheme';
import { parseLink } from './links';
import { MESSAGE_KINDS } from './programs/messageKinds';
import { trimInvisible } from './text';
import type { LinkParseResult, LinkRefusal, LinkRefusalReason, ParsedLink, Program, ProgramId } from './types';

/** Longest paste read: a copied share message is a few hundred characters; the protocol allows 4,096. */
export const MAX_PASTE_LENGTH = 4096;
/** A message holds one or two links; a page's line a few. More are not looked at (hostile input stays cheap). */
const MAX_CANDIDATES = 50;

/** What a paste holds: one or more invite links (more than one: the user chooses), or why there is none. */
export type PasteResult = { ok: true; links: ParsedLink[]; inText: boolean } | LinkRefusal;

/**
 * Where a link starts in running text. Only links written out with their scheme: a link without one
 * ("temu.com/s/…") would have to be completed by RefShare, and a stored link is always exactly what was given.
 */
const LINK_START = /https?:\/\//gi;
/**
 * Characters a URL may contain (RFC 3986: unreserved, reserved and %; and '|', which tracking parameters use and
 * browsers accept); the first other one ends the link.
 */
const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%|]/;
/**
 * Punctuation that ends a sentence rather than a link, as GitHub's autolinker treats it (GFM spec,
 * "extended autolink": trailing ? ! . , : * _ ~ are not part of the link; seen at https://github.github.com/gfm/).
 * Quotes are added: messages put links in quotes.
 */
const TRAILING = new Set(['.', ',', ':', ';', '!', '?', '*', '_', '~', "'"]);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[' };
/**
 * A link whose last parameter is its card's title keeps the title's own "!": AliExpress's invite link ends
 * "…&title=GREAT%20NEWS!%20UP%20TO%20US%20%2424%20IN%20COUPONS!" (github TechieQian/chiffon src/data/sponsors.ts).
 */
const TITLE_LAST = /[?&]title=[^&#\s]*%20[^&#\s]*!$/;
/**
 * Letters of scripts that put spaces between words: a link running straight into one ("…/s/abcé") leaves its end
 * in doubt. Chinese, Japanese, Thai and other scripts written without spaces may follow a link directly.
 */
const SPACED_WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}]/u;
/** Invisible characters (controls, zero-width and bidi marks) other than the line breaks and tabs of a message. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** Which refusal names the problem best when no link in the text was accepted: most specific first. */
const PRIORITY: LinkRefusalReason[] = [
  'link_glued_to_text',
  'wrong_program',
  'affiliate_link',
  'game_link',
  'product_link',
  'not_an_invite_link',
  'credentials_in_url',
  'insecure_http',
  'not_a_url',
  'too_long',
  'unknown_host',
];

interface Candidate {
  link: string;
  /** The character right after the link in the text, when it could not be part of a link. */
  next: string | undefined;
}

/** Trims sentence punctuation and unbalanced closing brackets off the end of a link found in text. */
function trimTrailing(link: string): string {
  const count = (ch: string) => link.split(ch).length - 1;
  const open: Record<string, number> = { '(': count('('), '[': count('[') };
  const close: Record<string, number> = { ')': count(')'), ']': count(']') };
  let end = link.length;
  for (;;) {
    const last = link.charAt(end - 1);
    const opener = CLOSERS[last];
    if (opener !== undefined && (close[last] ?? 0) > (open[opener] ?? 0)) close[last] = (close[last] ?? 0) - 1;
    else if (!TRAILING.has(last) || (last === '!' && TITLE_LAST.test(link.slice(0, end)))) return link.slice(0, end);
    end--;
  }
}

/** Each https:// or http:// link written out in `text`, in order. */
function* candidates(text: string): Generator<Candidate> {
  let count = 0;
  let consumed = 0;
  for (const match of text.matchAll(LINK_START)) {
    const start = match.index;
    // A link inside another one (a share link's redirectUrl=https://…) belongs to the outer one.
    if (start < consumed) continue;
    let end = start + match[0].length;
    while (end < text.length && URL_CHAR.test(text.charAt(end))) end++;
    consumed = end;
    const after = text.codePointAt(end);
    yield {
      link: trimTrailing(text.slice(start, end)),
      next: after === undefined ? undefined : String.fromCodePoint(after),
    };
    if (++count >= MAX_CANDIDATES) return;
  }
}

/** The verdict on one link found in text: the strict parser's, unless the text around it makes its end a guess. */
function judge(c: Candidate, programs: Program[], expected?: ProgramId) {
  if (c.next !== undefined && INVISIBLE.test(c.next) && !/[\t\n\r]/.test(c.next)) {
    const code = `U+${(c.next.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return linkRefusal('not_a_url', 'linkErrControl', code);
  }
  if (c.next !== undefined && SPACED_WORD.test(c.next)) {
    return linkRefusal('link_glued_to_text', 'linkErrGlued', c.link);
  }
  return parseLink(c.link, programs, expected);
}

function best(refusals: LinkRefusal[]): LinkRefusal | undefined {
  const rank = (r: LinkRefusal) => {
    const at = PRIORITY.indexOf(r.reason);
    return at === -1 ? PRIORITY.length : at;
  };
  return refusals.reduce<LinkRefusal | undefined>((a, r) => (a && rank(a) <= rank(r) ? a : r), undefined);
}

/**
 * Finds the invite link(s) in whatever the user pasted: the link alone, or a whole message an app copied (line
 * breaks, emoji, quotes, brackets, trailing punctuation, Chinese text right after the link). Each link found is
 * checked by the same strict parser as a link alone (`parseLink`) and kept exactly as written in the text: nothing
 * is completed or guessed. Several different invite links come back together for the user to choose; none comes
 * back as the refusal that best names what the text held (a product or affiliate link, a game link, no link).
 */
export function findInviteLinks(input: string, programs: Program[], expected?: ProgramId): PasteResult {
  if (typeof input !== 'string') return linkRefusal('empty', 'linkErrEmpty');
  if (input.length > MAX_PASTE_LENGTH * 4) return tooLong(input.length);
  const text = trimInvisible(input);
  if (text.length > MAX_PASTE_LENGTH) return tooLong(text.length);
  const scheme = schemeOf(text);
  const oneWord = !/\s/u.test(text);
  // A script address, or one address of another kind ("file:https://…", "b\tlob:…": the URL parser drops tabs and
  // line breaks), is refused as what it is, even with an invite link inside it.
  const oneAddress = !/\s/u.test(text.replace(/[\t\n\r]/g, ''));
  const other = scheme !== undefined && (ACTIVE_SCHEMES.has(scheme) || (oneAddress && OTHER_SCHEMES.has(scheme)));
  const refused = other ? refuseScheme(scheme) : undefined;
  if (refused) return refused;
  // The text as one link or code, as the strict parser sees it ("INABCD12", "https://…", or a refusal).
  const alone = parseLink(text, programs, expected);
  // One word that is an address from its first character is judged whole (kept exactly, or refused) when it was
  // cut short by a character such as "<", "{" or "\\", or when the whole is a link the program accepts and only
  // sentence punctuation would be trimmed: the app's invite link ends in its title, "…IN%20COUPONS!" (see aliexpress.ts).
  if (oneWord && /^https?:\/\//i.test(text)) {
    const next = candidates(text).next().value?.next;
    const cutShort = next !== undefined && /[\x21-\x7e]/.test(next) && !/[">]/.test(next);
    if (cutShort || (alone.ok && !/[)\]]/.test(text.slice(trimTrailing(text).length)))) return single(alone);
  }

  const found: ParsedLink[] = [];
  const refusals: LinkRefusal[] = [];
  for (const c of candidates(text)) {
    const verdict = judge(c, programs, expected);
    if (!verdict.ok) refusals.push(verdict);
    else if (!found.some((l) => l.url === verdict.link.url)) found.push(verdict.link);
  }
  // The program's own wording around a link can say what the link cannot: "I just found this on AliExpress: …".
  const invites = found.filter((link) => {
    const kind = messageKind(text, link, programs);
    if (kind) refusals.push(kind);
    return !kind;
  });
  if (invites.length > 0) return { ok: true, links: invites, inText: invites.length > 1 || invites[0]?.url !== text };

  // No link read out of the text: a bare code ("INABCD12"; the strict parser accepts nothing with a space).
  if (alone.ok) return single(alone);
  // Text that starts as a link ("https://a.aliexpress.com\\_x", "ft\tp://…"): the strict parser's reason is the
  // precise one. ("Note: no link" has a "scheme" too, but a space after it: a sentence.)
  const linkLike = scheme !== undefined && /^[^:]*:\S/.test(text.replace(/[\t\n\r]/g, ''));
  if (alone.reason === 'empty' || (linkLike && (oneWord || refusals.length === 0))) return alone;
  return best(refusals) ?? (oneWord ? alone : noLink());
}

/** The refusal a program's message phrase in `text` calls for, for a link of that program found in it. */
function messageKind(text: string, link: ParsedLink, programs: Program[]): LinkRefusal | undefined {
  if (text === link.url) return undefined;
  const program = programs.find((p) => p.id === link.programId);
  const lower = text.toLowerCase();
  const hit = MESSAGE_KINDS[link.programId]?.find((k) => lower.includes(k.phrase.toLowerCase()));
  if (!program || !hit) return undefined;
  if (hit.reason === 'game_link')
    return linkRefusal('game_link', 'linkErrGame', program.name, hit.what ?? program.name);
  if (hit.reason === 'affiliate_link') return linkRefusal('affiliate_link', 'linkErrAffiliate', program.name);
  return linkRefusal('product_link', 'linkErrProduct', program.name);
}

function single(result: LinkParseResult): PasteResult {
  return result.ok ? { ok: true, links: [result.link], inText: false } : result;
}

function noLink(): LinkRefusal {
  return linkRefusal('no_link', 'linkErrNoLink');
}

function tooLong(length: number): LinkRefusal {
  return linkRefusal('too_long', 'linkErrTooLong', String(length), String(MAX_PASTE_LENGTH));
}
