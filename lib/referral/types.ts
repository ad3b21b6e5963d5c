/**
 * The referral engine's data types. Everything here is plain data (structured-clone safe), so the
 * same objects are stored in IndexedDB, sent in messages and exported in backups.
 * Times are epoch milliseconds; durations are milliseconds (see time.ts for HOUR, DAY).
 */

/** Built-in program ids, or `custom:<slug>` for programs the user defined. */
export type ProgramId = string;

export type Locale = 'en' | 'es' | 'pt';

/** Where a share went. 'copy' = copied to the clipboard, 'qr' = shown/printed QR, 'webshare' = the OS share sheet. */
export type Channel =
  | 'whatsapp'
  | 'telegram'
  | 'email'
  | 'sms'
  | 'x'
  | 'facebook'
  | 'webshare'
  | 'copy'
  | 'qr'
  | 'other';

/**
 * Invite status. The positive chain is shared → registered → first_purchase → reward_pending →
 * coupon_received; ineligible, expired and clawed_back are the ways an invite ends without (or loses) a reward.
 */
export type InviteStatus =
  | 'shared'
  | 'registered'
  | 'first_purchase'
  | 'reward_pending'
  | 'coupon_received'
  | 'ineligible'
  | 'expired'
  | 'clawed_back';

/** Statuses an event can report (an invite starts as 'shared'; no event reports it). */
export type ObservedStatus = Exclude<InviteStatus, 'shared'>;

/** Rules of a program, versioned: when a program changes its terms, bump `version`. */
export interface ProgramRules {
  version: number;
  rewardKind: 'coupon' | 'credit' | 'cash' | 'points';
  /** Reward expected at most this long after the friend's first payment (AliExpress: 24 h). */
  rewardDelayMs: number;
  /** What the friend gets, shown to the user and usable in share texts as {perk}. */
  perkText: string;
  /** Who counts as a valid friend, in plain language. */
  eligibilityText: string;
  /** A cancelled or refunded first order means no reward (or the reward is taken back). */
  cancelledOrderVoidsReward: boolean;
  /** At most this many rewarded invites per calendar month, when the program has a cap. */
  monthlyCap?: number;
  /** An invite still only 'shared' or 'registered' this long after sharing is expired. */
  linkValidityMs?: number;
  /** A coupon earned is valid this long after it arrives, when the coupon itself says nothing. */
  couponValidityMs?: number;
}

/** A recognised link: the URL exactly as given (trimmed), and the invite code when there is one. */
export interface ParsedLink {
  programId: ProgramId;
  /** Canonical text to share: the URL byte-for-byte as the user gave it (trimmed), or the bare code. */
  url: string;
  code?: string;
  /** 'url' for a link, 'code' for a bare invite code. */
  kind: 'url' | 'code';
}

export type LinkRefusalReason =
  | 'empty'
  | 'too_long'
  | 'not_a_url'
  | 'javascript_url'
  | 'data_url'
  | 'insecure_http'
  | 'unsupported_scheme'
  | 'credentials_in_url'
  | 'affiliate_link'
  | 'unknown_host'
  | 'wrong_program'
  | 'not_an_invite_link'
  /** A product page or product share: not an invite. */
  | 'product_link'
  /** A game's "help me" link (slash a price, free gifts, farm): not an invite. */
  | 'game_link'
  /** Text with no link in it at all. */
  | 'no_link'
  /** A link in pasted text that runs straight into a word, so where it ends is a guess. */
  | 'link_glued_to_text';

/** A message the pages can say in the user's language: a key of linkCheck.json and its $1…$9. */
export interface Say {
  key: string;
  subs: string[];
}

/** Why a link was refused: a reason for code, an English sentence, and the same sentence for the pages to translate. */
export interface LinkRefusal {
  ok: false;
  reason: LinkRefusalReason;
  message: string;
  say: Say;
}

export type LinkParseResult = { ok: true; link: ParsedLink } | LinkRefusal;

/**
 * A program: data plus a recogniser. Built-in programs live in lib/referral/programs/<id>.ts;
 * custom ones are built from CustomProgramData by customProgram().
 */
export interface Program {
  id: ProgramId;
  name: string;
  /** Match patterns of the program's shopping sites, e.g. '*://*.aliexpress.com/*'. */
  shoppingHosts: string[];
  /** The program's own pages, where known. */
  pages: { invite?: string; coupons?: string };
  /** Hostnames (lower case) of this program's invite links: exact, or "*.domain" for the domain and its subdomains. */
  linkHosts: string[];
  /**
   * Hostnames (exact, lower case) of the program's affiliate (commission) links, e.g. 's.click.aliexpress.com'.
   * They are refused with 'affiliate_link': they pay a publisher a commission and do not register an invite.
   */
  affiliateHosts?: string[];
  /** Hostnames of the program's product-share short links (not invites), refused with 'product_link'. */
  productHosts?: string[];
  rules: ProgramRules;
  /** Default share texts per locale. */
  shareTexts: Record<Locale, string>;
  /** Real-format examples the parser must accept (tests check every program has some). */
  linkExamples: string[];
  /** Custom programs only: the friend's steps the user wrote (built-in ones are in programs/friendSteps.ts). */
  friendSteps?: string[];
  /**
   * Recognise an already-validated https URL (or bare code) of this program.
   * Returns ok with the code (absent when the link carries none), a refusal, or null when the input is not
   * this program's at all (e.g. a bare code in another program's format).
   */
  recognise(input: URL | string): { ok: true; code?: string; kind: 'url' | 'code' } | LinkRefusal | null;
}

/** What the user enters for a custom program; stored in IndexedDB as is. */
export interface CustomProgramData {
  /** 'custom:<slug>' */
  id: ProgramId;
  name: string;
  /** Hostnames (e.g. 'shop.example.com' or '*.example.com') of the shopping site. */
  shoppingHosts: string[];
  /**
   * Invite link pattern: an https URL with one '{code}' placeholder, e.g. 'https://example.com/invite/{code}'.
   * Links are matched against it literally (no regular expressions from user input).
   */
  linkPattern: string;
  rewardDelayHours: number;
  perkText?: string;
  /** At most this many rewarded invites a calendar month, when the program says so (1–1000). */
  monthlyCap?: number;
  /** What the invited friend must do, one step a line, in the user's words (at most 6, each ≤ 120 characters). */
  friendSteps?: string[];
  createdAt: number;
}

/** A saved referral link. */
export interface ReferralLink {
  id: string;
  programId: ProgramId;
  url: string;
  code?: string;
  label: string;
  notes?: string;
  /** One primary link per program: the one the popup and launcher show. 1 = primary, 0 = not (indexable). */
  primary: 0 | 1;
  createdAt: number;
  updatedAt: number;
}

/** One piece of evidence about an invite, as kept on the invite (compact copy of an applied event). */
export interface Evidence {
  key: string;
  status: ObservedStatus;
  at: number;
}

export interface RejectedEvidence extends Evidence {
  reason: string;
  /**
   * True when the evidence was refused on its own (impossible time, program rule) rather than because other
   * evidence contradicts it: such evidence is never reconsidered. Absent = contradicted; re-derived on every event.
   */
  final?: boolean;
}

/** One share of a link: created when the user shares, then moved along by events. */
export interface Invite {
  id: string;
  programId: ProgramId;
  linkId: string;
  channel: Channel;
  /** Optional nickname for the friend: never contact data. */
  nickname?: string;
  sharedAt: number;
  status: InviteStatus;
  /** Earliest time each status was observed or implied (a first purchase implies registration). */
  milestones: Partial<Record<ObservedStatus, number>>;
  /** Every accepted piece of evidence (idempotency keys), the source of truth for `status`. */
  evidence: Evidence[];
  /** Evidence that contradicts the outcome, kept with the reason (never thrown away). */
  rejected: RejectedEvidence[];
  /** When a reward is expected (first purchase + program delay), while one is awaited. */
  rewardDueAt?: number;
  /** Next time a time rule needs to look at this invite (follow-up, expiry, overdue); absent when none. */
  dueAt?: number;
  /** Follow-up reminder already sent (the reminder fires once). */
  followUpSentAt?: number;
  /** Overdue notice already sent for the current rewardDueAt. */
  overdueNotifiedAt?: number;
  /** Reminders the user sent this friend about this invite (instead of a second invite), oldest first. */
  reminders?: Reminder[];
  updatedAt: number;
}

/** A reminder sent about an open invite: the page's id for that click (a repeat adds nothing), when, where. */
interface Reminder {
  id: string;
  at: number;
  channel: Channel;
}

export type EventSource = 'manual' | 'capture' | 'feed' | 'rule';

/** An observation about an invite. Stored first (by idempotency key), then applied. */
export interface StatusEvent {
  /** Idempotency key: the same observation always has the same key. */
  key: string;
  inviteId: string;
  status: ObservedStatus;
  /** When it happened (not when we learnt it). */
  at: number;
  source: EventSource;
  /** Coupon details that came with a 'coupon_received' observation. */
  coupon?: CouponInput;
}

/** The engine's verdict on one event. */
export type EventOutcome =
  | { result: 'applied'; from: InviteStatus; to: InviteStatus }
  | { result: 'duplicate' }
  | { result: 'rejected'; reason: string }
  | { result: 'unknown_invite' };

export type CouponState = 'available' | 'used' | 'expired';

export interface CouponInput {
  title: string;
  /** Value in the currency's major unit (e.g. 3.5 for US$3.50). */
  value: number;
  currency: string;
  minSpend?: number;
  code?: string;
  expiresAt?: number;
}

export interface Coupon extends CouponInput {
  id: string;
  programId: ProgramId;
  /** The invite that earned it, when known. */
  inviteId?: string;
  state: CouponState;
  addedAt: number;
  usedAt?: number;
  /** Same coupon seen twice (e.g. imported twice) has the same key. */
  dedupeKey: string;
  /** When the user first saw it in the popup or dashboard; unseen coupons count on the badge. */
  seenAt?: number;
}

export type NotificationKind = 'coupon_arrived' | 'reward_overdue' | 'coupon_expiring' | 'follow_up';

/** Effects the engine asks for; the background performs them later (outbox). */
export type Effect =
  | {
      kind: 'notify';
      notification: NotificationKind;
      /** Stable key: the same fact always produces the same key, so showing twice replaces. */
      key: string;
      title: string;
      message: string;
      inviteId?: string;
      couponId?: string;
      /** For reward_overdue: a ready-to-send message to the program's support. */
      supportMessage?: string;
    }
  | { kind: 'badge'; count: number };

export interface Settings {
  locale: Locale;
  /** IANA time zone for "why pending?" wording; the UI passes the browser's. */
  timeZone: string;
  /** Remind the user about invites still only 'shared' after this many days (0 = off). */
  followUpDays: number;
  /** Warn this many days before a coupon expires. */
  couponExpiringDays: number;
  notify: Record<NotificationKind, boolean>;
}
