import { linkRefusal as refuse } from './linkRefusal';
import { refuseScheme, schemeOf } from './linkScheme';
import { firstControlChar, quote, trimInvisible } from './text';
import type { LinkParseResult, ParsedLink, Program, ProgramId } from './types';

/** Longest link accepted; real invite links are a few hundred characters, QR codes get unreadable past this. */
export const MAX_LINK_LENGTH = 2048;

/**
 * Whether `host` is one of the program's invite-link hosts: an exact name, or any subdomain of a "*.domain" entry
 * (AliExpress answers on country subdomains: es.aliexpress.com, pt.aliexpress.com, …).
 */
export function isLinkHost(program: Program, host: string): boolean {
  return program.linkHosts.some((h) =>
    h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h,
  );
}

function programName(id: ProgramId, programs: Program[]): string {
  return programs.find((p) => p.id === id)?.name ?? id;
}

/** Expected program first, so its verdict wins when several programs share a host. */
function ordered(programs: Program[], expected?: ProgramId): Program[] {
  return expected ? [...programs].sort((a, b) => Number(b.id === expected) - Number(a.id === expected)) : programs;
}

/**
 * Checks a pasted link or invite code and tells which program it belongs to. Strict on purpose: only https
 * links on a program's declared hosts, or bare codes in a program's code format, are accepted, and every
 * refusal carries an English sentence saying what is wrong. An accepted link is kept exactly as given (after
 * trimming): re-serialising it could change what the program sees.
 */
export function parseLink(input: string, programs: Program[], expectedProgramId?: ProgramId): LinkParseResult {
  if (typeof input !== 'string') return refuse('empty', 'linkErrEmpty');
  // Cheap guard before scanning: nothing this long can be under the limit once trimmed.
  if (input.length > MAX_LINK_LENGTH * 8) return tooLong(input.length);
  const text = trimInvisible(input);
  if (text === '') return refuse('empty', 'linkErrEmpty');
  if (text.length > MAX_LINK_LENGTH) return tooLong(text.length);

  const scheme = schemeOf(text);
  if (scheme === undefined) return parseBare(text, programs, expectedProgramId);
  const schemeRefusal = refuseScheme(scheme);
  if (schemeRefusal) return schemeRefusal;

  const control = firstControlChar(text);
  if (control) {
    return refuse('not_a_url', 'linkErrControl', control);
  }
  // Text around a link is findInviteLinks' job (pastedText.ts); here a space means this is not one link.
  if (/\s/u.test(text)) return refuse('not_a_url', 'linkErrInvalid');
  if (!/^https:\/\//i.test(text)) return refuse('not_a_url', 'linkErrNoHttps');
  if (text.includes('\\')) return refuse('not_a_url', 'linkErrBackslash');
  const authority = text.slice('https://'.length).split(/[/?#]/)[0] ?? '';
  if (authority.includes('@')) {
    return refuse('credentials_in_url', 'linkErrCredentials');
  }
  if (authority.includes('%')) return refuse('not_a_url', 'linkErrPercentHost');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('not_a_url', 'linkErrInvalid');
  }
  return parseUrl(text, url, programs, expectedProgramId);
}

function tooLong(length: number): LinkParseResult {
  return refuse('too_long', 'linkErrTooLong', String(length), String(MAX_LINK_LENGTH));
}

function parseUrl(text: string, url: URL, programs: Program[], expected?: ProgramId): LinkParseResult {
  const host = url.hostname;
  const affiliate = programs.find((p) => p.affiliateHosts?.includes(host));
  if (affiliate) {
    return refuse('affiliate_link', 'linkErrAffiliate', affiliate.name);
  }
  const product = programs.find((p) => p.productHosts?.includes(host));
  if (product) return refuse('product_link', 'linkErrProduct', product.name);
  const owners = ordered(
    programs.filter((p) => isLinkHost(p, host)),
    expected,
  );
  const first = owners[0];
  if (!first) {
    const known = expected ? programName(expected, programs) : programs.map((p) => p.name).join(', ');
    return refuse('unknown_host', 'linkErrUnknownHost', host, known || 'any program');
  }
  if (expected && first.id !== expected) {
    return refuse('wrong_program', 'linkErrWrongProgram', first.name, programName(expected, programs));
  }
  if (url.port) return refuse('not_an_invite_link', 'linkErrPort', url.port);
  let refusal: LinkParseResult | undefined;
  for (const program of owners) {
    const verdict = program.recognise(url);
    if (verdict?.ok) {
      const link: ParsedLink = { programId: program.id, url: text, kind: 'url' };
      if (verdict.code !== undefined) link.code = verdict.code;
      return { ok: true, link };
    }
    refusal ??= verdict ?? refuse('not_an_invite_link', 'linkErrNotInvite', program.name);
  }
  return refusal ?? refuse('not_an_invite_link', 'linkErrNotInvite', first.name);
}

/** Text without a scheme: a bare invite code, or a link pasted without https://. */
function parseBare(text: string, programs: Program[], expected?: ProgramId): LinkParseResult {
  const control = firstControlChar(text);
  if (control) return refuse('not_a_url', 'linkErrControl', control);
  let refusal: LinkParseResult | undefined;
  let other: Program | undefined;
  for (const program of ordered(programs, expected)) {
    const verdict = program.recognise(text);
    if (!verdict) continue;
    if (!verdict.ok) {
      refusal ??= verdict;
      continue;
    }
    if (expected && program.id !== expected) {
      other ??= program;
      continue;
    }
    const code = verdict.code ?? text;
    return { ok: true, link: { programId: program.id, url: code, code, kind: 'code' } };
  }
  if (other && expected) {
    const chosen = programName(expected, programs);
    return refuse('wrong_program', 'linkErrWrongProgramCode', quote(text), other.name, chosen);
  }
  if (refusal) return refusal;
  return schemelessHint(text, programs);
}

function schemelessHint(text: string, programs: Program[]): LinkParseResult {
  if (!/\s/u.test(text) && /^[^/?#]+\.[^/?#]+/.test(text)) {
    try {
      const host = new URL(`https://${text}`).hostname;
      const owner = programs.find((p) => isLinkHost(p, host));
      return owner ? refuse('not_a_url', 'linkErrNoScheme', owner.name) : refuse('not_a_url', 'linkErrNoSchemeUnknown');
    } catch {
      // Not even host-shaped: fall through to the general message.
    }
  }
  return refuse('not_a_url', 'linkErrNothingKnown', quote(text));
}
