import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPrograms } from '@/lib/referral/programs/index';
import type { CustomProgramData } from '@/lib/referral/types';
import { chooseProgram } from '@/lib/share/chooseProgram';
import { matchProgram } from '@/lib/share/matchProgram';
import { cardToShow, DATA_VERSION, POPUP_CARD, type PopupCard } from '@/lib/share/popupCard';
import { hostsOf } from '@/lib/share/popupCardHosts';

const custom: CustomProgramData = {
  id: 'custom:corner-shop',
  name: 'Corner Shop',
  shoppingHosts: ['shop.example.com', '*.corner.example'],
  linkPattern: 'https://shop.example.com/i/{code}',
  rewardDelayHours: 24,
  createdAt: 0,
};
const programs = allPrograms([custom]);

/** The card as the popup keeps it (components/popup/Popup.tsx keepCard), for program `programId`. */
function stored(programId: string, linked: string[] = [], version = 'v1', language = 'auto'): Record<string, unknown> {
  const card: PopupCard = {
    version,
    language,
    fallback: chooseProgram({ programs, linkedProgramIds: new Set(linked) }),
    programs: programs.map((p) => ({ id: p.id, hosts: hostsOf(p.shoppingHosts) as string[] })),
    programId,
    programName: programs.find((p) => p.id === programId)?.name ?? '',
    programLabel: 'Program',
    qr: { src: 'data:image/svg+xml,', px: 148, label: 'QR code' },
  };
  return { [POPUP_CARD]: card, [DATA_VERSION]: 'v1' };
}

const host = fc.oneof(
  fc.constantFrom(
    'www.aliexpress.com',
    'aliexpress.com',
    'm.aliexpress.us',
    'WWW.TEMU.COM',
    'temu.com.',
    'shop.example.com',
    'sub.shop.example.com',
    'corner.example',
    'a.b.corner.example',
    'notaliexpress.com',
    'aliexpress.com.evil.example',
    'example.org',
  ),
  fc.domain(),
);
const tabUrl = fc.oneof(
  fc.tuple(fc.constantFrom('https', 'http'), host, fc.webPath()).map(([s, h, p]) => `${s}://${h}${p}`),
  fc.constantFrom(undefined, '', 'chrome://newtab/', 'about:blank', 'file:///tmp/x.html', 'not a url'),
);
const lastProgramId = fc.constantFrom(undefined, 'aliexpress', 'temu', custom.id, 'custom:deleted');

describe('the popup shell’s card (lib/share/popupCard.ts)', () => {
  it('is painted exactly when it is the program the app then opens on', () => {
    fc.assert(
      fc.property(tabUrl, lastProgramId, fc.subarray(programs.map((p) => p.id)), (url, last, linked) => {
        const tabProgramId = matchProgram(url, programs)?.id;
        const app = chooseProgram({ programs, tabProgramId, lastProgramId: last, linkedProgramIds: new Set(linked) });
        const settings = last ? { lastProgramId: last } : {};
        for (const p of programs) {
          const shown = cardToShow({ ...stored(p.id, linked), settings }, url, '');
          if (shown) expect(app).toBe(p.id);
        }
        // And it is painted for the app's choice, whatever decided it.
        expect(cardToShow({ ...stored(app, linked), settings }, url, '')).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  it('is not painted when anything changed since it was kept, or for a follow-up', () => {
    const on = 'https://www.aliexpress.com/item/1.html';
    expect(cardToShow(stored('aliexpress'), on, '')).toBeDefined();
    expect(cardToShow({ ...stored('aliexpress'), [DATA_VERSION]: 'v2' }, on, '')).toBeUndefined();
    expect(cardToShow({ ...stored('aliexpress'), settings: { language: 'es' } }, on, '')).toBeUndefined();
    expect(cardToShow(stored('aliexpress'), on, '?remind=invite-1')).toBeUndefined();
    expect(cardToShow({ [DATA_VERSION]: 'v1' }, on, '')).toBeUndefined();
    // Never written since install: "undefined" on both sides is still the same data.
    expect(
      cardToShow(
        { [POPUP_CARD]: { ...(stored('temu')[POPUP_CARD] as PopupCard), version: 'undefined' } },
        'https://www.temu.com/',
        '',
      ),
    ).toBeDefined();
  });

  it('reads only simple host patterns; anything else keeps no card', () => {
    expect(hostsOf(['*://*.aliexpress.com/*', '*://shop.example.com/*'])).toEqual([
      '*.aliexpress.com',
      'shop.example.com',
    ]);
    expect(hostsOf(['https://*.aliexpress.com/*'])).toBeUndefined();
    expect(hostsOf(['*://shop.example.com/path/*'])).toBeUndefined();
  });
});
