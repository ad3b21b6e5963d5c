/**
 * A few shape checkers for message payloads. Messages cross a trust boundary (a content script runs
 * beside an untrusted page), so every field is checked before a handler sees it; a mismatch names the
 * field and what was expected.
 */
export type Check<T> = (value: unknown, path: string) => { ok: true; value: T } | { ok: false; message: string };

type Checked<C> = C extends Check<infer T> ? T : never;

const fail = (path: string, expected: string, value: unknown) =>
  ({ ok: false, message: `${path}: expected ${expected}, got ${describe(value)}` }) as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `a string of ${value.length} characters` : typeof value;
}

/** A string of at most `max` characters (and at least `min`, default 0). */
export function str(max: number, min = 0): Check<string> {
  return (v, path) =>
    typeof v === 'string' && v.length <= max && v.length >= min
      ? { ok: true, value: v }
      : fail(path, `a string of ${min}–${max} characters`, v);
}

/** A finite number within [min, max]. */
export function num(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check<number> {
  return (v, path) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? { ok: true, value: v }
      : fail(path, `a number between ${min} and ${max}`, v);
}

export function bool(): Check<boolean> {
  return (v, path) => (typeof v === 'boolean' ? { ok: true, value: v } : fail(path, 'true or false', v));
}

/** One of the given string literals. */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (v, path) =>
    typeof v === 'string' && (values as readonly string[]).includes(v)
      ? { ok: true, value: v as T }
      : fail(path, `one of ${values.join(', ')}`, v);
}

/** An array of at most `max` items, each checked. */
export function list<T>(item: Check<T>, max: number): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v) || v.length > max) return fail(path, `a list of at most ${max} items`, v);
    const out: T[] = [];
    for (const [i, x] of v.entries()) {
      const r = item(x, `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  };
}

type Fields = Record<string, Check<unknown>>;
type Optional<F extends Fields> = { [K in keyof F]?: Checked<F[K]> };
type Required<F extends Fields> = { [K in keyof F]: Checked<F[K]> };

/**
 * A plain object with `required` and `optional` fields and nothing else: unknown keys are refused, so a
 * typo or a forged extra field is an error rather than silently ignored. `undefined` counts as absent.
 */
export function obj<R extends Fields, O extends Fields = Record<never, never>>(
  required: R,
  optional?: O,
): Check<Required<R> & Optional<O>> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object', v);
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
      return fail(path, 'a plain object', v);
    }
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(required, key) && !(optional && Object.hasOwn(optional, key))) {
        return { ok: false, message: `${path}.${key}: unexpected field` };
      }
    }
    for (const [key, check] of Object.entries(required)) {
      const r = check(input[key], `${path}.${key}`);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    for (const [key, check] of Object.entries(optional ?? {})) {
      if (input[key] === undefined) continue;
      const r = check(input[key], `${path}.${key}`);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return { ok: true, value: out as Required<R> & Optional<O> };
  };
}
