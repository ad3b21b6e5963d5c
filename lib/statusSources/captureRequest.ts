/** Which of a program's pages the capture reads: the invite link, or the coupons. */
export type CaptureKind = 'invite' | 'coupons';

/**
 * Where the background leaves the user's request before it injects the capture script on demand (the context
 * menu's "Save the invite link shown on this page" / "Import the coupons shown on this page"). It lives in the
 * extension's isolated world of that frame, which page scripts cannot see. (A module of its own so the
 * background does not bundle the page adapters.)
 */
export const CAPTURE_REQUEST_KEY = '__refshareCaptureRequest';

export const isCaptureKind = (value: unknown): value is CaptureKind => value === 'invite' || value === 'coupons';
