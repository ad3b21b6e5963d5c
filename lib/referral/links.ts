import { refuseScheme, schemeOf } from './linkScheme';
import { firstControlChar, quote, trimInvisible } from './text';
import type { LinkParseResult, LinkRefusalReason, ParsedLink, Program, ProgramId } from './types';

/** Longest link accepted; real invite links are a few hundred characters, QR codes get unreadable past this. */
export const MAX_LINK_LENGTH = 2048;

function refuse(reason: LinkRefusalReason, message: string): LinkParseResult {
  return { ok: false, reason, message };
}

/** "a Temu link", "an AliExpress link". */
function withArticle(name: string): string {
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
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
  if (typeof input !== 'string') return refuse('empty', 'Paste a referral link or invite code.');
  // Cheap guard before scanning: nothing this long can be under the limit once trimmed.
  if (input.length > MAX_LINK_LENGTH * 8) return tooLong(input.length);
  const text = trimInvisible(input);
  if (text === '') return refuse('empty', 'Paste a referral link or invite code.');
  if (text.length > MAX_LINK_LENGTH) return tooLong(text.length);

  const scheme = schemeOf(text);
  if (scheme === undefined) return parseBare(text, programs, expectedProgramId);
  const schemeRefusal = refuseScheme(scheme);
  if (schemeRefusal) return schemeRefusal;

  const control = firstControlChar(text);
  if (control) {
    return refuse('not_a_url', `The link contains an invisible control character (${control}). Copy it again.`);
  }
  if (/\s/u.test(text)) {
    return refuse('not_a_url', 'The link contains spaces. Paste only the link, without the text around it.');
  }
  if (!/^https:\/\//i.test(text)) return refuse('not_a_url', 'The link must start with https://.');
  if (text.includes('\\')) return refuse('not_a_url', 'The link contains a backslash (\\): invite links never do.');
  const authority = text.slice('https://'.length).split(/[/?#]/)[0] ?? '';
  if (authority.includes('@')) {
    return refuse(
      'credentials_in_url',
      'The link contains a user name or password before "@". Invite links never do; this one may be a trick.',
    );
  }
  if (authority.includes('%')) return refuse('not_a_url', 'The host name in this link is disguised with % codes.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('not_a_url', 'This is not a valid web address.');
  }
  return parseUrl(text, url, programs, expectedProgramId);
}

function tooLong(length: number): LinkParseResult {
  return refuse('too_long', `This is ${length} characters long; links over ${MAX_LINK_LENGTH} characters are refused.`);
}

function parseUrl(text: string, url: URL, programs: Program[], expected?: ProgramId): LinkParseResult {
  const host = url.hostname;
  const affiliate = programs.find((p) => p.affiliateHosts?.includes(host));
  if (affiliate) {
    return refuse(
      'affiliate_link',
      `This is ${withArticle(affiliate.name)} affiliate (commission) link, not an invite link: it pays a publisher and does ` +
        `not register your friend as your invite. Copy the link from the program's "Invite friends" page.`,
    );
  }
  const owners = ordered(
    programs.filter((p) => p.linkHosts.includes(host)),
    expected,
  );
  const first = owners[0];
  if (!first) {
    const known = expected ? programName(expected, programs) : programs.map((p) => p.name).join(', ');
    return refuse('unknown_host', `${host} is not an invite link host of ${known || 'any program'}.`);
  }
  if (expected && first.id !== expected) {
    return refuse(
      'wrong_program',
      `This is ${withArticle(first.name)} link, but you chose ${programName(expected, programs)}.`,
    );
  }
  if (url.port) return refuse('not_an_invite_link', `Invite links don't use a port number (:${url.port}).`);
  let refusal: LinkParseResult | undefined;
  for (const program of owners) {
    const verdict = program.recognise(url);
    if (verdict?.ok) {
      const link: ParsedLink = { programId: program.id, url: text, kind: 'url' };
      if (verdict.code !== undefined) link.code = verdict.code;
      return { ok: true, link };
    }
    refusal ??= verdict ?? refuse('not_an_invite_link', `This ${program.name} link is not an invite link.`);
  }
  return refusal ?? refuse('not_an_invite_link', 'This is not an invite link.');
}

/** Text without a scheme: a bare invite code, or a link pasted without https://. */
function parseBare(text: string, programs: Program[], expected?: ProgramId): LinkParseResult {
  const control = firstControlChar(text);
  if (control) return refuse('not_a_url', `The text contains an invisible control character (${control}).`);
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
    return refuse(
      'wrong_program',
      `"${quote(text)}" is ${withArticle(other.name)} invite code, but you chose ${chosen}.`,
    );
  }
  if (refusal) return refusal;
  return refuse('not_a_url', schemelessHint(text, programs));
}

function schemelessHint(text: string, programs: Program[]): string {
  const full = 'Paste the full link, starting with https://.';
  if (/\s/u.test(text) && /https?:\/\//i.test(text)) {
    return 'This is text with a link inside. Paste only the link, without the words and spaces around it.';
  }
  if (!/\s/u.test(text) && /^[^/?#]+\.[^/?#]+/.test(text)) {
    try {
      const host = new URL(`https://${text}`).hostname;
      const owner = programs.find((p) => p.linkHosts.includes(host));
      return owner
        ? `This looks like ${withArticle(owner.name)} link without https://. ${full}`
        : `This has no https://. ${full}`;
    } catch {
      // Not even host-shaped: fall through to the general message.
    }
  }
  return `"${quote(text)}" is neither a link nor an invite code RefShare recognises. ${full}`;
}
