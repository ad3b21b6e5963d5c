/**
 * Hostile input, generated with fast-check, at every entry point of RefShare (the acceptance test). This file
 * is the suite's main one; the others follow the same rules.
 *
 * Outcome rules, checked after every case:
 * 1. Every call answers: the dispatcher returns a Reply, a parser a result; no exception escapes, and no refusal is
 *    the dispatcher's catch-all 'internal' (hostile input is refused on purpose, with its own reason).
 * 2. A refusal is `{ ok: false, error: { code, message } }` with a reason in words, and every row of every table
 *    (all of db.tables) is deep-equal before and after.
 * 3. What is accepted is stored as data: text exactly as typed (trimmed), addresses only as https (no javascript:,
 *    data:, vbscript:, file:, blob: link, link pattern, feed or share URL); no row that was there changes unless the
 *    command is about it; and the database's own backup still passes the import's checks.
 * 4. Nothing is polluted: Object.prototype gains no key, and no stored row has an odd prototype or a prototype key.
 * Each case starts from the same database (a user's links, invites and coupons), so a failure shrinks to its cause;
 * fast-check prints the seed and the shrunk case.
 *
 * Cases per run (numRuns, plus fixed examples):
 * - messages.test.ts (runtime messages through the real dispatcher): 160 envelopes + 146 senders (66 fixed: every
 *   sender × command) + 220 commands from RefShare's pages + 140 from content scripts + 40 huge payloads = 706
 * - files.test.ts (backup files, feed pages and events, share templates, settings): 150 + 120 + 40 + 120 + 80 = 510
 * - urls.test.ts (script URLs at every door, in backups, share and notification URLs): 100 + 100 + 60 + 100 + 40 = 400
 * - text.test.ts (labels, notes, nicknames, coupon titles, program names and perks): 200 + 16 fixed = 216
 * In all 1,832 cases, about 10 s on two cores.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sender } from '@/lib/messaging/dispatch';
import { PAGE_PROTOCOL } from '@/lib/messaging/pageProtocol';
import { CHANNEL, PROTOCOL } from '@/lib/messaging/protocol';
import { anyField, hostileText, hostileUrl, hugeValue, pollutedObject, pollutionKey, wrongType } from './arbitraries';
import {
  CONTENT_SCRIPT,
  DASHBOARD,
  expectKept,
  expectNoPollution,
  expectReply,
  expectRestorable,
  expectUnchanged,
  ID,
  isScriptUrl,
  ORIGIN,
  snapshot,
  type World,
  world,
} from './world';

const COMMANDS = Object.keys(PROTOCOL);
const PAGE_COMMANDS = Object.keys(PAGE_PROTOCOL);
/** Every field name any command reads. */
const FIELDS = [
  'input',
  'label',
  'notes',
  'programId',
  'id',
  'linkId',
  'channel',
  'nickname',
  'inviteId',
  'status',
  'at',
  'coupons',
  'ids',
  'used',
  'backup',
  'confirm',
  'url',
  'name',
  'shoppingHosts',
  'linkPattern',
  'rewardDelayHours',
  'perkText',
  'muted',
  'title',
  'value',
  'currency',
  'code',
  'expiresAt',
];

const SENDERS: Sender[] = [
  DASHBOARD,
  CONTENT_SCRIPT,
  { id: 'another-extension', url: `chrome-extension://another-extension/page.html` },
  { url: 'https://evil.example/' },
  {},
  { id: ID },
  { id: ID, url: 'https://evil.example/phish.html', tab: { url: 'https://evil.example/phish.html' } },
  { id: ID, url: 'file:///home/user/x.html' },
  { id: ID, url: `chrome-extension://another-extension/${ORIGIN}` },
  { id: ID, url: 'javascript:alert(1)' },
  { id: ID, url: 'http://www.aliexpress.com/item/1.html' },
];

/**
 * Who may ask what, as the dispatcher documents it: RefShare's own pages (its extension origin) every command; its
 * content scripts, which run in any web page, the page protocol only; anyone else, and any other page, nothing.
 */
function mayAsk(sender: Sender, command: unknown): boolean {
  if (sender.id !== ID || typeof command !== 'string') return false;
  if (sender.url?.startsWith(ORIGIN)) return COMMANDS.includes(command);
  return /^https?:\/\//.test(sender.url ?? '') && PAGE_COMMANDS.includes(command);
}

/** Requests whose data is right whatever the database holds, so only the sender decides the answer. */
const WELL_FORMED: Record<string, fc.Arbitrary<unknown>> = {
  listLinks: fc.constant({}),
  listCustomPrograms: fc.constant({}),
  syncNow: fc.constant({}),
  pageState: fc.constant({}),
  muteSite: fc.record({ muted: fc.boolean() }),
  shareFacts: fc.record({ programId: fc.constantFrom('aliexpress', 'temu') }),
};
/** The fixed examples' data: what WELL_FORMED makes, one value each (`{}` where that is all there is). */
const FIXED_DATA: Record<string, unknown> = { muteSite: { muted: true }, shareFacts: { programId: 'aliexpress' } };

/** Data for a command: a field-by-field hostile object, a polluted one, or not an object at all. */
const data = (linkIds: string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(anyField, fc.constantFrom(...linkIds)), { maxKeys: 5 }),
    fc.record({ input: hostileUrl }, { requiredKeys: [] }),
    fc.record({
      linkId: fc.constantFrom(...linkIds),
      channel: fc.constantFrom('sms', 'x', 'whatsapp'),
      nickname: hostileText,
    }),
    fc.record({ input: fc.constant('https://a.aliexpress.com/_mKXyZab'), label: hostileText, notes: hostileText }),
    pollutedObject,
    wrongType,
  );

const code = fc.stringMatching(/^[A-Za-z0-9]{7}$/);
/**
 * A valid command with exactly one hostile field (so every field's own check is reached), or with every field
 * hostile: links, shares with nicknames, coupons, custom programs, feeds, status changes, link edits.
 */
const creations = (linkIds: string[], inviteIds: string[]) => {
  const aliLink = code.map((c) => `https://a.aliexpress.com/_${c}`);
  const host = code.map((c) => `${c.toLowerCase()}.example.net`);
  const later = fc.constantFrom(-1, 8.64e15 + 1, 9e15, Number.MAX_SAFE_INTEGER + 2);
  const bases: Record<
    string,
    { valid: fc.Arbitrary<Record<string, unknown>>; hostile: Record<string, fc.Arbitrary<unknown>> }
  > = {
    saveLink: {
      valid: fc.record({ input: aliLink, label: fc.constant('Main'), notes: fc.constant('flyer') }),
      hostile: {
        input: hostileUrl,
        label: hostileText,
        notes: hostileText,
        programId: fc.oneof(hostileText, pollutionKey),
      },
    },
    recordShare: {
      valid: fc.record({
        linkId: fc.constantFrom(...linkIds),
        channel: fc.constantFrom('sms', 'x', 'copy', 'qr'),
        nickname: fc.constant('Ana'),
      }),
      hostile: {
        linkId: fc.oneof(hostileText, pollutionKey),
        channel: hostileText,
        nickname: hostileText,
        shareId: fc.oneof(hostileText, pollutionKey),
      },
    },
    recordReminder: {
      valid: fc.record({
        inviteId: fc.constantFrom(...inviteIds),
        channel: fc.constantFrom('sms', 'whatsapp'),
        reminderId: code,
      }),
      hostile: {
        inviteId: fc.oneof(hostileText, pollutionKey),
        channel: hostileText,
        reminderId: fc.oneof(hostileText, pollutionKey),
      },
    },
    openInvite: {
      valid: fc.record({ programId: fc.constantFrom('aliexpress', 'temu'), nickname: fc.constant('Ana') }),
      hostile: { programId: fc.oneof(hostileText, pollutionKey), nickname: hostileText },
    },
    shareFacts: {
      valid: fc.record({ programId: fc.constantFrom('aliexpress', 'temu') }),
      hostile: { programId: fc.oneof(hostileText, pollutionKey) },
    },
    addCoupons: {
      valid: fc.record({
        programId: fc.constantFrom('aliexpress', 'temu'),
        coupon: fc.record({
          title: fc.constant('US $3 off'),
          value: fc.constant(3),
          currency: fc.constant('USD'),
          code,
          minSpend: fc.constant(20),
          expiresAt: fc.constant(Date.UTC(2027, 0, 1)),
        }),
      }),
      hostile: {
        programId: fc.oneof(hostileText, pollutionKey),
        'coupon.title': hostileText,
        'coupon.value': fc.oneof(wrongType, fc.constantFrom(-1, 1e6, 1e300)),
        'coupon.currency': hostileText,
        'coupon.code': hostileText,
        'coupon.minSpend': fc.oneof(wrongType, fc.constantFrom(-1, 1e12)),
        'coupon.expiresAt': fc.oneof(wrongType, later),
      },
    },
    saveCustomProgram: {
      valid: fc.record({
        name: fc.constant('Corner Shop'),
        shoppingHosts: host.map((h) => [h]),
        linkPattern: host.map((h) => `https://${h}/i/{code}`),
        rewardDelayHours: fc.constant(24),
        perkText: fc.constant('10% off'),
      }),
      hostile: {
        name: hostileText,
        shoppingHosts: fc.oneof(fc.array(fc.oneof(hostileText, hostileUrl), { minLength: 1, maxLength: 3 }), wrongType),
        linkPattern: hostileUrl,
        rewardDelayHours: fc.oneof(wrongType, fc.constantFrom(-1, 1e9)),
        perkText: hostileText,
      },
    },
    addFeed: {
      valid: fc.record({ url: fc.constant('https://feed.example.com/a.json') }),
      hostile: { url: hostileUrl },
    },
    setInviteStatus: {
      valid: fc.record({
        inviteId: fc.constantFrom(...inviteIds),
        status: fc.constantFrom('registered', 'first_purchase', 'coupon_received', 'ineligible'),
        at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
      }),
      hostile: { inviteId: hostileText, status: hostileText, at: fc.oneof(wrongType, later) },
    },
    updateLink: {
      valid: fc.record({ id: fc.constantFrom(...linkIds), label: fc.constant('Main'), notes: fc.constant('') }),
      hostile: { id: hostileText, label: hostileText, notes: hostileText },
    },
  };
  return fc.oneof(
    ...Object.entries(bases).map(([command, { valid, hostile }]) =>
      fc
        .tuple(valid, fc.constantFrom(...Object.keys(hostile), '*'), fc.record(hostile))
        .map(([base, field, values]) => {
          // '*': every field hostile at once.
          const fields = field === '*' ? Object.keys(hostile) : [field];
          const data: Record<string, unknown> = structuredClone(base);
          for (const f of fields) {
            const [outer, inner] = f.split('.');
            if (inner && outer) (data[outer] as Record<string, unknown>)[inner] = values[f];
            else if (outer) data[outer] = values[f];
          }
          // Coupons go in a list.
          if ('coupon' in data) {
            data.coupons = [data.coupon];
            delete data.coupon;
          }
          return { command, data };
        }),
    ),
  );
};

/** Commands whose purpose is to change a row the user has. */
const CHANGES_EXISTING = new Set([
  'setInviteStatus',
  'recordReminder',
  'markCouponUsed',
  'markCouponsSeen',
  'updateLink',
  'setPrimaryLink',
]);

let w: World;
let linkIds: string[];
let inviteIds: string[];
beforeAll(async () => {
  w = await world();
  linkIds = (await w.db.links.toArray()).map((l) => l.id);
  inviteIds = (await w.db.invites.toArray()).map((i) => i.id);
});

/** After any message: replies well formed, nothing lost, nothing polluted, no script URL stored. */
async function sendAndCheck(message: unknown, sender: Sender) {
  await w.reset();
  const before = await snapshot(w.db);
  const reply = await w.send(message, sender);
  expectReply(reply);
  // 'internal' means an exception reached the dispatcher: hostile input must be refused on purpose, with its reason.
  if (!reply.ok)
    expect(reply.error, String(JSON.stringify(message)).slice(0, 300)).not.toMatchObject({ code: 'internal' });
  const after = await snapshot(w.db);
  const command = (message as { command?: unknown } | null)?.command;
  if (reply.ok && CHANGES_EXISTING.has(String(command))) {
    // These change a row that is there (a status, a label); none removes one.
    for (const [table, rows] of Object.entries(before))
      for (const key of rows.keys()) expect(after[table]?.has(key)).toBe(true);
    await expectRestorable(w.db);
  } else if (reply.ok) {
    expectKept(before, after);
    await expectRestorable(w.db);
  } else expectUnchanged(before, after);
  await expectNoPollution(w.db);
  for (const link of after.links?.values() ?? []) expect(isScriptUrl((link as { url: string }).url)).toBe(false);
  for (const p of after.programs?.values() ?? [])
    expect(isScriptUrl((p as { linkPattern: string }).linkPattern)).toBe(false);
  /** A row this message added (not one that was there and came back as it was). */
  const isNew = (table: string) => {
    const id = reply.ok ? (reply.value as { id?: string } | null)?.id : undefined;
    return id !== undefined && !before[table]?.has(id) && after[table]?.has(id) === true;
  };
  return { reply, isNew };
}

describe('hostile runtime messages (real dispatcher, fake-indexeddb)', () => {
  it('envelopes: anything, from anyone, is answered, and changes nothing unless the sender may ask it', async () => {
    const command = fc.oneof(fc.constantFrom(...COMMANDS, ...PAGE_COMMANDS), pollutionKey, hostileText, wrongType);
    const envelope = fc.oneof(
      fc.record({ channel: fc.oneof(fc.constant(CHANNEL), hostileText, wrongType), command, data: anyField }),
      pollutedObject,
      wrongType,
      hostileText,
    );
    await fc.assert(
      fc.asyncProperty(envelope, fc.constantFrom(...SENDERS), async (message, sender) => {
        const { reply } = await sendAndCheck(message, sender);
        if (!mayAsk(sender, (message as { command?: unknown } | null)?.command)) expect(reply.ok).toBe(false);
      }),
      { numRuns: 160 },
    );
  });

  it('senders: a well-formed request is answered for RefShare’s pages and content scripts only, as the sender may', async () => {
    const request = fc
      .constantFrom(...Object.keys(WELL_FORMED))
      .chain((command) =>
        (WELL_FORMED[command] as fc.Arbitrary<unknown>).map((data) => ({ channel: CHANNEL, command, data })),
      );
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom(...SENDERS), async (message, sender) => {
        const { reply } = await sendAndCheck(message, sender);
        if (mayAsk(sender, message.command)) expect(reply).toMatchObject({ ok: true });
        else
          expect(reply).toMatchObject({
            ok: false,
            error: { code: expect.stringMatching(/forbidden|unknown_command/) },
          });
      }),
      {
        numRuns: 80,
        // Every sender with every command as well, so no pair is left to chance.
        examples: SENDERS.flatMap((sender) =>
          Object.keys(WELL_FORMED).map(
            (command) =>
              [{ channel: CHANNEL, command, data: FIXED_DATA[command] ?? {} }, sender] as [
                { channel: string; command: string; data: unknown },
                Sender,
              ],
          ),
        ),
      },
    );
  });

  it('every command from RefShare’s own pages, with hostile data: refused with a reason, or stored safely', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ command: fc.constantFrom(...COMMANDS), data: data(linkIds) }),
          creations(linkIds, inviteIds),
        ),
        async ({ command, data: payload }) => {
          const { reply, isNew } = await sendAndCheck({ channel: CHANNEL, command, data: payload }, DASHBOARD);
          // New rows only (a link already saved is answered with the row as it was).
          if (reply.ok && isNew('links')) {
            const sent = payload as { label?: string; notes?: string };
            const stored = await w.db.links.get((reply.value as { id: string }).id);
            // Stored as typed (surrounding spaces trimmed), never rewritten or escaped.
            if (sent.label?.trim()) expect(stored?.label).toBe(sent.label.trim());
            if (sent.notes?.trim()) expect(stored?.notes).toBe(sent.notes.trim());
          }
          if (reply.ok && isNew('invites')) {
            const sent = payload as { nickname?: string };
            const stored = await w.db.invites.get((reply.value as { id: string }).id);
            if (sent.nickname?.trim()) expect(stored?.nickname).toBe(sent.nickname.trim());
          }
          const outcome = reply.ok ? 'stored' : reply.error.code;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        },
      ),
      { numRuns: 220 },
    );
    // The cases reach past the shape checks into the engine, and some hostile text is stored (safely).
    expect(outcomes.get('stored') ?? 0).toBeGreaterThan(10);
    expect([...outcomes.keys()].length).toBeGreaterThan(3);
  });

  it('content scripts: page commands with hostile data, and no other command at all', async () => {
    const pageSender = fc.constantFrom<Sender>(
      CONTENT_SCRIPT,
      {
        id: ID,
        url: 'https://star.aliexpress.com/share/share.htm',
        tab: { url: 'https://star.aliexpress.com/share/share.htm' },
      },
      { id: ID, url: 'https://shop.example.org/', tab: { url: 'https://shop.example.org/' } },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PAGE_COMMANDS, ...COMMANDS),
        data(linkIds),
        pageSender,
        async (command, payload, sender) => {
          const { reply } = await sendAndCheck({ channel: CHANNEL, command, data: payload }, sender);
          if (!PAGE_COMMANDS.includes(command))
            expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        },
      ),
      { numRuns: 140 },
    );
  });

  it('huge payloads (5 MB text, 50,000-item lists, 2,000-deep objects), as any command’s data or field, are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMMANDS, ...PAGE_COMMANDS),
        fc.constantFrom('(data)', ...FIELDS),
        hugeValue,
        async (command, field, huge) => {
          const payload = field === '(data)' ? huge : { [field]: huge };
          const sender = PAGE_COMMANDS.includes(command) ? CONTENT_SCRIPT : DASHBOARD;
          const { reply } = await sendAndCheck({ channel: CHANNEL, command, data: payload }, sender);
          expect(reply.ok).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });
});
