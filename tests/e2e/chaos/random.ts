/**
 * The chaos suite's randomness: one seed per run (REFSHARE_CHAOS_SEED, else a fresh one), and a small PRNG
 * (mulberry32) per scenario, so that a failure can be replayed with the same seed and every scenario draws the same
 * numbers whatever the others did.
 */

/** A PRNG: `next()` in [0, 1); `between(a, b)` an integer in [a, b]; `pick(list)` one of the list. */
export interface Rng {
  next(): number;
  between(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
}

/** mulberry32: 32 bits of state, good enough to spread stop times, and the same on every machine. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

/** The run's seed: REFSHARE_CHAOS_SEED when set (a failure's seed, to replay it), else a random 31-bit number. */
export function chaosSeed(env: string | undefined = process.env.REFSHARE_CHAOS_SEED): number {
  if (env !== undefined && env.trim() !== '') {
    const seed = Number(env);
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new Error(`REFSHARE_CHAOS_SEED must be a whole number, not "${env}"`);
    return seed >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** The PRNG of one scenario: the run's seed mixed with the scenario's name, so each scenario has its own stream. */
export function scenarioRng(seed: number, scenario: string): Rng {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < scenario.length; i++) h = Math.imul(h ^ scenario.charCodeAt(i), 0x01000193);
  return mulberry32(h >>> 0);
}

/**
 * Stop times (ms from the start of a chaos window) drawn once, up front, from `rng`: the schedule is a function of
 * the seed alone, whatever the browser's timing does to the run. Gaps are `minGap`–`maxGap` ms.
 */
export function stopSchedule(rng: Rng, windowMs: number, minGap: number, maxGap: number): number[] {
  const times: number[] = [];
  for (let t = rng.between(minGap, maxGap); t < windowMs; t += rng.between(minGap, maxGap)) times.push(t);
  return times;
}

/** A short fingerprint of a schedule (FNV-1a of its numbers), printed so two runs can be compared at a glance. */
export function fingerprint(numbers: readonly number[]): string {
  let h = 0x811c9dc5;
  for (const n of numbers) {
    for (const c of String(n)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
    h = Math.imul(h ^ 44, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
