import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Fixture pages live once, where the e2e fixture server serves them under the program's real host name
 * (tests/e2e/fixtures/<host>/<path>), so the unit tests and the browser read the very same page.
 */
export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../e2e/fixtures');

/** Each built-in program's own pages, as saved fixtures: "<host>/<path>" under FIXTURES_DIR. */
export const PROGRAM_FIXTURES: Record<string, { invite: string; coupons: string }> = {
  aliexpress: {
    invite: 'star.aliexpress.com/share/share.htm',
    coupons: 'www.aliexpress.com/p/coupon-pc/index.html',
  },
  // Temu publishes no stable address for these pages (lib/referral/programs/temu.ts), so these paths are ours.
  temu: {
    invite: 'www.temu.com/invite-friends.html',
    coupons: 'www.temu.com/coupons.html',
  },
};

/** The fixture's HTML as text. */
export function fixtureHtml(file: string): string {
  return readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
}

/** The fixture parsed as a browser would, without running any of its scripts or event handlers. */
export function fixturePage(file: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(file), 'text/html');
}

/** Parses an HTML snippet as a whole page (for small cases written inline in a test). */
export function page(html: string, lang = 'en'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="${lang}"><body>${html}</body></html>`,
    'text/html',
  );
}
