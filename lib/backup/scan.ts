/**
 * Keys that name something on every object (`__proto__`, `constructor`, `toString`, …) or a prototype: copied by
 * assignment they would reach an object's prototype, and a key check written with `in` would take them as known.
 */
const isForbiddenKey = (key: string) => key in Object.prototype || key === 'prototype';
/** A backup nests objects 5 deep (backup → data → invites → row → evidence → item); far more is not ours. */
const MAX_DEPTH = 12;

export type ScanProblem = { reason: 'forbidden_key'; key: string } | { reason: 'too_deep' } | { reason: 'not_plain' };

/**
 * Walks a parsed backup once, without recursion (a hostile file can nest deeply), before any field is read:
 * refuses prototype keys (`__proto__`, `constructor`, `toString`, `prototype`, …), nesting deeper than MAX_DEPTH and
 * anything that is not plain JSON data (class instances, functions). Returns the first problem, or undefined.
 */
export function scanBackup(root: unknown): ScanProblem | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
        return { reason: 'not_plain' };
      }
      continue;
    }
    if (depth >= MAX_DEPTH) return { reason: 'too_deep' };
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return { reason: 'not_plain' };
    for (const key of Object.keys(value)) {
      if (isForbiddenKey(key)) return { reason: 'forbidden_key', key };
      stack.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}
