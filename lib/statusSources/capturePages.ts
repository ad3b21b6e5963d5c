import { matchesPattern } from '@/lib/share/matchProgram';
import { PAGE_ADAPTERS } from './adapters/index';
import type { PageAdapter } from './adapters/types';
import type { CaptureKind } from './captureRequest';

export type { CaptureKind };

const KINDS: CaptureKind[] = ['invite', 'coupons'];
const ALL = Object.values(PAGE_ADAPTERS);

/**
 * Match patterns for the programs' own invite and coupon pages, from the programs' data: that host and
 * path, any scheme, any query (`*://star.aliexpress.com/share/share.htm*`). Match patterns ignore ports.
 */
export function capturePatterns(adapters: PageAdapter[] = ALL): string[] {
  const patterns: string[] = [];
  for (const { program } of adapters) {
    for (const kind of KINDS) {
      const page = program.pages[kind];
      if (!page) continue;
      const url = new URL(page);
      patterns.push(`*://${url.hostname}${url.pathname}*`);
    }
  }
  return patterns;
}

/** Which program's page this is, and whether it is the invite or the coupon page (as the patterns match). */
export function captureTarget(
  href: string,
  adapters: PageAdapter[] = ALL,
): { adapter: PageAdapter; kind: CaptureKind } | undefined {
  const here = new URL(href);
  for (const adapter of adapters) {
    for (const kind of KINDS) {
      const page = adapter.program.pages[kind];
      if (!page) continue;
      const own = new URL(page);
      if (own.hostname === here.hostname && here.pathname.startsWith(own.pathname)) return { adapter, kind };
    }
  }
  return undefined;
}

/**
 * The adapter for a page the user asked RefShare to read from the context menu: any page of a program's shopping
 * sites (Temu moves its invite and coupon pages between campaigns, so a fixed address would miss them).
 */
export function requestedTarget(
  href: string,
  kind: CaptureKind,
  adapters: PageAdapter[] = ALL,
): { adapter: PageAdapter; kind: CaptureKind } | undefined {
  const adapter = adapters.find((a) => a.program.shoppingHosts.some((pattern) => matchesPattern(pattern, href)));
  return adapter ? { adapter, kind } : undefined;
}
