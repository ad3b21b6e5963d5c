import { bool, type Check, list, num, obj, oneOf, str } from '@/lib/messaging/shape';
import { validateCouponInput } from '@/lib/referral/coupons';
import { MAX_REMINDERS } from '@/lib/referral/followUp';
import { validateNickname } from '@/lib/referral/nickname';
import { validateCustomProgram } from '@/lib/referral/programs/customCheck';
import { CHANNELS, OBSERVED_STATUSES } from '@/lib/referral/vocabulary';
import { customProgramId, eventKey, flag, programId, refine, rowId, time } from './checks';

/**
 * One checker per exported table. Each refuses unknown fields (obj), checks every field's type and range, and
 * asks the engine's own validators whether the content makes sense, so a row the background would never have
 * written is never imported. Cross-row rules (links re-parse, unique ids) are in validate.ts.
 */

const STATUSES = ['shared', ...OBSERVED_STATUSES] as const;
const SOURCES = ['manual', 'capture', 'feed', 'rule'] as const;
const OUTCOMES = ['applied', 'duplicate', 'rejected', 'unknown_invite'] as const;
const COUPON_STATES = ['available', 'used', 'expired'] as const;
/** Evidence per invite: a handful in practice; a bound keeps a forged file from ballooning one row. */
const MAX_EVIDENCE = 1000;

/**
 * The part of a coupon the user or a page supplied; the engine's validator must accept it. Its title limit is 120
 * characters counted as code points, so up to 240 UTF-16 units (emoji): the bound here must let all of them back in.
 */
const couponFields = {
  title: str(240, 1),
  value: num(0, 1e6),
  currency: str(3, 3),
};
const couponOptional = { minSpend: num(0, 1e9), code: str(64, 1), expiresAt: time };
const acceptedCoupon = (v: object) => {
  const r = validateCouponInput(v);
  return r.ok ? undefined : r.message;
};

export const linkRow = obj(
  {
    id: rowId,
    programId,
    url: str(2048, 1),
    label: str(80, 1),
    primary: flag,
    createdAt: time,
    updatedAt: time,
  },
  { code: str(200, 1), notes: str(500) },
);

export const programRow = refine(
  obj(
    {
      id: customProgramId,
      name: str(200, 1),
      shoppingHosts: list(str(253, 1), 20),
      linkPattern: str(2048, 1),
      rewardDelayHours: num(0, 24 * 366),
      createdAt: time,
    },
    // Steps: 120 code points each, so up to 240 UTF-16 units; validateCustomProgram checks them in full.
    { perkText: str(200), friendSteps: list(str(240), 6), monthlyCap: num(1, 1000) },
  ),
  (p) => {
    const v = validateCustomProgram(p, p.createdAt);
    return v.ok ? undefined : v.message;
  },
);

const evidence = obj({ key: eventKey, status: oneOf(OBSERVED_STATUSES), at: time });
const rejectedEvidence = obj(
  { key: eventKey, status: oneOf(OBSERVED_STATUSES), at: time, reason: str(500) },
  { final: bool() },
);
const milestones = obj(
  {},
  Object.fromEntries(OBSERVED_STATUSES.map((s) => [s, time])) as Record<
    (typeof OBSERVED_STATUSES)[number],
    Check<number>
  >,
);

export const inviteRow = refine(
  obj(
    {
      id: rowId,
      programId,
      linkId: rowId,
      channel: oneOf(CHANNELS),
      sharedAt: time,
      status: oneOf(STATUSES),
      milestones,
      evidence: list(evidence, MAX_EVIDENCE),
      rejected: list(rejectedEvidence, MAX_EVIDENCE),
      updatedAt: time,
    },
    {
      nickname: str(200),
      rewardDueAt: time,
      dueAt: time,
      followUpSentAt: time,
      overdueNotifiedAt: time,
      reminders: list(obj({ id: rowId, at: time, channel: oneOf(CHANNELS) }), MAX_REMINDERS),
    },
  ),
  (invite) => {
    if (invite.nickname === undefined) return undefined;
    const v = validateNickname(invite.nickname);
    if (!v.ok) return `nickname: ${v.message}`;
    return v.nickname === invite.nickname ? undefined : 'nickname: has spaces around it';
  },
);

const couponInput = refine(obj(couponFields, couponOptional), acceptedCoupon);

export const eventRow = obj(
  {
    key: eventKey,
    inviteId: rowId,
    status: oneOf(OBSERVED_STATUSES),
    at: time,
    source: oneOf(SOURCES),
    receivedAt: time,
    outcome: oneOf(OUTCOMES),
  },
  { coupon: couponInput, reason: str(500) },
);

export const couponRow = refine(
  obj(
    {
      ...couponFields,
      id: rowId,
      programId,
      state: oneOf(COUPON_STATES),
      addedAt: time,
      dedupeKey: str(1000, 1),
    },
    { ...couponOptional, inviteId: rowId, usedAt: time, seenAt: time },
  ),
  acceptedCoupon,
);
