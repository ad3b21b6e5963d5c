import type { LinkParseResult } from './types';

type Refusal = Extract<LinkParseResult, { ok: false }>;

/**
 * The scheme of `text` as the URL parser would see it: the parser drops tabs and newlines anywhere, so
 * "java\tscript:" is a javascript: URL and must be refused as one. A "scheme" containing a dot is really
 * a host with a port ("example.com:443/x"), so it counts as no scheme. Returns the scheme in lower case.
 */
export function schemeOf(text: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text.replace(/[\t\n\r]/g, ''));
  const scheme = match?.[1]?.toLowerCase();
  return scheme === undefined || scheme.includes('.') ? undefined : scheme;
}

/** Refusal for any scheme other than https, with a message naming what is wrong with it. */
export function refuseScheme(scheme: string): Refusal | undefined {
  const only = 'RefShare only accepts https:// invite links.';
  switch (scheme) {
    case 'https':
      return undefined;
    case 'http':
      return {
        ok: false,
        reason: 'insecure_http',
        message: 'This link uses http://, which is not secure. Use the https:// version of the invite link.',
      };
    case 'javascript':
      return {
        ok: false,
        reason: 'javascript_url',
        message: `This is a javascript: address: it runs code instead of opening a page. ${only}`,
      };
    case 'data':
      return {
        ok: false,
        reason: 'data_url',
        message: `This is a data: address: it carries content instead of pointing to a page. ${only}`,
      };
    default:
      return { ok: false, reason: 'unsupported_scheme', message: `"${scheme}:" links are not supported. ${only}` };
  }
}
