import type { Say } from '@/lib/referral/types';

/** Why a command was refused; the background passes the code and message on to the UI. */
export type ErrorCode =
  | 'bad_request'
  | 'unknown_command'
  | 'forbidden'
  | 'invalid_link'
  /** The pasted text holds several invite links; `choices` lists them for the user to pick one. */
  | 'several_links'
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  /** The browser refused to store more (its quota for RefShare is used up); the write was rolled back. */
  | 'storage_full'
  | 'internal';

/** Besides the English message, what a page may need: the message's key for its own language, links to choose from. */
export interface ErrorExtras {
  say?: Say;
  choices?: string[];
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
