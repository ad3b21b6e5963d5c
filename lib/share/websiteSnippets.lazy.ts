import {
  cleanText,
  escapeBbcode,
  escapeHtml,
  escapeMarkdownLine,
  markdownDestination,
  snippetUrl,
} from './markupEscape';

export interface WebsiteSnippetInput {
  /** The referral link; only http and https links are accepted (websiteSnippets throws on any other). */
  link: string;
  /**
   * The share text, plain text; a blank line starts a new paragraph. Best without the link (shareMessage's
   * textWithoutLink): the link follows as a link of its own, and a URL in the text is shown as text, not linked.
   */
  text: string;
  /** What the link says, already translated: "Join AliExpress with my referral link". The URL when empty. */
  linkLabel: string;
  /** What the friend must do, one short line each, shown as a numbered list; none when absent or empty. */
  steps?: readonly string[];
  /**
   * HTML only: the QR code of the link as SVG text (qrcode's toString), its alt text and its width in CSS px. Forums
   * and most Markdown renderers refuse data: images, so the other formats leave it out.
   */
  qr?: { svg: string; alt: string; sizePx: number };
}

/** The same share as Markdown (CommonMark/GFM), an HTML fragment and BBCode (phpBB, vBulletin, XenForo). */
interface WebsiteSnippets {
  markdown: string;
  html: string;
  bbcode: string;
}

export type SnippetFormat = keyof WebsiteSnippets;

// Referral links are paid links: Google asks for rel="sponsored" on them, and takes "nofollow" (which other engines
// read) alongside it (developers.google.com/search/docs/crawling-indexing/qualify-outbound-links).
const REL = 'sponsored nofollow noopener';

/** Paragraphs of the text: runs of lines between blank lines, each line without its trailing spaces. */
function paragraphs(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of cleanText(text).split('\n')) {
    if (line.trim() === '') {
      if (current.length) out.push(current);
      current = [];
    } else current.push(line.trimEnd());
  }
  if (current.length) out.push(current);
  return out;
}

/** One line of text (a step, the label): line breaks become spaces, surrounding spaces go. */
function oneLine(text: string): string {
  return cleanText(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * The share as a Markdown, an HTML and a BBCode snippet for a blog or forum post: the text, the link, the friend's
 * steps as a numbered list, and (HTML only) the QR code as an inline SVG image. All text is escaped for its format,
 * so a nickname, share text, custom program name or step can never become markup, a link or a tag. Throws when the
 * link is not an http(s) URL.
 */
export function websiteSnippets({ link, text, linkLabel, steps = [], qr }: WebsiteSnippetInput): WebsiteSnippets {
  const url = snippetUrl(link);
  const label = oneLine(linkLabel) || url;
  const paras = paragraphs(text);
  const items = steps.map(oneLine).filter((s) => s !== '');

  const markdown = [
    ...paras.map((lines) => lines.map(escapeMarkdownLine).join('\n')),
    `[${escapeMarkdownLine(label)}](${markdownDestination(url)})`,
    ...(items.length ? [items.map((s, i) => `${i + 1}. ${escapeMarkdownLine(s)}`).join('\n')] : []),
  ].join('\n\n');

  // dir="auto": a right-to-left nickname or text sets its own paragraph's direction, and only its own.
  const html = [
    ...paras.map((lines) => `<p dir="auto">${lines.map(escapeHtml).join('<br>\n')}</p>`),
    `<p><a href="${escapeHtml(url)}" rel="${REL}">${escapeHtml(label)}</a></p>`,
    ...(items.length ? ['<ol>', ...items.map((s) => `<li dir="auto">${escapeHtml(s)}</li>`), '</ol>'] : []),
    ...(qr ? [qrImage(qr)] : []),
  ].join('\n');

  const bbcode = [
    ...paras.map((lines) => escapeBbcode(lines.join('\n'))),
    `[url=${url}]${escapeBbcode(label)}[/url]`,
    ...(items.length ? [['[list=1]', ...items.map((s) => `[*]${escapeBbcode(s)}`), '[/list]'].join('\n')] : []),
  ].join('\n\n');

  return { markdown, html, bbcode };
}

/** The QR code as an <img> of a data: URL (percent-encoded, as QrImage draws it), so the post needs no upload. */
function qrImage({ svg, alt, sizePx }: NonNullable<WebsiteSnippetInput['qr']>): string {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const px = Math.max(1, Math.round(sizePx));
  return `<p><img src="${escapeHtml(src)}" alt="${escapeHtml(oneLine(alt))}" width="${px}" height="${px}"></p>`;
}
