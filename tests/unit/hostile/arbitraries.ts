/**
 * What an attacker, a broken feed, a corrupt file or a careless paste can hand RefShare. Shared by the hostile-input
 * suites (tests/unit/hostile/*.test.ts).
 */
import fc from 'fast-check';

/** A few payloads that would run if ever parsed as markup or script. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'-alert(1)-'",
  '</textarea><script>alert(1)</script>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
  '${alert(1)}',
  '<a href="javascript:alert(1)">x</a>',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '{link} {code} {nickname} {program} {perk} {foo}',
  '<!--',
  ']]>',
  '\\u003cscript\\u003e',
  // Template look-alikes: doubled, spaced, upper-case, unclosed, and String.replace's own patterns.
  '{{link}} }} {{',
  '{ link } {LINK} {link {nickname',
  '{nickname}{nickname}{code}',
  '$& $1 $` %s %n',
] as const;
export const markup = fc.constantFrom(...PAYLOADS);

/** Characters that change how text looks or is read: RTL override, zero-width, control, emoji, lone surrogates. */
const ODD = [
  '\u202E',
  '\u202D',
  '\u2066',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\r\n',
  '\t',
  '🎁',
  '👩‍👩‍👧',
  '\uD800',
  '\uDFFF',
  'ﷺ',
  'Ǆ',
  '\u0301',
];
export const oddChars = fc.constantFrom(...ODD);

/** Long text, up to 10,000 characters and beyond the limits. */
export const longText = fc
  .constantFrom(100, 201, 1001, 4097, 10_000, 10_001)
  .chain((n) => fc.constantFrom('x', 'é', '🎁', '<b>').map((unit) => unit.repeat(Math.ceil(n / unit.length))));

/** Hostile text of every kind: markup, odd characters, long, mixed with ordinary words, arbitrary unicode. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  markup,
  fc
    .array(
      fc.oneof(
        markup,
        oddChars,
        fc.constantFrom('Ana', ' ', 'spring sale', '@ana_99', 'ana@example.com', '+55 11 91234-5678'),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  longText,
);

/** Whitespace and control characters a URL parser skips before the scheme. */
const LEADING = ['', ' ', '  ', '\t', '\n', '\r\n', '\u0000', '\u0001', '\u001F', '\u00A0', '\u200B', '\uFEFF'];

/**
 * A URL a browser would run as script or load as a local document: javascript:, vbscript:, data:, file:, blob:, in
 * mixed case, after blanks and controls the URL parser skips, with a tab, newline or CR inside the scheme (which the
 * parser deletes: "java\tscript:" is javascript:).
 */
export const scriptUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...LEADING),
    fc.mixedCase(fc.constantFrom('javascript', 'vbscript', 'data', 'file', 'blob')),
    fc.nat(),
    fc.constantFrom('', '\t', '\n', '\r', '\t\n'),
    fc.constantFrom(
      'alert(1)',
      'alert(document.cookie)//https://a.aliexpress.com/_mKXyZab',
      '//a.aliexpress.com/_mKXyZab',
      'text/html,<script>alert(1)</script>',
      'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'https://a.aliexpress.com/_mKXyZab',
      '//%0Aalert(1)',
    ),
  )
  .map(([lead, scheme, at, gap, rest]) => {
    const cut = at % (scheme.length + 1);
    return `${lead}${scheme.slice(0, cut)}${gap}${scheme.slice(cut)}:${rest}`;
  });

/** URLs that must never be stored or opened: script and local schemes in every spelling, and look-alikes. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  scriptUrl,
  fc
    .tuple(
      fc.constantFrom(...LEADING),
      fc.mixedCase(fc.constantFrom('javascript', 'vbscript', 'data', 'file', 'blob', 'about', 'chrome', 'http', 'ftp')),
      fc.constantFrom(':', ':\t', ': ', '&colon;', '%3A'),
      fc.constantFrom(
        'alert(1)',
        '//a.aliexpress.com/_mKXyZab',
        'text/html,<script>alert(1)</script>',
        '//%0Aalert(1)',
        '',
      ),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom(
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\tjava\nscript:alert(1)',
    'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    'ｈｔｔｐｓ://a.aliexpress.com/_mKXyZab',
    'https://\u0430liexpress.com/_mKXyZab',
    'https://a.aliexpress.com／_mKXyZab',
    'https://a.aliexpress.com/_mKXyZab\u202E',
    'https://a.aliexpress.com/_mKX\u0000yZab',
    'https://a.aliexpress.com:443/_mKXyZab',
    'jav&#x09;ascript:alert(1)',
    'https://a.aliexpress.com.evil.example/_mKXyZab',
    'https://evil.example/?u=https://a.aliexpress.com/_mKXyZab',
    'https://a.aliexpress.com@evil.example/_mKXyZab',
    'https://user:pass@a.aliexpress.com/_mKXyZab',
    'https://s.click.aliexpress.com/e/_DmAbCdE',
    'https://xn--aliexpres-1ib.com/_mKXyZab',
    'https://a.aliexpress.com/_mKXyZab#<script>',
    'https://a.aliexpress.com/_mKXyZab"><svg onload=alert(1)>',
    '//a.aliexpress.com/_mKXyZab',
    'a.aliexpress.com/_mKXyZab',
    'https://',
    'https:',
    '',
  ),
  longText.map((t) => `https://a.aliexpress.com/_${t}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

/** Keys that pollute prototypes when an object is merged carelessly. */
export const pollutionKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'toString',
  'hasOwnProperty',
);

/**
 * An object with a prototype-polluting key as its own property, the way JSON.parse makes one from a file or a
 * message (an object literal would set the prototype instead).
 */
export const pollutedObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(pollutionKey, fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => JSON.parse(`{"${key}": {"polluted": ${JSON.stringify(value ?? null)}}, "polluted": true}`));

/** Values of the wrong type for any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
  fc.object({ maxDepth: 1 }),
  pollutedObject,
);

/** Payloads too big for any field: a 5 MB string, a 50,000-element list, a deeply nested object. */
export const hugeValue: fc.Arbitrary<unknown> = fc.constantFrom(
  'A'.repeat(5_000_000),
  Array.from({ length: 50_000 }, (_, i) => i),
  JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`),
);

/** Any value a field might receive: hostile text, a hostile URL, the wrong type, or something huge. */
export const anyField: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileUrl },
  { weight: 3, arbitrary: wrongType },
  { weight: 1, arbitrary: hugeValue },
);
