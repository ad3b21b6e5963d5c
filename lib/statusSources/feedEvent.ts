import { validateCouponInput } from '@/lib/referral/coupons';
import { hasControlChar } from '@/lib/referral/text';
import { DAY } from '@/lib/referral/time';
import type { CouponInput, ProgramId } from '@/lib/referral/types';
import { parseIsoTime } from './isoTime';

/** What a status feed can report about an invite (the documented feed format). */
const FEED_EVENT_TYPES = ['registered', 'first_purchase', 'coupon_issued', 'refunded'] as const;
export type FeedEventType = (typeof FEED_EVENT_TYPES)[number];

/** One checked feed event: every field has been read as an own data property and validated. */
export interface FeedEvent {
  /** The feed's own id for the event, 1–200 characters: the idempotency key is built from it. */
  id: string;
  program: ProgramId;
  /** Which invite it is about: the referral code of one of the user's links, the friend's nickname, or both. */
  invite: { code?: string; nickname?: string };
  type: FeedEventType;
  /** When it happened (epoch ms). */
  at: number;
  /** Present exactly when type is 'coupon_issued'. */
  coupon?: CouponInput;
}

/** An event the feed sent that was not applied, and why (shown to the user in Settings). */
export interface FeedRefusal {
  id?: string;
  reason: string;
}

const MAX_ID = 200;
/** Link codes are stored up to 200 characters (lib/backup/rows.ts); nicknames up to 40 (lib/referral/nickname.ts). */
const MAX_CODE = 200;
const MAX_NICKNAME = 40;
/** Bounds on raw coupon strings before the engine's validator looks at them (it caps the title at 120). */
const MAX_RAW_TEXT = 1000;
/** Largest minimum spend a backup accepts back (lib/backup/rows.ts), so a feed's coupon always round-trips. */
const MAX_MIN_SPEND = 1e9;
const BUILT_IN_ID = /^[a-z][a-z0-9-]{0,39}$/;
const CUSTOM_ID = /^custom:[a-z0-9-]{1,40}$/;
/** A source's clock may run a little ahead; more than a day ahead is a broken clock (as in lib/referral/invites.ts). */
const MAX_FUTURE = DAY;

export function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An own data property, or undefined: never an inherited value (so "__proto__" or "constructor" in the JSON mean
 * nothing) and never a getter's result (so reading cannot run code).
 */
export function own(o: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}

/** A string field: absent (undefined/null), or trimmed text of 1–max characters without control characters. */
function text(v: unknown, max: number): { ok: true; value?: string } | { ok: false } {
  if (v === undefined || v === null) return { ok: true };
  if (typeof v !== 'string' || v.length > max * 4) return { ok: false };
  const value = v.trim();
  if (value === '') return { ok: true };
  return Array.from(value).length <= max && !hasControlChar(value) ? { ok: true, value } : { ok: false };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const no = (reason: string) => ({ ok: false, reason }) as const;

function parseInvite(v: unknown): Parsed<FeedEvent['invite']> {
  if (!isRecord(v)) return no('"invite" must be an object with a "code" or a "nickname".');
  const code = text(own(v, 'code'), MAX_CODE);
  if (!code.ok || /\s/u.test(code.value ?? '')) {
    return no(`"invite.code" must be a code of 1–${MAX_CODE} characters without spaces.`);
  }
  const nickname = text(own(v, 'nickname'), MAX_NICKNAME);
  if (!nickname.ok) return no(`"invite.nickname" must be text of 1–${MAX_NICKNAME} characters.`);
  if (code.value === undefined && nickname.value === undefined) {
    return no('"invite" names neither a "code" nor a "nickname", so it cannot be matched to an invite.');
  }
  return {
    ok: true,
    value: {
      ...(code.value !== undefined && { code: code.value }),
      ...(nickname.value !== undefined && { nickname: nickname.value }),
    },
  };
}

function parseCoupon(v: unknown): Parsed<CouponInput> {
  if (!isRecord(v)) return no('A coupon_issued event needs a "coupon" object.');
  const raw = {
    title: own(v, 'title'),
    value: own(v, 'value'),
    currency: own(v, 'currency'),
    minSpend: own(v, 'minSpend'),
    code: own(v, 'code'),
  };
  for (const key of ['title', 'currency', 'code'] as const) {
    const s = raw[key];
    if (typeof s === 'string' && s.length > MAX_RAW_TEXT) return no(`"coupon.${key}" is too long.`);
  }
  if (typeof raw.value !== 'number' || !(raw.value > 0)) return no('"coupon.value" must be a number above 0.');
  if (typeof raw.minSpend === 'number' && raw.minSpend > MAX_MIN_SPEND) return no('"coupon.minSpend" is too large.');
  const expires = own(v, 'expiresAt');
  let expiresAt: number | undefined;
  if (expires !== undefined && expires !== null) {
    expiresAt = typeof expires === 'string' ? parseIsoTime(expires) : undefined;
    if (expiresAt === undefined || expiresAt < 0) {
      return no('"coupon.expiresAt" must be an ISO 8601 time with a time zone, like 2026-12-31T23:59:59Z.');
    }
  }
  const checked = validateCouponInput({ ...raw, expiresAt });
  return checked.ok ? { ok: true, value: checked.coupon } : no(`coupon: ${checked.message}`);
}

/** The event's id when it is a usable one, so a refusal can name the event. */
function usableId(v: unknown): string | undefined {
  return typeof v === 'string' && v.length >= 1 && v.length <= MAX_ID && !hasControlChar(v) ? v : undefined;
}

/**
 * Checks one feed event on its own: a bad event is refused with an English reason naming the field, and never
 * stops the rest of the page. Unknown fields are ignored (a service may send more than RefShare reads).
 */
export function parseFeedEvent(
  v: unknown,
  now: number,
): { ok: true; event: FeedEvent } | { ok: false; refusal: FeedRefusal } {
  const refuse = (reason: string, id?: string) => ({ ok: false, refusal: { ...(id && { id }), reason } }) as const;
  if (!isRecord(v)) return refuse('The event is not a JSON object.');
  const id = usableId(own(v, 'id'));
  if (id === undefined) return refuse(`"id" must be text of 1–${MAX_ID} characters without control characters.`);
  const program = own(v, 'program');
  if (typeof program !== 'string' || program.length > 80 || !(BUILT_IN_ID.test(program) || CUSTOM_ID.test(program))) {
    return refuse('"program" must be a program id, like aliexpress or custom:my-shop.', id);
  }
  const type = own(v, 'type');
  if (typeof type !== 'string' || !(FEED_EVENT_TYPES as readonly string[]).includes(type)) {
    return refuse(`"type" must be one of ${FEED_EVENT_TYPES.join(', ')}.`, id);
  }
  const atText = own(v, 'at');
  const at = typeof atText === 'string' ? parseIsoTime(atText) : undefined;
  if (at === undefined || at < 0) {
    return refuse('"at" must be an ISO 8601 time with a time zone, like 2026-11-24T12:00:00Z.', id);
  }
  if (at > now + MAX_FUTURE) return refuse('"at" is more than a day in the future: the feed’s clock is wrong.', id);
  const invite = parseInvite(own(v, 'invite'));
  if (!invite.ok) return refuse(invite.reason, id);
  const event: FeedEvent = { id, program, invite: invite.value, type: type as FeedEventType, at };
  const coupon = own(v, 'coupon');
  if (type === 'coupon_issued') {
    const c = parseCoupon(coupon);
    if (!c.ok) return refuse(c.reason, id);
    event.coupon = c.value;
  } else if (coupon !== undefined && coupon !== null) {
    return refuse(`Only coupon_issued events carry a "coupon"; this one is ${type}.`, id);
  }
  return { ok: true, event };
}
