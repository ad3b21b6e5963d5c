/**
 * The hosts of a program's `*://host/*` and `*://*.domain/*` match patterns (all that built-in and custom programs
 * use), or undefined when a pattern says more (a scheme, a path): the popup then keeps no card (popupCard.ts),
 * rather than have its shell match differently from lib/share/matchProgram.ts.
 */
export function hostsOf(patterns: readonly string[]): string[] | undefined {
  const hosts = patterns.map((p) => /^\*:\/\/([^/]+)\/\*$/.exec(p)?.[1]?.toLowerCase());
  return hosts.every(Boolean) ? (hosts as string[]) : undefined;
}
