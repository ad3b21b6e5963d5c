import { normaliseHostname } from '../hostname';
import { linkRefusal } from '../linkRefusal';
import { hasControlChar } from '../text';
import { HOUR } from '../time';
import type { CustomProgramData, Program } from '../types';
import { matchLinkPattern, splitLinkPattern } from './linkPattern';

const MAX_NAME = 60;
const MAX_PERK = 200;
const MAX_HOSTS = 20;
const MAX_DELAY_HOURS = 24 * 90;
const MAX_SLUG = 40;
const ID = /^custom:[a-z0-9-]{1,40}$/;

const TEXTS_WITH_PERK = {
  en: 'Hi {nickname}, join {program} with my invite link and get {perk}: {link}',
  es: 'Hola {nickname}, únete a {program} con mi enlace de invitación y consigue {perk}: {link}',
  pt: 'Oi {nickname}, entre no {program} com o meu link de convite e ganhe {perk}: {link}',
};
const TEXTS_WITHOUT_PERK = {
  en: 'Hi {nickname}, join {program} with my invite link: {link}',
  es: 'Hola {nickname}, únete a {program} con mi enlace de invitación: {link}',
  pt: 'Oi {nickname}, entre no {program} com o meu link de convite: {link}',
};

/** Builds a program from what the user entered. Stored data that no longer validates recognises no link. */
export function customProgram(data: CustomProgramData): Program {
  const pattern = splitLinkPattern(data.linkPattern);
  const perk = data.perkText?.trim() ?? '';
  return {
    id: data.id,
    name: data.name,
    shoppingHosts: data.shoppingHosts.map((host) => `*://${host}/*`),
    pages: {},
    linkHosts: 'error' in pattern ? [] : [pattern.host],
    rules: {
      version: 1,
      rewardKind: 'coupon',
      rewardDelayMs: data.rewardDelayHours * HOUR,
      perkText: perk,
      eligibilityText: "As described in the program's own terms",
      // Most programs pay only for orders that are kept; the user can still record what really happened.
      cancelledOrderVoidsReward: true,
    },
    shareTexts: perk ? { ...TEXTS_WITH_PERK } : { ...TEXTS_WITHOUT_PERK },
    linkExamples: [data.linkPattern.trim().replace('{code}', 'ABC123')],
    recognise(input) {
      // The user's program has no known code format, so a bare code could be anything: links only.
      if (typeof input === 'string' || 'error' in pattern) return null;
      const code = matchLinkPattern(pattern, input);
      if (code !== undefined) return { ok: true, code, kind: 'url' };
      return linkRefusal('not_an_invite_link', 'linkErrCustom', data.name, data.linkPattern.trim());
    },
  };
}

/** Lower-case ASCII slug: accents dropped, anything else becomes a hyphen. */
function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a: a stable id for names with no Latin letters (e.g. "淘宝"), so the same name keeps the same id. */
function nameHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `p-${h.toString(36)}`;
}

function hostList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((h) => h !== '');
  if (Array.isArray(value) && value.every((h) => typeof h === 'string')) return value as string[];
  return undefined;
}

type Validation = { ok: true; program: CustomProgramData } | { ok: false; message: string };

/**
 * Checks a custom program form (untrusted: it may come from a message or a backup). The id is
 * 'custom:' + a slug of the name; a valid existing `id` is kept so renaming a program keeps its links.
 * `newId` names programs whose name has no Latin letters; without it a hash of the name is used.
 */
export function validateCustomProgram(input: unknown, now: number, newId?: () => string): Validation {
  if (typeof input !== 'object' || input === null) return { ok: false, message: 'Fill in the program details.' };
  const form = input as Record<string, unknown>;
  const name = typeof form.name === 'string' ? form.name.trim() : '';
  if (name === '' || Array.from(name).length > MAX_NAME) {
    return { ok: false, message: `The program name must be 1–${MAX_NAME} characters.` };
  }
  if (hasControlChar(name)) return { ok: false, message: 'The program name contains invisible control characters.' };

  const rawHosts = hostList(form.shoppingHosts);
  if (!rawHosts || rawHosts.length === 0 || rawHosts.length > MAX_HOSTS) {
    return { ok: false, message: `List 1–${MAX_HOSTS} shopping site hosts, like shop.example.com or *.example.com.` };
  }
  const shoppingHosts: string[] = [];
  for (const raw of rawHosts) {
    const wildcard = raw.startsWith('*.');
    const host = normaliseHostname(wildcard ? raw.slice(2) : raw);
    if (!host)
      return { ok: false, message: `"${raw}" is not a valid host name, like shop.example.com or *.example.com.` };
    const entry = wildcard ? `*.${host}` : host;
    if (!shoppingHosts.includes(entry)) shoppingHosts.push(entry);
  }

  const linkPattern = typeof form.linkPattern === 'string' ? form.linkPattern.trim() : '';
  if (hasControlChar(linkPattern))
    return { ok: false, message: 'The link pattern contains invisible control characters.' };
  const pattern = splitLinkPattern(linkPattern);
  if ('error' in pattern) return { ok: false, message: pattern.error };

  const hours = typeof form.rewardDelayHours === 'string' ? Number(form.rewardDelayHours) : form.rewardDelayHours;
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_DELAY_HOURS) {
    return {
      ok: false,
      message: `The reward delay must be more than 0 and at most ${MAX_DELAY_HOURS} hours (90 days).`,
    };
  }

  let perkText: string | undefined;
  if (form.perkText !== undefined && form.perkText !== null) {
    if (typeof form.perkText !== 'string') return { ok: false, message: 'The perk must be text.' };
    perkText = form.perkText.trim() || undefined;
    if (perkText && (Array.from(perkText).length > MAX_PERK || hasControlChar(perkText))) {
      return { ok: false, message: `The perk must be at most ${MAX_PERK} characters, without control characters.` };
    }
  }

  const slug = slugify(name) || slugify(newId?.() ?? '') || nameHash(name);
  const id = typeof form.id === 'string' && ID.test(form.id) ? form.id : `custom:${slug}`;
  const createdAt = typeof form.createdAt === 'number' && Number.isFinite(form.createdAt) ? form.createdAt : now;
  const program: CustomProgramData = { id, name, shoppingHosts, linkPattern, rewardDelayHours: hours, createdAt };
  if (perkText) program.perkText = perkText;
  return { ok: true, program };
}
