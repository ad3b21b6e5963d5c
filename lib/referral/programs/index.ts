import type { CustomProgramData, Program, ProgramId } from '../types';
import { aliexpress } from './aliexpress';
import { customProgram } from './custom';
import { temu } from './temu';

/** Programs RefShare knows out of the box, in the order the UI lists them. */
export const BUILT_IN_PROGRAMS: Program[] = [aliexpress, temu];

/** Built-in programs followed by the user's own. */
export function allPrograms(customs: CustomProgramData[]): Program[] {
  return [...BUILT_IN_PROGRAMS, ...customs.map(customProgram)];
}

/** The program with this id, built-in or custom. */
export function findProgram(id: ProgramId, customs: CustomProgramData[]): Program | undefined {
  const builtIn = BUILT_IN_PROGRAMS.find((p) => p.id === id);
  if (builtIn) return builtIn;
  const data = customs.find((c) => c.id === id);
  return data ? customProgram(data) : undefined;
}
