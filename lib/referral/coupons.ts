import { couponArrivedNotice, couponExpiringNotice } from './notices';
import { hasControlChar } from './text';
import { DAY } from './time';
import type { Coupon, CouponInput, CouponState, Effect, ProgramId, Settings } from './types';

const MAX_TITLE = 120;
const MAX_VALUE = 1e6;
/** As a backup may hold (lib/backup/rows.ts): what RefShare stores, its own backup must restore. */
const MAX_MIN_SPEND = 1e9;
/** The last moment a JavaScript Date can hold (epoch ms): a later "expiry" is no date at all. */
const LAST_DATE = 8.64e15;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
/** ISO 4217 codes the runtime knows; a bare shape check where Intl cannot list them. */
const CURRENCIES = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

type Check = { ok: true; coupon: CouponInput } | { ok: false; message: string };

function optionalNumber(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Checks coupon details from a form, a captured page or a backup (all untrusted); returns a clean copy. */
export function validateCouponInput(input: unknown): Check {
  if (typeof input !== 'object' || input === null) return { ok: false, message: 'Fill in the coupon details.' };
  const form = input as Record<string, unknown>;
  const title = typeof form.title === 'string' ? form.title.trim() : '';
  if (title === '' || Array.from(title).length > MAX_TITLE) {
    return { ok: false, message: `The coupon title must be 1–${MAX_TITLE} characters.` };
  }
  if (hasControlChar(title)) return { ok: false, message: 'The coupon title contains invisible control characters.' };
  const value = form.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= MAX_VALUE) {
    return { ok: false, message: 'The coupon value must be a number from 0 up to 999,999.' };
  }
  const currency = typeof form.currency === 'string' ? form.currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(currency) || (CURRENCIES.size > 0 && !CURRENCIES.has(currency))) {
    return { ok: false, message: 'The currency must be a 3-letter ISO code, like USD, EUR or BRL.' };
  }
  const coupon: CouponInput = { title, value, currency };
  const minSpend = optionalNumber(form.minSpend);
  if (minSpend === null || (minSpend !== undefined && (minSpend < 0 || minSpend > MAX_MIN_SPEND))) {
    return { ok: false, message: 'The minimum spend must be a number from 0 up to 1,000,000,000.' };
  }
  if (minSpend !== undefined) coupon.minSpend = minSpend;
  if (form.code !== undefined && form.code !== null && form.code !== '') {
    if (typeof form.code !== 'string' || !CODE.test(form.code.trim())) {
      return { ok: false, message: 'The coupon code must be up to 64 letters, digits, "-" or "_".' };
    }
    coupon.code = form.code.trim();
  }
  const expiresAt = optionalNumber(form.expiresAt);
  if (expiresAt === null || (expiresAt !== undefined && (expiresAt < 0 || expiresAt > LAST_DATE))) {
    return { ok: false, message: 'The expiry date is not a valid date.' };
  }
  if (expiresAt !== undefined) coupon.expiresAt = expiresAt;
  return { ok: true, coupon };
}

/**
 * Identity of a coupon, so the same coupon imported twice is stored once: program, title (case and spacing
 * ignored), value, currency, minimum spend, code and expiry day (UTC; pages show the day, and the same day
 * parsed twice may land on different times).
 */
export function couponDedupeKey(programId: ProgramId, c: CouponInput): string {
  const title = c.title.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  const day =
    c.expiresAt === undefined || !Number.isFinite(c.expiresAt) ? '' : new Date(c.expiresAt).toISOString().slice(0, 10);
  return [programId, title, c.value, c.currency.toUpperCase(), c.minSpend ?? '', c.code ?? '', day].join('|');
}

/**
 * A new wallet coupon. `defaultValidityMs` (the program's couponValidityMs) fills in an expiry the coupon
 * does not state; the dedupe key is computed from the input as given so re-imports still match.
 */
export function newCoupon(
  input: CouponInput,
  args: { id: string; programId: ProgramId; inviteId?: string; now: number; defaultValidityMs?: number },
): Coupon {
  const coupon: Coupon = {
    ...input,
    id: args.id,
    programId: args.programId,
    state: 'available',
    addedAt: args.now,
    dedupeKey: couponDedupeKey(args.programId, input),
  };
  if (args.inviteId !== undefined) coupon.inviteId = args.inviteId;
  if (coupon.expiresAt === undefined && args.defaultValidityMs !== undefined) {
    coupon.expiresAt = args.now + args.defaultValidityMs;
  }
  coupon.state = couponState(coupon, args.now);
  return coupon;
}

/** State at `now`: a stored 'available' coupon past its expiry is expired, whatever the database says. */
export function couponState(c: Coupon, now: number): CouponState {
  if (c.state === 'used') return 'used';
  return c.expiresAt !== undefined && c.expiresAt <= now ? 'expired' : 'available';
}

/**
 * Warnings for available coupons expiring within settings.couponExpiringDays. Stateless: the same coupon
 * yields the same key on every run, so the outbox must keep the first and ignore repeats.
 */
export function expiringCouponEffects(coupons: Coupon[], settings: Settings, now: number): Effect[] {
  if (!settings.notify.coupon_expiring || settings.couponExpiringDays <= 0) return [];
  const horizon = now + settings.couponExpiringDays * DAY;
  const effects: Effect[] = [];
  for (const c of coupons) {
    const expiresAt = c.expiresAt;
    if (expiresAt === undefined || couponState(c, now) !== 'available' || expiresAt > horizon) continue;
    const notice = couponExpiringNotice({ ...c, expiresAt }, settings, now);
    effects.push({
      kind: 'notify',
      notification: 'coupon_expiring',
      key: `coupon_expiring:${c.id}`,
      couponId: c.id,
      ...notice,
    });
  }
  return effects;
}

/**
 * Notification for a coupon added to the wallet, or null when switched off. A coupon earned by an invite
 * shares the key of the invite's own "coupon arrived" notice, so the two replace each other, never stack.
 */
export function couponArrivedEffect(coupon: Coupon, settings: Settings): Effect | null {
  if (!settings.notify.coupon_arrived) return null;
  const key = coupon.inviteId ? `coupon_arrived:${coupon.inviteId}` : `coupon_arrived:coupon:${coupon.id}`;
  const notice = couponArrivedNotice(settings.locale, coupon);
  const invite = coupon.inviteId ? { inviteId: coupon.inviteId } : {};
  return { kind: 'notify', notification: 'coupon_arrived', key, couponId: coupon.id, ...invite, ...notice };
}

/**
 * Toolbar badge: coupons the user has not seen yet that can still be used. Seeing the wallet clears it; rewards
 * that are late are told by their own notification, not counted here (a count that viewing cannot clear would
 * only teach the user to ignore the badge).
 */
export function badgeCount(coupons: readonly Coupon[], now: number): number {
  return coupons.filter((c) => c.seenAt === undefined && couponState(c, now) === 'available').length;
}
