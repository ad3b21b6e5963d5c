import type { Say } from '@/lib/referral/types';

/** Why a command was refused; the background passes the code and message on to the UI. */
export type ErrorCode =
  | 'bad_request'
  | 'unknown_command'
  | 'forbidden'
  | 'invalid_link'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  /** The browser refused to store more (its quota for RefShare is used up); the write was rolled back. */
  | 'storage_full'
  | 'internal';

/** Besides the message, what a page may need: the message's key, to say it in the page's own language. */
export interface ErrorExtras {
  say?: Say;
}

export type Result<T> = { ok: true; value: T } | ({ ok: false; code: ErrorCode; message: string } & ErrorExtras);

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = <T = never>(code: ErrorCode, message: string, extras: ErrorExtras = {}): Result<T> => ({
  ok: false,
  code,
  message,
  ...extras,
});

/** What repository functions need from outside: the clock and an id source (injected, so tests are exact). */
export interface Ctx {
  now: number;
  newId: () => string;
}
