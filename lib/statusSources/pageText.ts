/**
 * Reading text out of a program's page the way a person sees it, with DOM APIs only (no layout, no browser
 * extension API), so the same code runs in the content script and on a DOMParser document in unit tests.
 */

/** Elements whose text is never shown: their content is code or markup, not what the user reads. */
const HIDDEN_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'HEAD', 'TITLE', 'IFRAME']);

/** Elements that start a new line; text inside inline elements (prices split into spans) runs together. */
const BLOCK_TAGS = new Set(
  `ADDRESS ARTICLE ASIDE BLOCKQUOTE BR BUTTON DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR
  LI MAIN NAV OL P SECTION TABLE TD TH TR UL`.split(/\s+/),
);

/** Invisible characters real pages sprinkle into text (soft hyphen, zero-width space): dropped, not refused. */
const SOFT = /[\u00ad\u200b]/g;

/** Collapses runs of whitespace (including newlines and tabs) to one space and trims. */
export function squash(text: string): string {
  return text.replace(SOFT, '').replace(/\s+/g, ' ').trim();
}

/** True when the element, or one of its ancestors, is never shown as text. */
export function isHidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (HIDDEN_TAGS.has(e.tagName.toUpperCase())) return true;
  }
  return false;
}

function collect(node: Node, out: string[], skip?: (el: Element) => boolean): void {
  if (node.nodeType === 3) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType === 9 || node.nodeType === 11) {
    // A document or fragment: read its children.
    for (const child of Array.from(node.childNodes)) collect(child, out, skip);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (HIDDEN_TAGS.has(tag) || skip?.(el)) return;
  const block = BLOCK_TAGS.has(tag);
  if (block) out.push('\n');
  for (const child of Array.from(el.childNodes)) collect(child, out, skip);
  if (block) out.push('\n');
}

/**
 * The element's text as lines: block elements break lines, inline ones run together ("US $" + "3" + ".00"
 * in separate spans reads "US $3.00"). Each line is squashed; empty lines are dropped.
 */
export function textLines(node: Node, skip?: (el: Element) => boolean): string[] {
  const out: string[] = [];
  collect(node, out, skip);
  return out
    .join('')
    .split('\n')
    .map(squash)
    .filter((line) => line !== '');
}

/** The element's visible text on one line. */
export function textOf(el: Element): string {
  return textLines(el).join(' ');
}
