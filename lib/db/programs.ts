import { validateCustomProgram } from '@/lib/referral/programs/customCheck';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import type { CustomProgramData } from '@/lib/referral/types';
import { type Ctx, err, ok, type Result } from './result';
import type { RefShareDB } from './schema';

/** Saves a user-defined program (validated by the engine; no user regular expressions are ever run). */
export async function saveCustomProgram(db: RefShareDB, input: unknown, ctx: Ctx): Promise<Result<CustomProgramData>> {
  const v = validateCustomProgram(input, ctx.now);
  if (!v.ok) return err('invalid_input', v.message);
  const program = v.program;
  if (BUILT_IN_PROGRAMS.some((p) => p.name.toLowerCase() === program.name.toLowerCase())) {
    return err('conflict', `${program.name} is built in already.`);
  }
  return db.transaction('rw', db.programs, async () => {
    const twin = await db.programs.get(program.id);
    if (twin) return err('conflict', `You already have a program named ${twin.name}.`);
    await db.programs.add(program);
    return ok(program);
  });
}

/** Deletes a custom program; refused while links of it remain, so no link is left without its program. */
export async function deleteCustomProgram(db: RefShareDB, id: string): Promise<Result<{ id: string }>> {
  return db.transaction('rw', db.programs, db.links, async () => {
    if (!(await db.programs.get(id))) return err('not_found', 'That program no longer exists.');
    const links = await db.links.where('programId').equals(id).count();
    if (links > 0) return err('conflict', `Delete its ${links} link(s) first.`);
    await db.programs.delete(id);
    return ok({ id });
  });
}
