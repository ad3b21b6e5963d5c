/**
 * Hybrid logical clock stamps for the browser-sync merge: wall time, a counter for edits within one millisecond
 * (or while the wall clock is behind a stamp already seen), and the device id, which breaks ties. Encoded so that
 * comparing two stamps as strings orders them: 9 base-36 digits of milliseconds, 4 of counter, then the device.
 */
export type Stamp = string;

export interface Clock {
  t: number;
  c: number;
}

/** A stamp from another device may run ahead of this one's wall clock by at most this much before it is clamped. */
const MAX_AHEAD_MS = 86_400_000;

const pad = (n: number, width: number) => n.toString(36).padStart(width, '0');

export const encodeStamp = (clock: Clock, device: string): Stamp => `${pad(clock.t, 9)}${pad(clock.c, 4)}${device}`;

/** The time and counter of a stamp (device dropped), or undefined when it is not one. */
export function decodeStamp(stamp: unknown): Clock | undefined {
  if (typeof stamp !== 'string' || !/^[0-9a-z]{13}[\w-]{1,64}$/.test(stamp)) return undefined;
  return { t: Number.parseInt(stamp.slice(0, 9), 36), c: Number.parseInt(stamp.slice(9, 13), 36) };
}

/** The next local event's clock: never behind the wall clock, never behind the last stamp. */
export function tick(clock: Clock, now: number): Clock {
  return now > clock.t ? { t: now, c: 0 } : { t: clock.t, c: clock.c + 1 };
}

/**
 * The clock after seeing a remote stamp: at least that stamp, so this device's next edit orders after it. A stamp
 * more than a day ahead of this device's wall time (a device with a wrong clock) is not followed beyond that day,
 * so one bad clock cannot freeze every other device's edits behind it forever.
 */
export function receive(clock: Clock, remote: Clock, now: number): Clock {
  const seen = remote.t > now + MAX_AHEAD_MS ? { t: now + MAX_AHEAD_MS, c: 0 } : remote;
  if (seen.t > clock.t) return { ...seen };
  return seen.t === clock.t ? { t: clock.t, c: Math.max(clock.c, seen.c) } : clock;
}
