import { Window } from 'happy-dom';

/**
 * Independent readers for the three snippet formats, written from the specs rather than from websiteSnippets.lazy.ts,
 * so the tests can say what a browser, a CommonMark renderer and a forum would make of a snippet.
 */

/** What every format shows of user text: no CR, C0 controls (but tab and LF), DEL, or bidi embeddings/overrides. */
export function shown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const window = new Window();

/** Parses an HTML fragment as a browser does (happy-dom's DOMParser). */
export function parseHtml(html: string) {
  return new window.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}

/** The attributes each element of a snippet may carry; anything else (script, onerror, style, …) is injected. */
const ALLOWED: Record<string, readonly string[]> = {
  P: ['dir'],
  BR: [],
  A: ['href', 'rel'],
  OL: [],
  LI: ['dir'],
  IMG: ['src', 'alt', 'width', 'height'],
};

/** Elements or attributes in the parsed fragment that the snippet format does not produce. */
export function unexpectedMarkup(body: ReturnType<typeof parseHtml>): string[] {
  const found: string[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const allowed = ALLOWED[el.tagName];
    if (!allowed) found.push(el.tagName);
    for (const attr of Array.from(el.attributes))
      if (!allowed?.includes(attr.name)) found.push(`${el.tagName}@${attr.name}`);
  }
  return found;
}

/** Characters that can start Markdown syntax (CommonMark 0.31.2 and GFM) when not backslash-escaped. */
const MARKDOWN_SPECIALS = '\\`*_{}[]()#+-.!|<>&~=';
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/**
 * Reads Markdown text as CommonMark's backslash escapes do (§2.4): "\" before ASCII punctuation shows that character.
 * `bare` lists the special characters left unescaped: with none, the text cannot open emphasis, code, a link, an
 * image, raw HTML, an autolink, an entity, or (at a line's start) a heading, list, quote, table or thematic break.
 */
function readMarkdownText(source: string): { text: string; bare: string[] } {
  let text = '';
  const bare: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (c === '\\' && ASCII_PUNCTUATION.test(next)) {
      text += next;
      i++;
      continue;
    }
    if (MARKDOWN_SPECIALS.includes(c)) bare.push(c);
    text += c;
  }
  return { text, bare };
}

/**
 * Reads a Markdown snippet: paragraphs of text, then one inline link `[label](destination)`, then (when `hasSteps`)
 * an ordered list. Throws when a block does not have that shape. Each text line and list item must not start
 * with indentation (four spaces would make a code block).
 */
export function readMarkdown(markdown: string, hasSteps: boolean) {
  const blocks = markdown.split('\n\n');
  const stepsBlock = hasSteps ? blocks.pop() : undefined;
  const linkBlock = blocks.pop() ?? '';
  const textLines = blocks.flatMap((b) => b.split('\n'));
  const link = /^\[(.*)\]\(([^\s()<>]*)\)$/s.exec(linkBlock);
  if (!link) throw new Error(`not an inline link: ${linkBlock.slice(0, 80)}`);
  const [, rawLabel = '', destination = ''] = link;
  const steps = (stepsBlock?.split('\n') ?? []).map((line, i) => {
    const item = /^(\d+)\. (.*)$/.exec(line);
    if (!item || Number(item[1]) !== i + 1) throw new Error(`not item ${i + 1}: ${line}`);
    return readMarkdownText(item[2] ?? '');
  });
  const text = textLines.map(readMarkdownText);
  const label = readMarkdownText(rawLabel);
  return {
    text: text.map((l) => l.text).join('\n'),
    label: label.text,
    destination,
    steps: steps.map((s) => s.text),
    bare: [...text, label, ...steps].flatMap((part) => part.bare),
    indented: [...textLines, ...steps.map((s) => s.text)].some((line) => /^[ \t]/.test(line)),
  };
}
