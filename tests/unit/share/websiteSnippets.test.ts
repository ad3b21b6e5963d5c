import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type WebsiteSnippetInput, websiteSnippets } from '@/lib/share/websiteSnippets.lazy';
import { parseHtml, readMarkdown, shown, unexpectedMarkup } from './snippetReaders';

const ALI_URL = 'https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&platform=AE';
const LABEL = 'Join AliExpress with my referral link';
const TEXT = 'Hi Ana, join AliExpress with my invite link and get new-user coupons on your first order';
const QR = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  alt: 'QR code for AliExpress referral link',
  sizePx: 180,
};

const base: WebsiteSnippetInput = { link: ALI_URL, text: TEXT, linkLabel: LABEL, steps: ['Open the link', 'Sign up'] };

describe('websiteSnippets: a normal share', () => {
  it('Markdown: the escaped text, the link, the steps as an ordered list', () => {
    expect(websiteSnippets(base).markdown).toBe(
      [
        'Hi Ana, join AliExpress with my invite link and get new\\-user coupons on your first order',
        `[Join AliExpress with my referral link](${ALI_URL})`,
        '1. Open the link\n2. Sign up',
      ].join('\n\n'),
    );
  });

  it('HTML: paragraphs, a sponsored link, the steps and the QR code as an inline SVG image', () => {
    expect(websiteSnippets({ ...base, qr: QR }).html).toBe(
      [
        `<p dir="auto">${TEXT}</p>`,
        '<p><a href="https://star.aliexpress.com/share/share.htm?invitationCode=IN7XK2P9&amp;platform=AE" ' +
          'rel="sponsored nofollow noopener">Join AliExpress with my referral link</a></p>',
        '<ol>',
        '<li dir="auto">Open the link</li>',
        '<li dir="auto">Sign up</li>',
        '</ol>',
        '<p><img src="data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E" ' +
          'alt="QR code for AliExpress referral link" width="180" height="180"></p>',
      ].join('\n'),
    );
  });

  it('BBCode: the text, [url=…], and a numbered [list]', () => {
    expect(websiteSnippets(base).bbcode).toBe(
      [
        TEXT,
        `[url=${ALI_URL}]Join AliExpress with my referral link[/url]`,
        '[list=1]\n[*]Open the link\n[*]Sign up\n[/list]',
      ].join('\n\n'),
    );
  });

  it('without steps there is no list; blank steps are dropped; the QR is in the HTML only', () => {
    for (const steps of [undefined, [], ['', '  ']]) {
      const s = websiteSnippets({ ...base, steps, qr: QR });
      expect(s.markdown).not.toMatch(/^1\. /m);
      expect(s.html).not.toContain('<ol>');
      expect(s.bbcode).not.toContain('[list');
      expect(s.markdown + s.bbcode).not.toContain('data:');
      expect(s.html).toContain('<img src="data:image/svg+xml;');
    }
  });

  it('keeps lines and paragraphs: <br> in HTML, soft breaks and blank lines in Markdown, newlines in BBCode', () => {
    const s = websiteSnippets({ ...base, text: 'Hi Ana,\r\njoin us\n\n\nThanks!', steps: [] });
    expect(s.html).toContain('<p dir="auto">Hi Ana,<br>\njoin us</p>\n<p dir="auto">Thanks!</p>');
    expect(s.markdown.startsWith('Hi Ana,\njoin us\n\nThanks\\!\n\n[')).toBe(true);
    expect(s.bbcode.startsWith('Hi Ana,\njoin us\n\nThanks!\n\n[url=')).toBe(true);
  });

  it('an empty label shows the URL itself', () => {
    const s = websiteSnippets({ ...base, linkLabel: ' \n ' });
    expect(s.bbcode).toContain(`[url=${ALI_URL}]${ALI_URL}[/url]`);
    expect(parseHtml(s.html).querySelector('a')?.textContent).toBe(ALI_URL);
  });
});

describe('websiteSnippets: the link', () => {
  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/x',
    'mailto:a@example.com',
    '//example.com/relative',
    'https://[::1]/ipv6',
    'not a link',
    '',
  ])('refuses %j with an error (nothing is rendered)', (link) => {
    expect(() => websiteSnippets({ ...base, link })).toThrow('Not a web link');
  });

  it('accepts http as well as https', () => {
    expect(websiteSnippets({ ...base, link: 'http://example.com/r?c=1' }).bbcode).toContain(
      '[url=http://example.com/r?c=1]',
    );
  });

  it('percent-encodes what could end a destination, a tag or an attribute: ( ) [ ] quotes, spaces, < > \\', () => {
    const link = `https://shop.example/a(b)c[d]e"f'g h<i>j\`k?q=(1)[2]"3'4 5<6>7\\8{9}|^`;
    const s = websiteSnippets({ ...base, link });
    const encoded =
      'https://shop.example/a%28b%29c%5Bd%5De%22f%27g%20h%3Ci%3Ej%60k?q=%281%29%5B2%5D%223%274%205%3C6%3E7%5C8%7B9%7D%7C%5E';
    expect(s.markdown).toContain(`](${encoded})`);
    expect(s.bbcode).toContain(`[url=${encoded}]`);
    expect(parseHtml(s.html).querySelector('a')?.getAttribute('href')).toBe(encoded);
  });

  it('escapes an entity-like "&…;" in a Markdown destination, which CommonMark would decode', () => {
    const s = websiteSnippets({ ...base, link: 'https://shop.example/?a=1&lt;b&c=2' });
    expect(s.markdown).toContain('](https://shop.example/?a=1\\&lt;b&c=2)');
    expect(s.bbcode).toContain('[url=https://shop.example/?a=1&lt;b&c=2]');
  });
});

/** Every format's reading of a snippet, checked against what went in (see snippetReaders.ts). */
function expectOnlyText(input: WebsiteSnippetInput) {
  const s = websiteSnippets(input);
  const href = new URL(input.link).href;
  const label = shown(input.linkLabel.replace(/\n/g, ' ')) || href;
  const steps = (input.steps ?? []).map((step) => shown(step)).filter((step) => step !== '');

  // HTML, parsed as a browser does: only the elements the format makes, one link, the text verbatim.
  const body = parseHtml(s.html);
  expect(unexpectedMarkup(body)).toEqual([]);
  const links = body.querySelectorAll('a');
  expect(links.length).toBe(1);
  expect(links[0]?.getAttribute('href')).toBe(href);
  expect(links[0]?.getAttribute('rel')).toBe('sponsored nofollow noopener');
  expect(shown(links[0]?.textContent ?? '')).toBe(label);
  const images = Array.from(body.querySelectorAll('img'));
  expect(images.map((img) => shown(img.getAttribute('alt') ?? ''))).toEqual(input.qr ? [shown(input.qr.alt)] : []);
  for (const img of images) expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
  const paragraphs = Array.from(body.querySelectorAll('p[dir="auto"]'), (p) => p.textContent);
  expect(shown(paragraphs.join('\n'))).toBe(shown(input.text));
  expect(Array.from(body.querySelectorAll('li'), (li) => shown(li.textContent))).toEqual(steps);

  // Markdown, read with CommonMark's escapes: nothing left bare that could start syntax, one link, the text verbatim.
  const md = readMarkdown(s.markdown, steps.length > 0);
  expect(md.bare).toEqual([]);
  expect(md.indented).toBe(false);
  expect(md.destination.replace(/\\&/g, '&')).toBe(href);
  expect(shown(md.text)).toBe(shown(input.text));
  expect(shown(md.label)).toBe(label);
  expect(md.steps.map(shown)).toEqual(steps);

  // BBCode: the only tags are the ones the format makes; text brackets are fullwidth.
  const fullwidth = (t: string) => t.replace(/\[/g, '［').replace(/]/g, '］');
  expect(s.bbcode.match(/\[\/?url/gi)).toEqual(['[url', '[/url']);
  const rest = s.bbcode
    .replace(`[url=${href}]`, '')
    .replace('[/url]', '')
    .replace(/^\[list=1\]$|^\[\*\]|^\[\/list\]$/gm, '');
  expect(rest).not.toMatch(/[[\]]/);
  const bbText = s.bbcode.slice(0, s.bbcode.indexOf('[url='));
  expect(shown(bbText)).toBe(fullwidth(shown(input.text)));
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '](javascript:alert(1))',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '<https://evil.example>',
  'https://evil.example and www.evil.example and a@evil.example',
  '[url=javascript:alert(1)]x[/url]',
  '[/url][b]bold[/b][img]https://evil.example/x.png[/img]',
  '[url="https://evil.example"]',
  '`code` ``more`` ```fence```',
  '**bold** __bold__ *em* _em_ ~~strike~~',
  '# heading\n> quote\n- item\n+ item\n1. item\n2) item\n    code\n===\n---\n| a | b |',
  '&lt;script&gt; &amp; &#x3C;',
  '[ref]: https://evil.example',
  'Ana 😀👩‍👩‍👧 🇧🇷',
  'Ana \u202Eevil\u202C \u2067isolated\u2069',
  '\\<b>\\\\[x]\\',
  'NUL\u0000 BEL\u0007 DEL\u007F',
  'x'.repeat(5000),
  '<'.repeat(2500) + ']'.repeat(2500),
];
/** Test names: long inputs by their start and length. */
const HOSTILE_CASES = HOSTILE.map((h) => [
  h.length > 80 ? `${h.slice(0, 12)}… (${h.length} chars)` : JSON.stringify(h),
  h,
]);

describe('websiteSnippets: hostile input stays text', () => {
  it.each(HOSTILE_CASES)('as the share text: %s', (_, text) => {
    expectOnlyText({ ...base, text, qr: QR });
  });

  it.each(HOSTILE_CASES)('as the program name in the label and QR alt text: %s', (_, name) => {
    expectOnlyText({
      ...base,
      linkLabel: `Join ${name} with my referral link`,
      qr: { ...QR, alt: `QR code for ${name}` },
    });
  });

  it.each(HOSTILE_CASES)('as a step: %s', (_, step) => {
    expectOnlyText({ ...base, steps: ['Open the link', step] });
  });

  it('escapes exactly, format by format', () => {
    const s = websiteSnippets({ ...base, text: '"><img src=x onerror=alert(1)> [/url][b] ](javascript:alert(1))' });
    expect(s.html).toContain(
      '<p dir="auto">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; [/url][b] ](javascript:alert(1))</p>',
    );
    expect(s.markdown).toContain(
      '"\\>\\<img src\\=x onerror\\=alert\\(1\\)\\> \\[/url\\]\\[b\\] \\]\\(javascript:alert\\(1\\)\\)',
    );
    expect(s.bbcode).toContain('"><img src=x onerror=alert(1)> ［/url］［b］ ］(javascript:alert(1))');
  });

  it('drops bidi overrides (they would reverse the text after them) but keeps RTL text and marks', () => {
    const s = websiteSnippets({ ...base, text: 'مرحبا \u200Fأنا\u202E gnp.exe' });
    for (const snippet of [s.html, s.markdown, s.bbcode]) {
      expect(snippet).not.toContain('\u202E');
      expect(snippet).toContain('مرحبا \u200Fأنا gnp');
    }
  });
});

/** Strings heavy in the characters every format cares about, mixed with any code point. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(
      ...'<>&"\'[]()\\`*_#+-.!|{}~=:/@;% \t\n\r\u202Eaz19wh',
      'http://',
      'www.',
      '[url=',
      '[/url]',
      '&lt;',
    ),
    maxLength: 60,
  }),
);

describe('websiteSnippets: properties', () => {
  it('any text, label and steps come out as text only, with one link to the URL, in every format', () => {
    fc.assert(
      fc.property(nasty, nasty, fc.array(nasty, { maxLength: 4 }), fc.boolean(), (text, label, steps, withQr) => {
        expectOnlyText({
          link: ALI_URL,
          text,
          linkLabel: label,
          steps,
          qr: withQr ? { ...QR, alt: label } : undefined,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('any web link stays one token in every format and still points where it did', () => {
    const junk = fc.string({ unit: fc.constantFrom(...'()[]<>"\' \\`{}|^&;#%=?/aZ9'), maxLength: 20 });
    // The characters websiteSnippets encodes on top of WHATWG's URL serializer, decoded again for the comparison.
    const decode = (u: string) =>
      u.replace(/%(28|29|5B|5D|27|5C|5E|60|7B|7D|7C|22|20|3C|3E)/gi, (_, h: string) =>
        String.fromCharCode(Number.parseInt(h, 16)),
      );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), junk, (url, tail) => {
        const link = `${url}/${tail}`;
        const s = websiteSnippets({ ...base, link });
        const href = parseHtml(s.html).querySelector('a')?.getAttribute('href') ?? '';
        expect(decode(href)).toBe(decode(new URL(link).href));
        expect(href).not.toMatch(/[\s()[\]<>"'\\`{}|^]/);
        expect(s.markdown).toContain(`](${href.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')})\n`);
        expect(s.bbcode.match(/\[url=([^\]]*)\]/)?.[1]).toBe(href);
      }),
      { numRuns: 200 },
    );
  });
});
