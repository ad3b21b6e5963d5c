/**
 * The cross-browser scenarios (tests/e2e/cross/scenarios.ts), each in its own fresh browser, in Chromium and in
 * Firefox ESR. The suite names carry the browser and its version; `npm test` counts the tests per browser.
 */
import { describe, expect, it } from 'vitest';
import { launchChromium } from './cross/chromiumDriver';
import type { Launch } from './cross/driver';
import { launchFirefox } from './cross/firefoxDriver';
import { SCENARIOS } from './cross/scenarios';
import { startFeedServer } from './feedServer';

const BROWSERS: [string, Launch][] = [
  ['Chromium', launchChromium],
  ['Firefox', launchFirefox],
];

describe.each(BROWSERS)('in %s', (_name, launch) => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const feed = scenario.feed ? await startFeedServer() : undefined;
      try {
        const b = await launch({
          ...scenario.options,
          allowNetwork: [...(scenario.options?.allowNetwork ?? []), ...(feed ? [feed.url] : [])],
        });
        try {
          await scenario.run(b, feed);
        } finally {
          await b.close();
        }
      } finally {
        await feed?.close();
      }
    });
  }
});

describe('Firefox’s network recorder', () => {
  it('catches requests made on purpose from an extension page and a shop page, over http and https', async () => {
    const b = await launchFirefox({ deliberateLeaks: true });
    const page = await b.extensionPage('popup.html');
    await page.evaluate(async () => {
      await fetch('https://leak.example/from-extension').catch(() => undefined);
      await fetch('http://leak.example/plain').catch(() => undefined);
    }, null);
    const shop = await b.webPage(b.fixtureUrl('www.aliexpress.com', '/item/1005006.html'));
    await shop.evaluate(() => fetch('https://other-leak.example/').catch(() => undefined), null);
    await expect(b.close()).rejects.toThrow(
      /reached 3 place\(s\)[\s\S]*https:\/\/leak\.example[\s\S]*http:\/\/leak\.example\/plain[\s\S]*https:\/\/other-leak\.example/,
    );
  });
});
