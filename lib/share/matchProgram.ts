import type { Program } from '@/lib/referral/types';

/** Schemes a `*` scheme stands for in a match pattern (as in Chrome's and Firefox's match patterns). */
const STAR_SCHEMES = new Set(['http:', 'https:']);
const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/i;

/** A path glob where `*` matches any run of characters (including none) and the rest is literal. */
function pathMatches(glob: string, path: string): boolean {
  const parts = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's').test(path);
}

/**
 * Whether a URL is matched by a WebExtension match pattern such as `*://*.aliexpress.com/*`: scheme `*`
 * means http or https, host `*.example.com` covers example.com and every subdomain (as browsers do),
 * host `*` any host, and `*` in the path any characters. Ports are ignored, hosts compared case-insensitively.
 * A malformed pattern or URL matches nothing.
 */
export function matchesPattern(pattern: string, url: string | URL): boolean {
  const m = PATTERN.exec(pattern.trim());
  if (!m) return false;
  const [, scheme = '', hostPattern = '', pathGlob = ''] = m;
  let target: URL;
  try {
    target = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const protocol = target.protocol.toLowerCase();
  if (scheme === '*' ? !STAR_SCHEMES.has(protocol) : protocol !== `${scheme.toLowerCase()}:`) return false;
  // "www.aliexpress.com." (trailing dot) is the same site.
  const host = target.hostname.toLowerCase().replace(/\.$/, '');
  const wanted = hostPattern.toLowerCase();
  if (wanted !== '*') {
    if (wanted.startsWith('*.')) {
      const domain = wanted.slice(2);
      if (host !== domain && !host.endsWith(`.${domain}`)) return false;
    } else if (host !== wanted) {
      return false;
    }
  }
  return pathMatches(pathGlob, target.pathname + target.search);
}

/**
 * The program whose shopping sites include `url` (the first in list order), or undefined when none does,
 * the URL is missing (no activeTab grant) or is not a web page.
 */
export function matchProgram(url: string | undefined, programs: readonly Program[]): Program | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return programs.find((program) => program.shoppingHosts.some((pattern) => matchesPattern(pattern, parsed)));
}
