import { t } from '@/lib/i18n/t';
import type { CouponInput } from '@/lib/referral/types';
import { endOfLocalDay } from './couponText';

/** The add-coupon form's fields, as typed. */
export interface CouponFormFields {
  programId: string;
  title: string;
  value: string;
  currency: string;
  minSpend: string;
  code: string;
  expiry: string;
}

/** Parses a typed amount; accepts a decimal comma ("3,50") as many keyboards type it. Empty → undefined. */
function amount(text: string): number | undefined | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/**
 * Turns the form into a coupon, or says what to fix. Only what the form itself knows is checked here
 * (empty or non-numeric fields); the background validates everything else and its refusal is shown as is.
 */
export function readCouponForm(
  f: CouponFormFields,
): { ok: true; coupon: CouponInput } | { ok: false; message: string } {
  if (f.title.trim() === '') return { ok: false, message: t('couponsAddNeedTitle') };
  const value = amount(f.value);
  if (value === undefined || value === null) return { ok: false, message: t('couponsAddNeedValue') };
  const currency = f.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, message: t('couponsAddBadCurrency') };
  const minSpend = amount(f.minSpend);
  if (minSpend === null) return { ok: false, message: t('couponsAddBadMinSpend') };
  const coupon: CouponInput = { title: f.title.trim(), value, currency };
  if (minSpend !== undefined) coupon.minSpend = minSpend;
  if (f.code.trim() !== '') coupon.code = f.code.trim();
  if (f.expiry !== '') {
    const expiresAt = endOfLocalDay(f.expiry);
    if (expiresAt === undefined) return { ok: false, message: t('couponsAddBadExpiry') };
    coupon.expiresAt = expiresAt;
  }
  return { ok: true, coupon };
}
