import { parseLink } from '@/lib/referral/links';
import { allPrograms } from '@/lib/referral/programs/index';
import type { BackupFile } from './format';
import { type BackupValidation, refuse } from './refusal';

/** Rules across rows, checked once every row has passed its own checker (validate.ts). */

/**
 * Links must re-parse, with the backup's own custom programs, to the same program, URL and code (a hand-edited
 * URL pointing elsewhere is refused); one link per URL and one primary link per program.
 */
export function checkLinks({ data }: BackupFile): BackupValidation | undefined {
  const programs = allPrograms(data.programs);
  const urls = new Set<string>();
  const primaries = new Set<string>();
  for (const [i, link] of data.links.entries()) {
    const path = `data.links[${i}]`;
    const parsed = parseLink(link.url, programs, link.programId);
    if (!parsed.ok) return refuse('invalid_link', `${path}.url: ${parsed.message}`);
    const p = parsed.link;
    if (p.programId !== link.programId || p.url !== link.url || p.code !== link.code) {
      return refuse('invalid_link', `${path}: its program, URL or code does not match the link`);
    }
    const same = `${link.programId} ${link.url}`;
    if (urls.has(same)) return refuse('duplicate', `${path}.url is listed twice`);
    urls.add(same);
    if (link.primary === 1) {
      if (primaries.has(link.programId)) return refuse('duplicate', `${path}: two primary links for ${link.programId}`);
      primaries.add(link.programId);
    }
  }
  return undefined;
}

/** The wallet stores a coupon once (unique dedupeKey), so a backup cannot hold it twice. */
export function checkCoupons({ data }: BackupFile): BackupValidation | undefined {
  const keys = new Set<string>();
  for (const [i, coupon] of data.coupons.entries()) {
    if (keys.has(coupon.dedupeKey))
      return refuse('duplicate', `data.coupons[${i}] is the same coupon as an earlier one`);
    keys.add(coupon.dedupeKey);
  }
  return undefined;
}
