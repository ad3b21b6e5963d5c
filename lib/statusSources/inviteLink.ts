import { findInviteLinks } from '@/lib/referral/pastedText';
import type { LinkRefusalReason, Program, Say } from '@/lib/referral/types';
import { isHidden, squash, textLines } from './pageText';

const NO_INVITE_LINK = 'RefShare could not find your invite link on this page';

export type InviteLinkResult =
  | { ok: true; input: string }
  | { ok: false; reason: 'not_found' | LinkRefusalReason; message: string; say?: Say };

/** Where a program's invite page shows the user's link or code, most specific first (CSS selectors). */
export interface InviteSpec {
  program: Program;
  fields: string[];
}

/** Enough for any real page; a hostile page cannot make the search run forever. */
const MAX_CANDIDATES = 5000;
/** Text in a share field that is meant as a link ("javascript:…", "bit.ly/x"), not a label like "Copy". */
const LINK_LIKE = /^(?:[a-z][a-z0-9+.-]*:\S|[^\s/]+\.[^\s/]+\/)/i;

interface Candidate {
  text: string;
  /** From one of the program's own share fields: a refusal there is worth telling the user. */
  field: boolean;
}

/** The strings an element offers as a link or code: its value, data-* attributes, href, and its text. */
function* offered(el: Element, withText: boolean): Generator<string> {
  if ('value' in el && typeof el.value === 'string') yield el.value;
  for (const attr of Array.from(el.attributes)) {
    if (attr.name.startsWith('data-') || attr.name === 'href') yield attr.value;
  }
  if (!withText) return;
  for (const line of textLines(el)) {
    // A line such as "Your link: https://…!" is read as pasted text is: the link found inside it.
    yield line;
    // "Invite code: IN7XK2P9" → each word, for programs that accept bare codes.
    for (const word of line.split(/[\s:,;]+/)) yield word;
  }
}

function* candidates(root: ParentNode, fields: string[]): Generator<Candidate> {
  for (const selector of fields) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      for (const text of offered(el, true)) yield { text, field: true };
    }
  }
  // Anywhere else on the page: field values and attributes, then links written out in the text. Bare codes
  // only from elements that say they hold a code, since a heading like "INVITING" can look like one.
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (isHidden(el)) continue;
    const named = `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase();
    for (const text of offered(el, named.includes('code') && el.children.length === 0)) yield { text, field: false };
  }
  for (const line of textLines(root as Node)) yield { text: line, field: false };
}

/**
 * The user's invite link (or code) as the program's own page shows it: the first candidate in which the same
 * reader the popup uses for pasted text (findInviteLinks) finds an invite link of this program. When none is accepted, the parser's reason is passed on if
 * the program's share field held something it refused, or if the page offers an affiliate link instead;
 * otherwise the page is not what RefShare expected.
 */
export function findInviteLinkIn(root: ParentNode, spec: InviteSpec): InviteLinkResult {
  const seen = new Set<string>();
  let refusal: InviteLinkResult | undefined;
  for (const c of candidates(root, spec.fields)) {
    const text = squash(c.text);
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    if (seen.size > MAX_CANDIDATES) break;
    const parsed = findInviteLinks(text, [spec.program], spec.program.id);
    if (parsed.ok) return { ok: true, input: parsed.links[0]?.url ?? text };
    if (!refusal && (parsed.reason === 'affiliate_link' || (c.field && LINK_LIKE.test(text)))) {
      refusal = { ok: false, reason: parsed.reason, message: parsed.message, say: parsed.say };
    }
  }
  return refusal ?? { ok: false, reason: 'not_found', message: NO_INVITE_LINK };
}
