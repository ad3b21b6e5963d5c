import { normaliseHostname } from '../hostname';
import { hasControlChar } from '../text';
import type { CustomProgramData } from '../types';
import { splitLinkPattern } from './linkPattern';

// What a custom program must be to be saved (the form, the background, backups), apart from custom.ts: the pages
// that only show programs (the popup, the shop panel) do not carry these checks.

const MAX_NAME = 60;
const MAX_PERK = 200;
const MAX_HOSTS = 20;
const MAX_DELAY_HOURS = 24 * 90;
const MAX_SLUG = 40;
const MAX_STEPS = 6;
const ID = /^custom:[a-z0-9-]{1,40}$/;

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

/**
 * One step for the friend: 1–120 characters on one line, nothing blank at either end (what the form sends). `.` stops
 * at line breaks (U+2028 too) and counts code points; hasControlChar refuses the rest of the invisible characters.
 */
const STEP = /^\S(?:.{0,118}\S)?$/u;
const isStep = (step: unknown) => typeof step === 'string' && STEP.test(step) && !hasControlChar(step);

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

  // The form sends the textarea's lines trimmed and without blank ones; anything else is refused, not cleaned, so
  // a backup row is imported exactly as it was written.
  const steps = form.friendSteps;
  if (steps != null && !(Array.isArray(steps) && steps.length <= MAX_STEPS && steps.every(isStep))) {
    return {
      ok: false,
      message: `The steps for your friend must be at most ${MAX_STEPS} lines of 1–120 characters, without control characters.`,
    };
  }

  const cap = form.monthlyCap;
  if (cap != null && !(Number.isInteger(cap) && (cap as number) > 0 && (cap as number) <= 1000)) {
    return { ok: false, message: 'The monthly cap must be a whole number of rewarded invites from 1 to 1000.' };
  }

  const slug = slugify(name) || slugify(newId?.() ?? '') || nameHash(name);
  const id = typeof form.id === 'string' && ID.test(form.id) ? form.id : `custom:${slug}`;
  const createdAt = typeof form.createdAt === 'number' && Number.isFinite(form.createdAt) ? form.createdAt : now;
  const program: CustomProgramData = { id, name, shoppingHosts, linkPattern, rewardDelayHours: hours, createdAt };
  if (perkText) program.perkText = perkText;
  if (steps?.length) program.friendSteps = steps;
  if (cap != null) program.monthlyCap = cap as number;
  return { ok: true, program };
}
