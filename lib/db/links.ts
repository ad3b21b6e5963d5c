import { parseLink } from '@/lib/referral/links';
import { allPrograms } from '@/lib/referral/programs/index';
import type { ProgramId, ReferralLink } from '@/lib/referral/types';
import { type Ctx, err, ok, type Result } from './result';
import type { RefShareDB } from './schema';

export interface SaveLinkInput {
  input: string;
  label?: string;
  notes?: string;
  /** When given, the link must belong to this program. */
  programId?: ProgramId;
}

const MAX_LINKS_PER_PROGRAM = 50;

/**
 * Validates and saves one referral link, exactly as given (trimmed). Reading a link out of a pasted message is the
 * page's part (findInviteLinks, in useSaveLink): the background checks what it is sent with the strict parser, as
 * it checks everything. The first link of a program becomes its primary link.
 * Saving the same URL again for the same program returns the existing link instead of a copy.
 */
export async function saveLink(db: RefShareDB, data: SaveLinkInput, ctx: Ctx): Promise<Result<ReferralLink>> {
  return db.transaction('rw', db.links, db.programs, async () => {
    const parsed = parseLink(data.input, allPrograms(await db.programs.toArray()), data.programId);
    if (!parsed.ok) return err('invalid_link', parsed.message, { say: parsed.say });
    const { programId, url, code } = parsed.link;
    const siblings = await db.links.where('programId').equals(programId).toArray();
    const same = siblings.find((l) => l.url === url);
    if (same) return ok(same);
    if (siblings.length >= MAX_LINKS_PER_PROGRAM) {
      return err('conflict', `You already have ${MAX_LINKS_PER_PROGRAM} links for this program; delete one first.`);
    }
    const link: ReferralLink = {
      id: ctx.newId(),
      programId,
      url,
      ...(code ? { code } : {}),
      label: data.label?.trim() || (code ? `Code ${code}` : 'My link'),
      ...(data.notes?.trim() ? { notes: data.notes.trim() } : {}),
      primary: siblings.length === 0 ? 1 : 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await db.links.add(link);
    return ok(link);
  });
}

/** Changes a link's label or notes (the URL itself is not editable: save a new link instead). */
export async function updateLink(
  db: RefShareDB,
  data: { id: string; label?: string; notes?: string },
  ctx: Ctx,
): Promise<Result<ReferralLink>> {
  return db.transaction('rw', db.links, async () => {
    const link = await db.links.get(data.id);
    if (!link) return err('not_found', 'That link no longer exists.');
    const label = data.label === undefined ? link.label : data.label.trim();
    if (!label) return err('invalid_input', 'A link needs a label.');
    const next: ReferralLink = { ...link, label, updatedAt: ctx.now };
    if (data.notes !== undefined) {
      if (data.notes.trim()) next.notes = data.notes.trim();
      else delete next.notes;
    }
    await db.links.put(next);
    return ok(next);
  });
}

/** Makes a link its program's primary link (the one shown first). */
export async function setPrimaryLink(db: RefShareDB, id: string, ctx: Ctx): Promise<Result<ReferralLink>> {
  return db.transaction('rw', db.links, async () => {
    const link = await db.links.get(id);
    if (!link) return err('not_found', 'That link no longer exists.');
    const siblings = await db.links.where('programId').equals(link.programId).toArray();
    for (const s of siblings) {
      const primary = s.id === id ? 1 : 0;
      if (s.primary !== primary) await db.links.update(s.id, { primary, updatedAt: ctx.now });
    }
    return ok({ ...link, primary: 1, updatedAt: ctx.now });
  });
}

/**
 * Deletes a link. Its invites stay (they are history the stats count); when the primary link goes,
 * the oldest remaining link of the program becomes primary.
 */
export async function deleteLink(db: RefShareDB, id: string, ctx: Ctx): Promise<Result<{ id: string }>> {
  return db.transaction('rw', db.links, async () => {
    const link = await db.links.get(id);
    if (!link) return err('not_found', 'That link no longer exists.');
    await db.links.delete(id);
    if (link.primary === 1) {
      const next = await db.links.where('programId').equals(link.programId).sortBy('createdAt');
      const first = next[0];
      if (first) await db.links.update(first.id, { primary: 1, updatedAt: ctx.now });
    }
    return ok({ id });
  });
}
