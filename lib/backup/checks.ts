import { type Check, num, oneOf, str } from '@/lib/messaging/shape';
import type { Locale } from '@/lib/referral/types';

/**
 * Field checkers the backup validator adds to lib/messaging/shape.ts. A backup is untrusted input (a file
 * from anywhere), so every field is checked for its type, its range and its meaning.
 */

/** Ids of rows: non-empty and short, like every id the background creates. */
export const rowId = str(100, 1);
/** Event idempotency keys embed an invite id and a source's own id, so they may be longer than row ids. */
export const eventKey = str(300, 1);
/** A time (epoch ms) within the range a JavaScript Date can hold, not before 1970. */
export const time = num(0, 8.64e15);
export const LOCALES = ['en', 'es', 'pt'] as const satisfies readonly Locale[];

const CUSTOM_ID = /^custom:[a-z0-9-]{1,40}$/;
const BUILT_IN_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** A program id: a built-in one (lower-case word) or `custom:<slug>`. */
export const programId: Check<string> = refine(str(80, 1), (v) =>
  BUILT_IN_ID.test(v) || CUSTOM_ID.test(v) ? undefined : 'is not a program id',
);

/** A custom program's id. */
export const customProgramId: Check<string> = refine(str(80, 1), (v) =>
  CUSTOM_ID.test(v) ? undefined : 'is not a custom program id (custom:<slug>)',
);

/** A whole number within [min, max]. */
export function int(min: number, max: number): Check<number> {
  return refine(num(min, max), (v) => (Number.isInteger(v) ? undefined : 'must be a whole number'));
}

/** 0 or 1 (IndexedDB cannot index booleans, so flags are stored as numbers). */
export const flag: Check<0 | 1> = (v, path) =>
  v === 0 || v === 1 ? { ok: true, value: v } : { ok: false, message: `${path}: expected 0 or 1` };

/** The value, or null. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? { ok: true, value: null } : check(v, path));
}

/** A checked value that must also pass `problem` (which returns why it does not, or undefined). */
export function refine<T>(check: Check<T>, problem: (value: T) => string | undefined): Check<T> {
  return (v, path) => {
    const r = check(v, path);
    if (!r.ok) return r;
    const why = problem(r.value);
    return why === undefined ? r : { ok: false, message: `${path}: ${why}` };
  };
}

/** A plain object used as a map: at most `max` entries, each key and value checked. */
export function record<K extends string, V>(key: Check<K>, value: Check<V>, max: number): Check<Partial<Record<K, V>>> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return { ok: false, message: `${path}: expected an object` };
    const keys = Object.keys(v);
    if (keys.length > max) return { ok: false, message: `${path}: expected at most ${max} entries` };
    const out: Partial<Record<K, V>> = {};
    for (const k of keys) {
      const kr = key(k, `${path} key "${k.slice(0, 40)}"`);
      if (!kr.ok) return kr;
      const vr = value((v as Record<string, unknown>)[k], `${path}.${k}`);
      if (!vr.ok) return vr;
      out[kr.value] = vr.value;
    }
    return { ok: true, value: out };
  };
}

/** A locale code. */
export const locale = oneOf(LOCALES);
