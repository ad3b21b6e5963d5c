// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { embeddedOnProgramSite, embeddingOrigin, panelParams } from '@/lib/launcher/panelGuard';

describe('panel guard', () => {
  it('reads the program and the copy action from the query', () => {
    expect(panelParams('?program=aliexpress&action=copy')).toEqual({ programId: 'aliexpress', action: 'copy' });
    expect(panelParams('?program=temu')).toEqual({ programId: 'temu', action: null });
    expect(panelParams('?program=temu&action=delete')).toEqual({ programId: 'temu', action: null });
    expect(panelParams('')).toEqual({ programId: '', action: null });
  });

  it.each([
    ['https://www.aliexpress.com', true],
    ['http://www.aliexpress.com:8080', true],
    ['https://aliexpress.com', true],
    ['https://m.aliexpress.us', true],
    ['https://aliexpress.com.evil.example', false],
    ['https://evilaliexpress.com', false],
    ['https://www.temu.com', false],
    ['null', false],
  ])('framed by %s: shown = %s', (origin, shown) => {
    expect(embeddedOnProgramSite(origin, ['*://*.aliexpress.com/*', '*://*.aliexpress.us/*'])).toBe(shown);
  });

  it('compares only scheme and host, so a custom program’s path pattern still allows its site', () => {
    expect(embeddedOnProgramSite('https://shop.example.com', ['*://shop.example.com/store/*'])).toBe(true);
    expect(embeddedOnProgramSite('https://other.example.com', ['*://shop.example.com/store/*'])).toBe(false);
  });

  it('knows no embedding origin for a page that is not framed', () => {
    expect(embeddingOrigin(window)).toBeNull();
  });
});
