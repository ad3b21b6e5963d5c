import type { Program, ProgramId } from '@/lib/referral/types';

/** The program the popup falls back to when nothing else points somewhere: the first one RefShare models. */
const FALLBACK_PROGRAM_ID: ProgramId = 'aliexpress';

interface ChoiceInput {
  /** Every program the user can pick, in list order. */
  programs: readonly Program[];
  /** The program of the site in the current tab, when it matches one. */
  tabProgramId?: ProgramId;
  /** The program the user picked last time (settings). */
  lastProgramId?: ProgramId;
  /** Programs that have at least one saved link. */
  linkedProgramIds: ReadonlySet<ProgramId>;
}

/**
 * Which program the popup opens on: the current site's program, else the one used last, else the first
 * program with a link, else AliExpress. A remembered id of a deleted custom program is skipped.
 */
export function chooseProgram({ programs, tabProgramId, lastProgramId, linkedProgramIds }: ChoiceInput): ProgramId {
  const known = (id: ProgramId | undefined) => id !== undefined && programs.some((p) => p.id === id);
  if (known(tabProgramId)) return tabProgramId as ProgramId;
  if (known(lastProgramId)) return lastProgramId as ProgramId;
  return programs.find((p) => linkedProgramIds.has(p.id))?.id ?? FALLBACK_PROGRAM_ID;
}
