/**
 * End-to-end scenarios written once and run in every browser (tests/e2e/crossBrowser.test.ts): each uses the
 * extension as a person does, through the small interface in driver.ts.
 */
import { expect } from 'vitest';
import type { FeedServer } from '../feedServer';
import { readTableInPage } from '../harness';
import { decodePng, decodeWithJsQr, readEverythingAPageCan } from '../pageTools';
import type { LaunchOptions, TestBrowser, TestPage } from './driver';

/** The extension API in an extension page: `browser` in Firefox, `chrome` in Chromium (both promise-based here). */
declare const browser: unknown;
declare const chrome: unknown;
interface Api {
  notifications: { getAll(): Promise<Record<string, unknown>> };
  action?: { getBadgeText(details: object): Promise<string> };
  browserAction?: { getBadgeText(details: object): Promise<string> };
}

/** Invented code, in the shape of the app's short links (a.aliexpress.com/_…, sources in lib/referral/programs/aliexpress.ts). */
const ALI_LINK = 'https://a.aliexpress.com/_mKXyZab';
/**
 * An AliExpress invite link with its invitation code (the feed names invites by code and nickname): the real
 * share.htm?redirectUrl=…invitationCode= shape (lib/referral/programs/aliexpress.ts), with an invented code.
 */
const CODED_LINK =
  'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DIN7XK2P9';
const TABS = ['Links', 'Invites', 'Coupons', 'Stats', 'Settings'];
/** Where "Share…" → WhatsApp sends the person (a tab the test's network rule allows; it gets no answer). */
const WHATSAPP = ['https://wa.me', 'https://api.whatsapp.com'];

export interface Scenario {
  name: string;
  options?: LaunchOptions;
  /** Started before the browser (a status feed), closed after it. */
  feed?: boolean;
  run(b: TestBrowser, feed: FeedServer | undefined): Promise<void>;
}

/** Saves ALI_LINK labelled "Main" through the extension's own command; its id. */
async function saveMainLink(page: TestPage): Promise<string> {
  const saved = await page.command<{ id: string }>('saveLink', { input: ALI_LINK, label: 'Main' });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value.id;
}

/** Every row of one of RefShare's IndexedDB tables, read in an extension page. */
const readTable = <T>(page: TestPage, table: string) => page.evaluate(readTableInPage<T>, table);

/** Notifications on screen (their ids) and the toolbar badge, read in an extension page. */
const notifications = (page: TestPage) =>
  page.evaluate(async () => {
    const api = (typeof browser !== 'undefined' ? browser : chrome) as Api;
    return Object.keys(await api.notifications.getAll()).sort();
  }, null);
const badge = (page: TestPage) =>
  page.evaluate(() => {
    const api = (typeof browser !== 'undefined' ? browser : chrome) as Api;
    return (api.action ?? api.browserAction)?.getBadgeText({}) ?? Promise.resolve('no badge API');
  }, null);

const decodeJsQr = async (png: Buffer) => decodeWithJsQr(decodePng(png));

export const SCENARIOS: Scenario[] = [
  {
    name: 'popup: a link saved is shown as a QR code that decodes to it; "Share…" → WhatsApp records an invite for Ana',
    options: { allowNetwork: WHATSAPP },
    async run(b) {
      const popup = await b.extensionPage('popup.html');
      await popup.role('textbox', 'Referral link').fill(ALI_LINK);
      await popup.role('button', 'Save link').click();
      const qr = popup.role('img', 'QR code for AliExpress referral link');
      await qr.waitFor();
      await expect.poll(async () => decodeJsQr(await qr.screenshot()), { timeout: 10_000 }).toBe(ALI_LINK);

      await popup.role('textbox', 'Who is it for?').fill('Ana');
      await popup.role('button', 'Share…').click();
      await popup.role('menuitem', 'WhatsApp').click();
      await popup.text('Invite recorded (WhatsApp).').waitFor();
      const invites = await readTable<{ channel: string; nickname: string }>(popup, 'invites');
      expect(invites.map((i) => [i.channel, i.nickname])).toEqual([['whatsapp', 'Ana']]);
      expect(popup.errors()).toEqual([]);
    },
  },
  {
    name: 'dashboard: every tab renders its content with no console error',
    async run(b) {
      const page = await b.extensionPage('options.html');
      const linkId = await saveMainLink(page);
      expect((await page.command('recordShare', { linkId, channel: 'sms', nickname: 'Bruno' })).ok).toBe(true);
      // One control each tab is known by, so "rendered" means its content is there, not only the tab.
      const marks: Record<string, [string, string]> = {
        Links: ['button', 'Save link'],
        Invites: ['searchbox', 'Search invites'],
        Coupons: ['button', 'Add coupon'],
        Stats: ['heading', 'By program'],
        Settings: ['button', 'Export backup'],
      };
      for (const tab of TABS) {
        await page.role('tab', tab).click();
        const [role, name] = marks[tab] as [string, string];
        await page.role(role, name).waitFor();
      }
      expect(page.errors()).toEqual([]);
    },
  },
  {
    name: 'backup: export → delete all → import gives back identical data',
    async run(b) {
      const page = await b.extensionPage('options.html#settings');
      const linkId = await saveMainLink(page);
      for (const nickname of ['Ana', 'كريم']) {
        const r = await page.command('recordShare', { linkId, channel: 'whatsapp', nickname });
        expect(r.ok).toBe(true);
      }
      const exported = async () => {
        const file = await page.download(page.role('button', 'Export backup'));
        expect(file.name).toMatch(/^refshare-backup-\d{4}-\d{2}-\d{2}\.json$/);
        return JSON.parse(file.text) as { data: Record<string, unknown[]> };
      };
      const first = await exported();
      expect(first.data.links).toHaveLength(1);
      expect(first.data.invites).toHaveLength(2);

      await page.role('button', 'Delete all data').click();
      await page.role('button', 'Yes, delete everything').click();
      await page.text('All data was deleted and the settings were reset.').waitFor();
      expect(await page.command('listLinks', {})).toEqual({ ok: true, value: [] });

      await page.chooseFile('Backup file', { name: 'backup.json', content: JSON.stringify(first) });
      await page.role('button', 'Import').click();
      await page.text('Backup imported.').waitFor();
      expect((await exported()).data).toEqual(first.data);
      expect(page.errors()).toEqual([]);
    },
  },
  {
    name: 'status feed on 127.0.0.1: a coupon arrives → exactly one notification and the badge says 1',
    options: { build: 'test' },
    feed: true,
    async run(b, feed) {
      if (!feed) throw new Error('no feed');
      const page = await b.extensionPage('options.html#settings');
      const link = await page.command<{ id: string }>('saveLink', { input: CODED_LINK });
      if (!link.ok) throw new Error(link.error.message);
      const shared = await page.command<{ id: string }>('recordShare', {
        linkId: link.value.id,
        channel: 'whatsapp',
        nickname: 'Ana',
      });
      if (!shared.ok) throw new Error(shared.error.message);
      feed.serve(
        {
          cursor: 'c1',
          events: [
            {
              id: 'ev-1',
              program: 'aliexpress',
              invite: { code: 'IN7XK2P9', nickname: 'Ana' },
              type: 'coupon_issued',
              at: new Date().toISOString(),
              coupon: { title: 'Referral reward coupon', value: 3, currency: 'USD', minSpend: 20 },
            },
          ],
        },
        '"v1"',
      );
      await page.role('textbox', 'Feed URL').fill(feed.url);
      await page.role('button', 'Add feed').click();
      await expect.poll(() => notifications(page), { timeout: 15_000 }).toEqual([`coupon_arrived:${shared.value.id}`]);
      await expect.poll(() => badge(page)).toBe('1');
      // Read again: nothing new, still one.
      expect((await page.command('syncNow', {})).ok).toBe(true);
      expect(await notifications(page)).toEqual([`coupon_arrived:${shared.value.id}`]);
      expect(await readTable(page, 'coupons')).toHaveLength(1);
    },
  },
  {
    name: 'shop page: the launcher appears on the AliExpress product page, opens its panel, and the page cannot read the link',
    async run(b) {
      const popup = await b.extensionPage('popup.html');
      expect((await popup.command('saveLink', { input: ALI_LINK })).ok).toBe(true);
      await popup.close();
      const shop = await b.webPage(b.fixtureUrl('www.aliexpress.com', '/item/1005006.html'));
      const launcher = shop.sealedRole('button', 'Share your AliExpress referral link');
      await launcher.waitFor(15_000);
      await launcher.click();
      const panel = await shop.extensionFrame('panel.html');
      expect(panel.url()).toMatch(/\/panel\.html\?program=aliexpress$/);
      const qr = panel.role('img', 'QR code for AliExpress referral link');
      await qr.waitFor();
      await expect.poll(async () => decodeJsQr(await qr.screenshot()), { timeout: 10_000 }).toBe(ALI_LINK);
      const seen = await shop.evaluate(readEverythingAPageCan, undefined);
      expect(seen).not.toContain('_mKXyZab');
      // The fixture server has no favicon, which Chromium reports as a console error; anything else counts.
      expect(shop.errors().filter((e) => !/^Failed to load resource: .* 404/.test(e))).toEqual([]);
    },
  },
  {
    name: 'capture bar: "Save this link to RefShare" on AliExpress’s invite page saves its link; "Import these coupons" fills the wallet',
    async run(b) {
      const probe = await b.extensionPage('popup.html');
      const invite = await b.webPage(b.fixtureUrl('star.aliexpress.com', '/share/share.htm'));
      const save = invite.sealedRole('button', 'Save this link to RefShare');
      await save.waitFor(15_000);
      await save.click();
      const saved = async () => {
        const links = await probe.command<{ url: string; code?: string }[]>('listLinks', {});
        return links.ok ? links.value.map((l) => [l.url, l.code]) : [];
      };
      // The link the fixture page shows (tests/e2e/fixtures/star.aliexpress.com/share/share.htm), as the page has it.
      await expect
        .poll(saved, { timeout: 10_000 })
        .toEqual([
          [
            'https://star.aliexpress.com/share/share.htm?gatewayAdapt=glo2usa&redirectUrl=https%3A%2F%2Fm.aliexpress.com%2Fp%2Fspring-festival%2Freferral_register_success.htm%3FinvitationCode%3DIN7XK2P9%26platform%3DAE',
            'IN7XK2P9',
          ],
        ]);

      const wallet = await b.webPage(b.fixtureUrl('www.aliexpress.com', '/p/coupon-pc/index.html'));
      const importCoupons = wallet.sealedRole('button', 'Import these coupons');
      await importCoupons.waitFor(15_000);
      await importCoupons.click();
      await expect
        .poll(async () => (await readTable<{ title: string }>(probe, 'coupons')).map((c) => c.title).sort(), {
          timeout: 10_000,
        })
        .toEqual(['New user coupon', 'Referral reward coupon', 'Store coupon · Baseus Official Store']);
      expect(
        [...invite.errors(), ...wallet.errors()].filter((e) => !/^Failed to load resource: .* 404/.test(e)),
      ).toEqual([]);
    },
  },
];
