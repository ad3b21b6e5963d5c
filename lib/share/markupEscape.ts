/**
 * Escaping for the "Copy for a website" snippets (websiteSnippets.lazy.ts): user text (share text, nickname, a custom
 * program's name, steps) goes into HTML, Markdown and BBCode as text only, never as markup.
 */

/**
 * Explicit bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). They persist past
 * the text they sit in (an RLO in a nickname reverses the link label and the rest of the line after it), which is
 * how "Trojan Source" hides text (CVE-2021-42574); a snippet is pasted into someone else's page, so they are dropped.
 * The marks LRM, RLM and ALM stay: they affect only the characters around them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls but tab and line feed, and DEL: HTML turns NUL into U+FFFD and forums drop the rest. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** `text` with CR LF and CR as LF, and without control characters or bidi overrides: what every format shows. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(BIDI_CONTROLS, '');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML element or a quoted attribute value (OWASP's rule: & < > " ' as entities). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * ASCII punctuation that can start Markdown syntax in CommonMark or GFM: emphasis and strikethrough (* _ ~),
 * code (`), links, images and footnotes ([ ] ( ) !), raw HTML and autolinks (< >), entities (&), headings (# and a
 * setext underline of = or -), lists (- + * and "1." "1)"), block quotes (>), tables (|), braces (attributes in some
 * flavours), and the backslash itself. Escaping "." also stops GFM's extended autolinks: a domain needs a dot, and
 * "example\.com" has none. CommonMark lets any ASCII punctuation be backslash-escaped (spec 0.31.2, §2.4).
 */
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|<>&~=]/g;

/**
 * One line of text for Markdown: every special escaped with a backslash, and leading spaces and tabs dropped (four
 * would start a code block, and a paragraph's leading spaces are not shown anyway). Not for text spanning lines.
 */
export function escapeMarkdownLine(line: string): string {
  return line.replace(/^[ \t]+/, '').replace(MARKDOWN_SPECIALS, '\\$&');
}

/**
 * Text for a BBCode post: "[" and "]" become the fullwidth "［" and "］", so no text can open or close a tag.
 * phpBB has no tag that turns parsing off, XenForo's is [PLAIN] and vBulletin's [NOPARSE]; an unknown tag shows as
 * text, so a wrapper that works on one forum would show its own tags on another. Fullwidth brackets look alike and
 * no forum parses them.
 */
export function escapeBbcode(text: string): string {
  return text.replace(/\[/g, '\uFF3B').replace(/]/g, '\uFF3D');
}

/**
 * A snippet URL as a Markdown link destination. CommonMark decodes entity references there ("&lt;" would become
 * "<"), so an "&" that starts one is escaped; any other "&" (a query's separator) is left as it is.
 */
export function markdownDestination(url: string): string {
  return url.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Characters kept in a snippet's URL: RFC 3986's unreserved and reserved ones, less [ ] ( ) ' and plus "%". */
const URL_UNSAFE = /[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g;

/**
 * The link as it goes into a snippet: parsed (WHATWG URL, which percent-encodes spaces, quotes, < > and non-ASCII),
 * then every character that could end a Markdown destination, a BBCode tag or an attribute ([ ] ( ) ' \ and the
 * rest outside RFC 3986) percent-encoded, so it is one token in every format; a URL parser decodes them back to
 * the same host, path and query. Throws when the link is not an absolute http or https URL with a domain or IPv4
 * host: RefShare stores only https links, so anything else (javascript:, data:) is refused rather than printed.
 */
export function snippetUrl(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error(`Not a web link: ${link}`);
  }
  // An IPv6 host is the one place brackets are part of a URL, and encoding them would change the host: refused too.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname.startsWith('[')) {
    throw new Error(`Not a web link: ${link}`);
  }
  return url.href.replace(URL_UNSAFE, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
