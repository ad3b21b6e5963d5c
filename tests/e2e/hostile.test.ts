/**
 * Hostile text, stored through the real commands, rendered by every surface in real Chromium: the popup, each tab of
 * the dashboard, the shop-page launcher and its share panel (on AliExpress, and on a custom program's shop whose very
 * name is hostile). Each payload, if it ever became markup or script, would set `window.pwned`, log "PWNED" or open
 * a dialog. The harness loads pages with CSP bypassed (tests inject axe-core), so the extension pages' strict CSP is
 * not what stops them here: only rendering text as text does. The test proves: no script ran (marker, console,
 * dialogs), no markup from the data reached the DOM (no on* attributes, no inline scripts, no javascript:/data: URLs),
 * the text is shown literally, and what is stored is exactly what was sent. Its last part injects a payload on
 * purpose to show the detectors see one.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixtureServer';
import { type LaunchedExtension, launchExtension, openExtensionPage, readTable, sendCommand } from './harness';
import { clickAccessible, extensionFrame, findAccessible, theAccessible } from './shadowTools';

/** The slice of the extension API evaluated in an extension page. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> } };
};

declare global {
  interface Window {
    pwned?: string;
  }
}

/** What runs if a payload is ever parsed: a marker, a console line, and sometimes a dialog. */
const ran = (tag: string) => `window.pwned='${tag}';console.log('PWNED ${tag}')`;

const HOSTILE = {
  label: `<img src=x onerror="${ran('label')}">`,
  notes: `<script>${ran('notes')}</script> \u202Etxt.exe 🎁👩‍👩‍👧 &amp; &lt;b&gt;`,
  // Nicknames are 40 characters at most.
  nickname: `"><svg onload="window.pwned='nick'">`,
  couponTitle: `<iframe srcdoc="<script>${ran('coupon')}</script>"></iframe>`,
  // Refused: coupon codes are letters, digits, "-" and "_".
  couponCode: '<img src=x onerror=alert(1)>',
  programName: '<b onmouseover=alert(1)>Evil</b> Shop',
  perk: `<img src=x onerror="${ran('perk')}"> {{constructor}}`,
  template: `{link} <img src=x onerror="${ran('template')}"> javascript:alert(1) \u202E ✨`,
} as const;

const ALI_LINK = 'https://a.aliexpress.com/_mKXyZab';

interface Findings {
  pwned: string | null;
  handlers: string[];
  inlineScripts: number;
  badUrls: string[];
  text: string;
}

/**
 * Everything in one document (and its open shadow roots) that shows whether data became markup or script, and
 * all its visible text, input values included. Runs in the page's main world, where an injected handler would.
 */
function inspect(): Findings {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of (roots[i] as ParentNode).querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const handlers: string[] = [];
  const badUrls: string[] = [];
  const text: string[] = [];
  let inlineScripts = 0;
  for (const root of roots) {
    // What is on screen, as a person reads it (innerText), not the DOM's raw text.
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here
    text.push(root instanceof Document ? root.body.innerText : (root.textContent ?? ''));
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) handlers.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
        if (/^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(a.name)) {
          // URL parsing drops control characters and spaces (" java\tscript:" runs), so the check does too.
          const url = [...a.value].filter((c) => c.charCodeAt(0) > 0x20).join('');
          if (a.name === 'srcdoc' || /^(javascript|vbscript|data:text\/html)/i.test(url)) {
            badUrls.push(`${a.name}=${a.value}`);
          }
        }
      }
      if (el.tagName === 'SCRIPT' && !el.hasAttribute('src')) inlineScripts++;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) text.push(el.value);
    }
  }
  return { pwned: window.pwned ?? null, handlers, inlineScripts, badUrls, text: text.join('\n') };
}

let server: FixtureServer;
let ext: LaunchedExtension;
let seedPage: Page;
let customProgramId = '';
const consoleLines: string[] = [];
const dialogs: string[] = [];

/** Listens to a page's console and dialogs (frames included) for signs of a payload that ran. */
function watch(page: Page): Page {
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return page;
}

/** No sign of a payload in this document; and these texts shown literally. */
async function expectClean(where: Page | Frame, name: string, shown: string[]) {
  // Wait until the data is on screen (or a payload has shown itself), then look.
  const settled = async () => {
    const f = await where.evaluate(inspect);
    return f.pwned !== null || f.handlers.length > 0 || shown.every((s) => f.text.includes(s));
  };
  await expect
    .poll(settled, { timeout: 10_000 })
    .toBe(true)
    .catch(() => undefined);
  const found = await where.evaluate(inspect);
  expect(found.pwned, `${name}: a payload ran`).toBeNull();
  expect(found.handlers, `${name}: event-handler attributes in the DOM`).toEqual([]);
  expect(found.inlineScripts, `${name}: inline scripts in the DOM`).toBe(0);
  expect(found.badUrls, `${name}: script URLs in the DOM`).toEqual([]);
  for (const s of shown) expect(found.text, `${name} shows ${JSON.stringify(s)} literally`).toContain(s);
}

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ build: 'test', args: server.args });
  seedPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('hostile stored text, rendered in real Chromium', () => {
  it('is stored through the real commands exactly as sent, or refused with a reason', async () => {
    const link = await sendCommand<{ id: string }>(seedPage, 'saveLink', {
      input: ALI_LINK,
      label: HOSTILE.label,
      notes: HOSTILE.notes,
    });
    expect(link).toMatchObject({ ok: true });
    if (!link.ok) return;
    const share = await sendCommand<{ id: string }>(seedPage, 'recordShare', {
      linkId: link.value.id,
      channel: 'whatsapp',
      nickname: HOSTILE.nickname,
    });
    expect(share).toMatchObject({ ok: true });
    if (!share.ok) return;
    const coupon = { title: HOSTILE.couponTitle, code: HOSTILE.couponCode, value: 3, currency: 'USD', minSpend: 20 };
    const badCode = await sendCommand(seedPage, 'addCoupons', { programId: 'aliexpress', coupons: [coupon] });
    expect(badCode).toMatchObject({ ok: false, error: { message: expect.stringMatching(/coupon code/) } });
    expect(await readTable(seedPage, 'coupons')).toEqual([]);
    const coupons = await sendCommand(seedPage, 'addCoupons', {
      programId: 'aliexpress',
      inviteId: share.value.id,
      coupons: [{ ...coupon, code: 'SAVE3' }],
    });
    expect(coupons).toMatchObject({ ok: true });
    const program = await sendCommand<{ id: string }>(seedPage, 'saveCustomProgram', {
      name: HOSTILE.programName,
      shoppingHosts: ['shop.example.org'],
      linkPattern: 'https://shop.example.org/invite/{code}',
      rewardDelayHours: 48,
      perkText: HOSTILE.perk,
    });
    expect(program).toMatchObject({ ok: true });
    if (!program.ok) return;
    customProgramId = program.value.id;
    const customLink = await sendCommand<{ id: string }>(seedPage, 'saveLink', {
      input: 'https://shop.example.org/invite/EVIL42',
      programId: program.value.id,
    });
    expect(customLink).toMatchObject({ ok: true });
    if (!customLink.ok) return;
    // A pending invite on the custom program: the popup lists it, Stats names its program.
    const customShare = await sendCommand(seedPage, 'recordShare', {
      linkId: customLink.value.id,
      channel: 'telegram',
      nickname: HOSTILE.nickname,
    });
    expect(customShare).toMatchObject({ ok: true });
    // The share-text template is a setting, saved where Settings → Share text saves it.
    await seedPage.evaluate(async (template) => {
      const stored = (await chrome.storage.local.get('settings')).settings ?? {};
      await chrome.storage.local.set({ settings: { ...stored, templates: { aliexpress: { en: template } } } });
    }, HOSTILE.template);

    // Script URLs are refused, with a reason, and leave what is stored alone.
    const before = await readTable(seedPage, 'links');
    for (const input of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const refused = await sendCommand(seedPage, 'saveLink', { input });
      expect(refused.ok, input).toBe(false);
      if (!refused.ok) expect(refused.error.message.length).toBeGreaterThan(10);
    }
    expect(await readTable(seedPage, 'links')).toEqual(before);

    const links = await readTable<{ label?: string; notes?: string }>(seedPage, 'links');
    expect(links.map((l) => [l.label, l.notes])).toContainEqual([HOSTILE.label, HOSTILE.notes]);
    const invites = await readTable<{ nickname?: string }>(seedPage, 'invites');
    expect(invites.map((i) => i.nickname)).toEqual([HOSTILE.nickname, HOSTILE.nickname]);
    const stored = await readTable<{ title: string; code?: string }>(seedPage, 'coupons');
    expect(stored.map((c) => [c.title, c.code])).toEqual([[HOSTILE.couponTitle, 'SAVE3']]);
  });

  it('the popup shows it as text: link, share text, new coupon', async () => {
    const popup = watch(await openExtensionPage(ext.context, ext.extensionId, 'popup.html'));
    await popup.getByRole('heading').first().waitFor();
    await popup.getByText(HOSTILE.couponTitle).first().waitFor();
    await expectClean(popup, 'popup', [HOSTILE.label, HOSTILE.couponTitle]);
    // The share text follows the hostile template, {link} filled in, the rest verbatim.
    const found = await popup.evaluate(inspect);
    expect(found.text).toContain(`<img src=x onerror="${ran('template')}"> javascript:alert(1)`);
    await popup.close();
  });

  it('every dashboard tab shows it as text', async () => {
    const expected = {
      Links: [HOSTILE.label, HOSTILE.notes, HOSTILE.programName],
      Invites: [HOSTILE.nickname],
      Coupons: [HOSTILE.couponTitle],
      Stats: [HOSTILE.programName],
      Settings: [HOSTILE.template],
    } as const;
    for (const [tab, shown] of Object.entries(expected)) {
      const page = watch(await openExtensionPage(ext.context, ext.extensionId, 'options.html'));
      await page.getByRole('tab', { name: tab }).click();
      await expectClean(page, `dashboard ${tab}`, [...shown]);
      await page.close();
    }
  });

  it('the shop launcher and its share panel show it as text, on AliExpress and on the hostile-named shop', async () => {
    const ali = watch(await ext.context.newPage());
    await ali.goto(server.url('www.aliexpress.com', '/item/1005006.html'));
    const aliName = 'Share your AliExpress referral link';
    await expect.poll(() => findAccessible(ali, 'button', aliName), { timeout: 10_000 }).toHaveLength(1);
    await clickAccessible(ali, await theAccessible(ali, 'button', aliName));
    await expect.poll(() => extensionFrame(ali)?.url() ?? '', { timeout: 10_000 }).toMatch(/panel\.html/);
    const panel = extensionFrame(ali) as Frame;
    await panel.getByRole('heading').first().waitFor();
    await expect.poll(async () => (await panel.evaluate(inspect)).text, { timeout: 5_000 }).toContain(ran('template'));
    await expectClean(panel, 'AliExpress share panel', [HOSTILE.label]);
    expect(await ali.evaluate(() => window.pwned ?? null), 'the shop page: a payload ran').toBeNull();

    const custom = watch(await ext.context.newPage());
    await custom.goto(server.url('shop.example.org', '/index.html'));
    const name = `Share your ${HOSTILE.programName} referral link`;
    await expect.poll(() => findAccessible(custom, 'button', name), { timeout: 10_000 }).toHaveLength(1);
    expect(await custom.evaluate(() => window.pwned ?? null), 'the custom shop page: a payload ran').toBeNull();
    // The fixture shop is served over http, where only the built-in shops may frame the panel (custom shops are
    // https sites): the same panel page, opened on its own, shows the custom program.
    const customPanel = watch(
      await openExtensionPage(
        ext.context,
        ext.extensionId,
        `panel.html?program=${encodeURIComponent(customProgramId)}`,
      ),
    );
    await customPanel.getByRole('heading').first().waitFor();
    await expectClean(customPanel, 'custom program share panel', [HOSTILE.programName, HOSTILE.perk]);

    expect(consoleLines.filter((l) => l.includes('PWNED'))).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('the detectors do see a payload that is parsed (sanity check of this test)', async () => {
    const page = watch(await openExtensionPage(ext.context, ext.extensionId, 'popup.html'));
    await page.getByRole('heading').first().waitFor();
    await page.evaluate((html) => {
      const unsafe = document.createElement('div');
      unsafe.innerHTML = html; // what rendering data as markup would do
      document.body.append(unsafe);
    }, `${HOSTILE.label}${HOSTILE.couponCode}`);
    await expect.poll(() => page.evaluate(() => window.pwned ?? null)).toBe('label');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(consoleLines).toContain('PWNED label');
    const found = await page.evaluate(inspect);
    expect(found.handlers).toEqual(['<img onerror>', '<img onerror>']);
    await page.close();
  });
});
