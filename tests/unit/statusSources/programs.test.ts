// @vitest-environment happy-dom
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLink } from '@/lib/referral/links';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { PAGE_ADAPTERS } from '@/lib/statusSources/adapters/index';
import { capturePatterns, captureTarget, requestedTarget } from '@/lib/statusSources/capturePages';
import { isCaptureKind } from '@/lib/statusSources/captureRequest';
import { FIXTURES_DIR, fixturePage, PROGRAM_FIXTURES } from './fixturePage';

const NOW = new Date(2026, 10, 24, 12, 0).getTime();
const ids = BUILT_IN_PROGRAMS.map((p) => p.id);

/** As CONVENTIONS rule 7 asks: no program ships without a page adapter and the fixture pages it is tested on. */
describe.each(BUILT_IN_PROGRAMS.map((p) => [p.id, p] as const))('program %s', (id, program) => {
  const adapter = PAGE_ADAPTERS[id];
  const fixtures = PROGRAM_FIXTURES[id];

  it('has a page adapter for itself', () => {
    expect(adapter?.program).toBe(program);
  });

  it('has an invite page and a coupon page fixture', () => {
    expect(fixtures).toBeDefined();
    for (const file of [fixtures?.invite, fixtures?.coupons]) {
      expect(existsSync(path.join(FIXTURES_DIR, file ?? '-'))).toBe(true);
    }
  });

  it.each(['invite', 'coupons'] as const)('its %s fixture is served where the program says the page is', (kind) => {
    const own = program.pages[kind];
    if (!own) return; // No published address (Temu): the fixture's path is RefShare's own choice.
    const url = new URL(own);
    expect(fixtures?.[kind]).toBe(`${url.hostname}${url.pathname}`);
  });

  it('its adapter reads a link the popup accepts for it from its invite fixture', () => {
    const found = adapter?.findInviteLink(fixturePage(fixtures?.invite ?? ''));
    expect(found?.ok && parseLink(found.input, BUILT_IN_PROGRAMS, id)).toMatchObject({ ok: true });
  });

  it('its adapter reads coupons from its coupon fixture', () => {
    const found = adapter?.findCoupons(fixturePage(fixtures?.coupons ?? ''), NOW);
    expect(found?.ok && found.coupons.length).toBeGreaterThan(0);
  });
});

describe('adapters and capture pages', () => {
  it('has no adapter for a program that does not exist', () => {
    expect(Object.keys(PAGE_ADAPTERS).sort()).toEqual([...ids].sort());
  });

  it('the capture script matches exactly the programs’ own invite and coupon pages', () => {
    const own = BUILT_IN_PROGRAMS.flatMap((p) => [p.pages.invite, p.pages.coupons]).filter((u) => u !== undefined);
    expect(capturePatterns()).toEqual(own.map((u) => `*://${new URL(u).hostname}${new URL(u).pathname}*`));
    expect(capturePatterns()).toContain('*://star.aliexpress.com/share/share.htm*');
  });

  it.each([
    ['http://star.aliexpress.com:4321/share/share.htm?spm=1', 'aliexpress', 'invite'],
    ['https://www.aliexpress.com/p/coupon-pc/index.html', 'aliexpress', 'coupons'],
  ])('%s is %s’s %s page', (href, programId, kind) => {
    const target = captureTarget(href);
    expect([target?.adapter.program.id, target?.kind]).toEqual([programId, kind]);
  });

  it.each([
    'https://www.aliexpress.com/item/1005006.html',
    'https://star.aliexpress.com/other.htm',
    'https://example.com/share/share.htm',
  ])('%s is no capture page', (href) => {
    expect(captureTarget(href)).toBeUndefined();
  });

  it.each([
    ['https://www.temu.com/invite-friends.html?refer_page_el_sn=1', 'invite', 'temu'],
    ['http://www.temu.com:4321/bgc_coupons.html', 'coupons', 'temu'],
    ['https://www.aliexpress.com/p/wallet/index.html', 'coupons', 'aliexpress'],
  ] as const)('asked from the context menu, %s is read as a %s page of %s', (href, kind, programId) => {
    const target = requestedTarget(href, kind);
    expect([target?.adapter.program.id, target?.kind]).toEqual([programId, kind]);
  });

  it.each(['https://example.com/coupons.html', 'https://temu.com.evil.example/invite.html', 'not a url'])(
    'asked from the context menu, %s (no program’s site) is not read',
    (href) => {
      expect(requestedTarget(href, 'coupons')).toBeUndefined();
    },
  );

  it('only "invite" and "coupons" are requests the capture script accepts', () => {
    expect(['invite', 'coupons'].every(isCaptureKind)).toBe(true);
    expect([undefined, null, 'Invite', 'links', 1, {}].some(isCaptureKind)).toBe(false);
  });
});
