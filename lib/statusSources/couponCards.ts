import { validateCouponInput } from '@/lib/referral/coupons';
import type { CouponInput } from '@/lib/referral/types';
import { isExpiryLine, readExpiry } from './expiry';
import { findMoney, type Money } from './money';
import { squash, textLines, textOf } from './pageText';

/** Where a program's coupon page shows each coupon and its parts (CSS selectors; fields are optional). */
export interface CouponCardSpec {
  card: string;
  title?: string;
  value?: string;
  minSpend?: string;
  expiry?: string;
  code?: string;
  /** The currency a bare "$" means, by the page's language (`<html lang>`, lower case); otherwise none. */
  dollar?: Record<string, string>;
}

const MAX_TITLE = 120;
/** Text just before an amount that makes it the minimum spend, not the discount ("orders over US $20"). */
const MIN_BEFORE =
  /(?:over|above|from|min(?:imum)?\.?(?:\s+(?:spend|order|purchase))?|spend|superiores?\s+a|acima\s+de|a\s+partir\s+de|desde|m[íi]nim[oa]|más\s+de|mais\s+de)\s*:?\s*$/i;
/** A minimum spend written after the amount: "$20.00+". */
const PLUS_AFTER = /^\s*\+/;
const CODE = /\b(?:code|c[óo]digo|cup[óo]n)\s*:?\s*([A-Za-z0-9_-]{3,64})\b/i;
/** Buttons on a card ("Use now", "Copy") are actions, not coupon text. */
const isButton = (el: Element) => el.tagName.toUpperCase() === 'BUTTON' || el.getAttribute('role') === 'button';

type Read = { ok: true; coupon: CouponInput } | { ok: false };

/** How the page writes dates and dollars, from its language. */
interface PageLocale {
  monthFirst: boolean;
  dollar?: string;
}

/** The amounts in a text, split into discounts and minimum spends. */
function amounts(text: string, dollar?: string): { value: Money[]; min: Money[] } {
  const value: Money[] = [];
  const min: Money[] = [];
  for (const m of findMoney(text, dollar)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    (MIN_BEFORE.test(before) || PLUS_AFTER.test(text.slice(m.end)) ? min : value).push(m);
  }
  return { value, min };
}

function field(card: Element, selector: string | undefined): string | undefined {
  const el = selector ? card.querySelector(selector) : null;
  return el ? textOf(el) : undefined;
}

function cleanTitle(text: string): string {
  const title = squash(text);
  const chars = Array.from(title);
  return chars.length <= MAX_TITLE ? title : `${chars.slice(0, MAX_TITLE - 1).join('')}…`;
}

/** Reads one coupon card; anything it cannot read for sure makes it skip the card rather than guess. */
function readCouponCard(card: Element, spec: CouponCardSpec, now: number, page: PageLocale): Read {
  const { dollar, monthFirst } = page;
  const lines = textLines(card, isButton);
  const all = lines.join('\n');
  const valueText = field(card, spec.value);
  const value = amounts(valueText ?? all, dollar).value[0];
  if (!value) return { ok: false };

  const minText = field(card, spec.minSpend);
  const min = minText === undefined ? amounts(all, dollar).min[0] : findMoney(minText, dollar)[0];
  if (min && min.currency !== value.currency) return { ok: false };

  const expiryText = field(card, spec.expiry) ?? lines.filter((l) => isExpiryLine(l, now)).join('\n');
  const expiry = readExpiry(expiryText, now, monthFirst);
  if (!expiry.ok) return { ok: false };

  const codeText = field(card, spec.code);
  const code = codeText === undefined ? CODE.exec(all)?.[1] : (CODE.exec(codeText)?.[1] ?? codeText);
  const plain = (l: string) =>
    /\p{L}/u.test(l) && !isExpiryLine(l, now) && !CODE.test(l) && findMoney(l, dollar).length === 0;
  const title = field(card, spec.title) || lines.find(plain) || lines.find((l) => findMoney(l, dollar).length > 0);

  const input: Record<string, unknown> = {
    title: cleanTitle(title ?? ''),
    value: value.value,
    currency: value.currency,
  };
  if (min) input.minSpend = min.value;
  if (expiry.at !== undefined) input.expiresAt = expiry.at;
  if (code) input.code = code;
  // The same checks the background applies; a card that fails them is skipped here, so one odd card does
  // not make the whole import fail.
  const checked = validateCouponInput(input);
  return checked.ok ? { ok: true, coupon: checked.coupon } : { ok: false };
}

const NO_COUPONS = 'RefShare could not find any coupons on this page';

export type CouponsResult =
  | { ok: true; coupons: CouponInput[]; skipped: number }
  | { ok: false; reason: 'not_found'; message: string; skipped: number };

/**
 * Reads every coupon card on the page: the coupons read, and how many cards could not be read (skipped, never
 * guessed). A page with no card that reads is not the coupon page RefShare expected.
 */
export function findCouponsIn(root: ParentNode, spec: CouponCardSpec, now: number): CouponsResult {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const lang = doc.documentElement?.lang.toLowerCase() ?? '';
  // 05/06/2026 is 6 May in most of the world and May 6 in the US.
  const page: PageLocale = { monthFirst: lang === 'en' || lang === 'en-us' };
  const dollar = spec.dollar?.[lang];
  if (dollar) page.dollar = dollar;
  const coupons: CouponInput[] = [];
  let skipped = 0;
  for (const card of Array.from(root.querySelectorAll(spec.card))) {
    const read = readCouponCard(card, spec, now, page);
    if (read.ok) coupons.push(read.coupon);
    else skipped++;
  }
  return coupons.length > 0
    ? { ok: true, coupons, skipped }
    : { ok: false, reason: 'not_found', message: NO_COUPONS, skipped };
}
