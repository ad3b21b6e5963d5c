import { t } from '@/lib/i18n/t';
import type { Program } from '@/lib/referral/types';

/**
 * What the invited friend must do for the new-user coupons and for the invite to count, per program and language.
 * Kept out of aliexpress.ts / temu.ts on purpose: those are in the background worker's bundle, which has no room for
 * these tables; only the pages (share card, settings preview) import this file.
 */
export interface FriendSteps {
  /** 3–4 short steps, each ≤ 80 characters, imperative, addressed to the friend ("Open this link…"). */
  steps: string[];
  /** The same steps in one line (≤ 120 characters), for channels with limits (X, SMS). */
  compact: string;
  /** What the friend gets, one short sentence, no invented amounts. */
  gets: string;
}

/**
 * The built-in programs' steps are messages (lib/i18n/locales/<lang>/steps.json, "steps<Program>1…4", "…Compact",
 * "…Gets"), each with a "description" saying where its rule was read: translated with the rest of the UI, and
 * carried by no script (the popup's budget has no room for three languages of them). Temu publishes no referral
 * rules that could be found: its lines rest on third-party pages (their descriptions say which), and its order rule
 * says "may". No amounts, caps or deadlines anywhere: none is published where these were read.
 */
const BUILT_IN: Record<string, string> = { aliexpress: 'Aliexpress', temu: 'Temu' };
const STEP_COUNT = 4;

/** The longest one-line form channels with limits can take. */
const MAX_COMPACT = 120;

/**
 * The friend's steps for `program` in the UI's language: a built-in program's from its messages (BUILT_IN), a
 * custom program's from what the user wrote (its perk, when given, is what the friend gets). Null when there are none (a custom program
 * without steps, or a program this file does not know).
 */
export function friendStepsFor(program: Program): FriendSteps | null {
  const name = Object.hasOwn(BUILT_IN, program.id) ? BUILT_IN[program.id] : undefined;
  if (name) {
    const steps = Array.from({ length: STEP_COUNT }, (_, i) => t(`steps${name}${i + 1}`));
    return { steps, compact: t(`steps${name}Compact`), gets: t(`steps${name}Gets`) };
  }
  const steps = program.friendSteps;
  if (!program.id.startsWith('custom:') || !steps || steps.length === 0) return null;
  return { steps: [...steps], compact: oneLine(steps), gets: program.rules.perkText };
}

/**
 * The user's steps in one line: as many whole steps as fit in 120 characters, then "…" when some were left out
 * (a step cut mid-sentence could say the opposite of what it meant); the first step is cut only when it alone is
 * too long. Counted in code points, as the validator counts them.
 */
function oneLine(steps: readonly string[]): string {
  let line = '';
  for (const [i, step] of steps.entries()) {
    const next = line === '' ? step : `${line} · ${step}`;
    const more = i < steps.length - 1 ? 2 : 0;
    if (Array.from(next).length + more > MAX_COMPACT) {
      if (line !== '') return `${line} …`;
      return `${Array.from(step)
        .slice(0, MAX_COMPACT - 1)
        .join('')
        .trimEnd()}…`;
    }
    line = next;
  }
  return line;
}
