import { DAY, MINUTE } from './time';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes past midnight of an 'HH:MM' time, or undefined when it is not one. */
function minutesOf(text: string): number | undefined {
  const m = HH_MM.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** A formatter for wall-clock parts in `timeZone`; an unknown zone (a stale setting) falls back to UTC. */
function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
}

/** The zone's offset from UTC at `t` (ms), read from Intl so its own DST rules apply. */
function offsetAt(format: Intl.DateTimeFormat, t: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall - Math.floor(t / 1000) * 1000;
}

/** Milliseconds past local midnight at `t`, given the offset in force then. */
const wallClock = (t: number, offset: number) => (((t + offset) % DAY) + DAY) % DAY;

/**
 * When the quiet period `now` falls in ends (epoch ms), or undefined when `now` is outside quiet hours or none
 * are set (start === end, or a malformed time: a broken setting must never silence notifications for good).
 *
 * Stateless on purpose (the worker keeps no state): quiet means "the local clock reads between start and end",
 * so a period may cross midnight (22:00–07:00), and on a DST day it ends when the clock first leaves the window,
 * whether it gets there by ticking (07:00 comes an hour early or late in UTC) or by jumping over it (an end time
 * that does not exist that day ends the period at the jump).
 */
export function quietUntil(
  now: number,
  quietHours: { start: string; end: string } | null,
  timeZone: string,
): number | undefined {
  if (!quietHours) return undefined;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === undefined || end === undefined || start === end) return undefined;
  const startMs = start * MINUTE;
  const endMs = end * MINUTE;
  const quiet = (wall: number) => (startMs < endMs ? wall >= startMs && wall < endMs : wall >= startMs || wall < endMs);
  // Time until the clock next reads `end`, if it keeps ticking at one offset (never 0: `end` is outside the window).
  const untilEnd = (wall: number) => (endMs - wall + DAY) % DAY;

  const format = wallFormatter(timeZone);
  const before = offsetAt(format, now);
  const wall = wallClock(now, before);
  if (!quiet(wall)) return undefined;
  const naive = now + untilEnd(wall);
  if (offsetAt(format, naive) === before) return naive;

  // The offset changes before the clock reaches `end` (zones change it at most once in a day): find the instant,
  // to the millisecond, then carry on from the clock as it reads after the change.
  let lo = now;
  let hi = naive;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(format, mid) === before) lo = mid;
    else hi = mid;
  }
  const after = wallClock(hi, offsetAt(format, hi));
  return quiet(after) ? hi + untilEnd(after) : hi;
}
