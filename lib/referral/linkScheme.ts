import { linkRefusal } from './linkRefusal';
import type { LinkRefusal } from './types';

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

/** Schemes that run or carry content: refused whatever follows them, even text with a real link further on. */
export const ACTIVE_SCHEMES = new Set(['javascript', 'data', 'vbscript']);
/**
 * Addresses of things other than web pages (local files, browser pages, other protocols): one such address is
 * refused as what it is. An unknown word before a colon ("Link:https://…") is text, not a scheme.
 */
export const OTHER_SCHEMES = new Set([
  'about',
  'blob',
  'chrome',
  'chrome-extension',
  'edge',
  'file',
  'filesystem',
  'ftp',
  'intent',
  'mailto',
  'moz-extension',
  'resource',
  'sms',
  'tel',
  'view-source',
  'ws',
  'wss',
]);

/** Refusal for any scheme other than https, with a message naming what is wrong with it. */
export function refuseScheme(scheme: string): LinkRefusal | undefined {
  switch (scheme) {
    case 'https':
      return undefined;
    case 'http':
      return linkRefusal('insecure_http', 'linkErrHttp');
    case 'javascript':
      return linkRefusal('javascript_url', 'linkErrJavascript');
    case 'data':
      return linkRefusal('data_url', 'linkErrData');
    default:
      return linkRefusal('unsupported_scheme', 'linkErrScheme', scheme);
  }
}
