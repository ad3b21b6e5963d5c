/**
 * Addresses at every door that takes one: links saved from the dashboard or captured by a content script, custom
 * programs' link patterns, status feeds, links and patterns inside backup files, and the share and notification URLs
 * built from stored text. Same outcome rules as messages.test.ts; here every case of the first property carries a
 * script or local URL (javascript:, vbscript:, data:, file:, blob: in any spelling), so none of them can slip by
 * unseen among other hostile input. Cases: 100 script URLs + 100 other hostile URLs + 60 in backups + 100 share URLs
 * + 40 notification targets.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile } from '@/lib/backup/format';
import { parseBackupText } from '@/lib/backup/validate';
import type { OutboxEntry } from '@/lib/db/schema';
import type { Sender } from '@/lib/messaging/dispatch';
import { CHANNEL } from '@/lib/messaging/protocol';
import { notificationTarget } from '@/lib/platform/notifications';
import { customProgram } from '@/lib/referral/programs/custom';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { trimInvisible } from '@/lib/referral/text';
import { channelUrl, SHARE_CHANNELS, type ShareChannel } from '@/lib/share/channelUrls';
import { shareMessage } from '@/lib/share/shareMessage';
import { validBackup } from '../backup/fixture';
import { hostileText, hostileUrl, oddChars, scriptUrl } from './arbitraries';
import {
  DASHBOARD,
  expectKept,
  expectNoPollution,
  expectReply,
  expectUnchanged,
  ID,
  isScriptUrl,
  snapshot,
  type World,
  world,
} from './world';

/** RefShare's content script on AliExpress's own invite page, where "Save this link" is offered. */
const INVITE_PAGE: Sender = {
  id: ID,
  url: 'https://star.aliexpress.com/share/share.htm',
  tab: { url: 'https://star.aliexpress.com/share/share.htm' },
};

/** Every command that takes an address, with the address in its place. */
const DOORS: { command: string; sender: Sender; data: (url: string) => Record<string, unknown> }[] = [
  { command: 'saveLink', sender: DASHBOARD, data: (input) => ({ input }) },
  { command: 'saveLink', sender: DASHBOARD, data: (input) => ({ input, programId: 'aliexpress', label: 'Main' }) },
  { command: 'saveLink', sender: DASHBOARD, data: (input) => ({ input, programId: 'custom:shop-example' }) },
  { command: 'captureLink', sender: INVITE_PAGE, data: (input) => ({ input }) },
  {
    command: 'saveCustomProgram',
    sender: DASHBOARD,
    data: (url) => ({
      name: 'Corner Shop',
      shoppingHosts: ['corner.example.net'],
      linkPattern: url.includes('{code}') ? url : `${url}{code}`,
      rewardDelayHours: 24,
    }),
  },
  { command: 'addFeed', sender: DASHBOARD, data: (url) => ({ url }) },
];

let w: World;
let backup: BackupFile;
beforeAll(async () => {
  w = await world();
  backup = await validBackup();
});

/** An address as stored must be an https web address with no user name or password (feeds: http on loopback too). */
function expectSafeAddress(url: string, feed = false): void {
  expect(isScriptUrl(url), url).toBe(false);
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  expect(parsed.protocol === 'https:' || (feed && loopback && parsed.protocol === 'http:'), url).toBe(true);
  expect(parsed.username + parsed.password).toBe('');
}

describe('hostile addresses at every door that takes one', () => {
  it('script and local URLs, in any spelling, are refused with a reason and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scriptUrl, fc.constantFrom(...DOORS), async (url, door) => {
        await w.reset();
        const before = await snapshot(w.db);
        const reply = await w.send({ channel: CHANNEL, command: door.command, data: door.data(url) }, door.sender);
        expectReply(reply);
        expect(reply.ok, `${door.command} accepted ${JSON.stringify(url)}`).toBe(false);
        expectUnchanged(before, await snapshot(w.db));
        await expectNoPollution(w.db);
      }),
      { numRuns: 100 },
    );
  });

  it('other hostile URLs are refused, or stored as the https address that was given', async () => {
    const stored = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(hostileUrl, fc.constantFrom(...DOORS), async (url, door) => {
        await w.reset();
        const before = await snapshot(w.db);
        const reply = await w.send({ channel: CHANNEL, command: door.command, data: door.data(url) }, door.sender);
        expectReply(reply);
        const after = await snapshot(w.db);
        if (!reply.ok) expectUnchanged(before, after);
        else {
          expectKept(before, after);
          stored.set(door.command, (stored.get(door.command) ?? 0) + 1);
          const row = reply.value as { url?: string; linkPattern?: string; kind?: string };
          if (door.command === 'addFeed') expectSafeAddress(row.url ?? '', true);
          else if (door.command === 'saveCustomProgram')
            expectSafeAddress((row.linkPattern ?? '').replace('{code}', 'c'));
          // A link is kept exactly as given, only trimmed (re-serialising could change what the program sees).
          else if (/^https:/i.test(row.url ?? '')) {
            expectSafeAddress(row.url ?? '');
            expect(row.url).toBe(trimInvisible(url));
          } else expect(row.url, 'a bare invite code').toMatch(/^[A-Za-z0-9_-]+$/);
        }
        await expectNoPollution(w.db);
        for (const link of after.links?.values() ?? []) expect(isScriptUrl((link as { url: string }).url)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('backup files carrying script URLs as links or link patterns are refused before anything is written', async () => {
    await fc.assert(
      fc.asyncProperty(scriptUrl, fc.nat(), fc.boolean(), async (url, n, inPattern) => {
        const file = structuredClone(backup);
        if (inPattern) {
          const program = file.data.programs[n % file.data.programs.length];
          if (program) program.linkPattern = `${url}{code}`;
        } else {
          const link = file.data.links[n % file.data.links.length];
          if (link) link.url = url;
        }
        const checked = parseBackupText(JSON.stringify(file));
        expect(checked.ok).toBe(false);
        if (!checked.ok) expect(checked.message.length).toBeGreaterThan(10);
        await w.reset();
        const before = await snapshot(w.db);
        const reply = await w.send({ channel: CHANNEL, command: 'importBackup', data: { backup: file } });
        expectReply(reply);
        expect(reply.ok).toBe(false);
        expectUnchanged(before, await snapshot(w.db));
      }),
      { numRuns: 60 },
    );
  });
});

/** The fixed start of each channel's share URL: the shared text can only ever follow it, encoded. */
const SHARE_PREFIX: Record<ShareChannel, string> = {
  whatsapp: 'https://wa.me/?text=',
  telegram: 'https://t.me/share/url?url=',
  email: 'mailto:?subject=',
  sms: 'sms:?&body=',
  x: 'https://x.com/intent/post?text=',
  facebook: 'https://www.facebook.com/sharer/sharer.php?u=',
};
/** What encodeURIComponent leaves: nothing that could end a parameter or start another. */
const ENCODED = /^[A-Za-z0-9%\-_.!~*'()]*$/;
/** Text as a URL carries it: a lone surrogate cannot be encoded, so it stands as U+FFFD. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('hostile text in share and notification URLs', () => {
  it('share URLs start with the channel’s own address and carry the text encoded, whatever the text', () => {
    const ali = BUILT_IN_PROGRAMS.find((p) => p.id === 'aliexpress');
    if (!ali) throw new Error('no AliExpress program');
    fc.assert(
      fc.property(
        // The template, program name and perk may come from a backup file; the nickname is typed at share time.
        fc.oneof(
          hostileText,
          hostileText.map((t) => `${t} {nickname} {link} {perk} {program} {code}`),
        ),
        fc.oneof(fc.constant(null), fc.record({ name: hostileText, perk: hostileText })),
        fc.oneof(fc.constant('https://a.aliexpress.com/_mKXyZab'), fc.constant('INABCD12'), hostileUrl),
        hostileText,
        hostileText,
        (template, custom, url, nickname, subject) => {
          const program = custom
            ? customProgram({
                id: 'custom:x',
                name: custom.name,
                perkText: custom.perk,
                shoppingHosts: ['x.example.com'],
                linkPattern: 'https://x.example.com/i/{code}',
                rewardDelayHours: 1,
                createdAt: 0,
              })
            : ali;
          const message = shareMessage(template, program, { url, code: 'INABCD12' }, nickname);
          for (const channel of SHARE_CHANNELS) {
            const shared = channelUrl(channel, { ...message, link: url, subject });
            if (shared === null) {
              expect(channel).toBe('facebook');
              continue;
            }
            expect(shared.startsWith(SHARE_PREFIX[channel]), shared.slice(0, 80)).toBe(true);
            expect(isScriptUrl(shared)).toBe(false);
            const params = shared.slice(SHARE_PREFIX[channel].length).split(/&(?:text|body)=/);
            for (const part of params) expect(part).toMatch(ENCODED);
            if (channel === 'whatsapp') expect(decodeURIComponent(params[0] ?? '')).toBe(wellFormed(message.text));
          }
        },
      ),
      { numRuns: 100 },
    );
    // Found by this property: a template restored from a backup ("\ud800" is valid JSON) made the menu throw.
    const content = {
      text: 'Hi \uD800 x',
      textWithoutLink: '\uDFFF',
      link: 'https://a.aliexpress.com/_mKXyZab',
      subject: '',
    };
    expect(channelUrl('whatsapp', content)).toBe('https://wa.me/?text=Hi%20%EF%BF%BD%20x');
    expect(channelUrl('telegram', content)).toContain('&text=%EF%BF%BD');
  });

  it('notification targets stay on RefShare’s own pages, whatever the ids (a backup may hold any)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<OutboxEntry['notification']>('coupon_expiring', 'follow_up', 'reward_overdue'),
        fc.oneof(hostileText, oddChars, fc.string({ unit: 'binary', maxLength: 20 })),
        (notification, id) => {
          const entry: OutboxEntry = {
            key: 'k',
            notification,
            title: 't',
            message: 'm',
            inviteId: id,
            couponId: id,
            createdAt: 0,
            shown: 0,
          };
          const { url } = notificationTarget(entry);
          // A follow-up naming its invite opens the popup's share card on that friend; the rest the dashboard.
          expect(url.startsWith(notification === 'follow_up' && id ? '/popup.html?remind=' : '/options.html#')).toBe(
            true,
          );
          const value = url.split('=')[1];
          if (value !== undefined) {
            expect(value).toMatch(ENCODED);
            expect(decodeURIComponent(value)).toBe(wellFormed(id));
          }
        },
      ),
      { numRuns: 40 },
    );
    // Found by this property: a coupon id restored from a backup made the notification click throw.
    const entry: OutboxEntry = {
      key: 'k',
      notification: 'coupon_expiring',
      title: '',
      message: '',
      createdAt: 0,
      shown: 0,
    };
    expect(notificationTarget({ ...entry, couponId: 'c\uD800' }).url).toBe('/options.html#coupons?coupon=c%EF%BF%BD');
  });
});
