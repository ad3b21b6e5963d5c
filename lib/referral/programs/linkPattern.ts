import { normaliseHostname } from '../hostname';

/** Stands in for {code} while the pattern goes through the URL parser; letters only so nothing escapes it. */
const SENTINEL = 'refsharecodeplaceholder';
/** Characters a code may contain: URL "unreserved" characters, so a code never spans a delimiter. */
const CODE_CHAR = /[A-Za-z0-9._~-]/;
const MAX_CODE = 64;

/** A custom program's link pattern, split around its {code}; matched literally, never as a regex. */
export interface LinkPattern {
  host: string;
  /** Serialised URL text before the code, e.g. 'https://example.com/invite/'. */
  prefix: string;
  /** Serialised URL text after the code ('' when the code ends the pattern). */
  suffix: string;
}

/** Splits and checks a pattern; returns an English reason when it cannot be used. */
export function splitLinkPattern(pattern: string): LinkPattern | { error: string } {
  const text = pattern.trim();
  if (!/^https:\/\//i.test(text)) return { error: 'The link pattern must start with https://.' };
  if (text.split('{code}').length !== 2) {
    return { error: 'The link pattern must contain {code} exactly once, where the invite code goes.' };
  }
  if (text.includes(SENTINEL)) return { error: 'The link pattern contains a reserved word.' };
  let url: URL;
  try {
    url = new URL(text.replace('{code}', SENTINEL));
  } catch {
    return { error: 'The link pattern is not a valid address.' };
  }
  if (url.username || url.password || url.port) {
    return { error: 'The link pattern must not contain a user name, password or port.' };
  }
  const host = normaliseHostname(url.hostname);
  if (!host) return { error: 'The link pattern must use a valid host name, like example.com.' };
  const href = url.href;
  const at = href.indexOf(SENTINEL);
  // {code} inside the host would make the host itself variable: not something we can check literally.
  if (at < url.origin.length + 1)
    return { error: 'Put {code} after the host name, e.g. https://example.com/invite/{code}.' };
  return { host, prefix: href.slice(0, at), suffix: href.slice(at + SENTINEL.length) };
}

/**
 * The code in `url` when it matches the pattern: same text up to the code, a run of 1–64 unreserved characters,
 * then the pattern's rest. When the pattern ends with the code, anything after it must start a new path
 * segment, query or fragment (apps append tracking parameters).
 */
export function matchLinkPattern(pattern: LinkPattern, url: URL): string | undefined {
  const href = url.href;
  if (!href.startsWith(pattern.prefix)) return undefined;
  const rest = href.slice(pattern.prefix.length);
  let run = 0;
  while (run < rest.length && run <= MAX_CODE && CODE_CHAR.test(rest.charAt(run))) run++;
  if (pattern.suffix === '') {
    const after = rest.slice(run);
    return run > 0 && run <= MAX_CODE && (after === '' || /^[/?#&]/.test(after)) ? rest.slice(0, run) : undefined;
  }
  // The suffix may itself begin with a code character ('-', '.'), so try the longest code that leaves it intact.
  for (let end = Math.min(run, MAX_CODE); end > 0; end--) {
    if (rest.startsWith(pattern.suffix, end)) return rest.slice(0, end);
  }
  return undefined;
}
