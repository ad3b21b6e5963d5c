/** Time units in milliseconds: every duration in the engine is written with these, never with bare numbers. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
