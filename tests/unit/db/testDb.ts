import 'fake-indexeddb/auto';
import type { Ctx } from '@/lib/db/result';
import { RefShareDB } from '@/lib/db/schema';
import { DEFAULT_SETTINGS } from '@/lib/referral/settings';
import type { Settings } from '@/lib/referral/types';

let dbCount = 0;

/** A fresh database on fake-indexeddb, with its own name so tests never share state. */
export function freshDb(): RefShareDB {
  dbCount += 1;
  return new RefShareDB(`refshare-test-${dbCount}-${Math.random().toString(36).slice(2)}`);
}

/** A clock that only moves when told, and ids that count up: results are exact and repeatable. */
export function testCtx(start = Date.UTC(2026, 10, 24, 12, 0)): Ctx & { advance(ms: number): void } {
  let n = 0;
  const ctx = {
    now: start,
    newId: () => `id-${++n}`,
    advance(ms: number) {
      ctx.now += ms;
    },
  };
  return ctx;
}

export const settings: Settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };

export const ALI_SHORT = 'https://a.aliexpress.com/_mKXyZab';
export const ALI_STAR =
  'https://star.aliexpress.com/share/share.htm?gatewayAdapt=glo2usa&redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DINABCD12%26platform%3DAE';
export const TEMU = 'https://www.temu.com/s/AbC123xyz';
