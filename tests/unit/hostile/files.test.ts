/**
 * Hostile files and payloads: backup files (garbage, polluted, and real backups damaged at a random place), status
 * feed pages (read through the real pull, with a fake fetch), share-text templates and settings. Same outcome rules
 * as messages.test.ts. Cases: 150 backups + 120 feed pages + 40 feed events naming real invites + 120 templates + 80 settings.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile } from '@/lib/backup/format';
import { settingsCheck } from '@/lib/backup/settingsCheck';
import { parseBackupText } from '@/lib/backup/validate';
import { addFeed, pullFeed } from '@/lib/db/feeds';
import { CHANNEL } from '@/lib/messaging/protocol';
import { renderShareText } from '@/lib/referral/shareText';
import { DEFAULT_APP_SETTINGS } from '@/lib/settings';
import { validBackup } from '../backup/fixture';
import { settings } from '../db/testDb';
import {
  anyField,
  hostileText,
  hostileUrl,
  hugeValue,
  longText,
  markup,
  oddChars,
  pollutedObject,
  pollutionKey,
  wrongType,
} from './arbitraries';
import {
  expectNoPollution,
  expectReply,
  expectRestorable,
  expectUnchanged,
  snapshot,
  type World,
  world,
} from './world';

let w: World;
let backup: BackupFile;
beforeAll(async () => {
  w = await world();
  backup = await validBackup();
});

/** Every path into a JSON value (keys and indexes), the value's own included (as []). */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) paths(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

/** A copy of `value` with the thing at `path` replaced (or, for a prototype key, added beside it). */
function damaged(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value));
  if (path.length === 0) return replacement;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  parent[path.at(-1) as string] = replacement;
  return copy;
}

/** A backup file's text: garbage, JSON of any shape, or a real backup damaged in one place. */
const backupText = () =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    pollutedObject.map((o) => JSON.stringify(o)),
    fc.tuple(fc.nat(), anyField).map(([n, value]) => {
      const all = paths(backup);
      return JSON.stringify(damaged(backup, all[n % all.length] ?? [], value) ?? null);
    }),
    // A prototype key slipped into a real backup's text at a random object.
    fc.tuple(fc.nat(), pollutionKey).map(([n, key]) => {
      const text = JSON.stringify(backup);
      const braces = [...text.matchAll(/\{/g)].map((m) => m.index ?? 0);
      const at = (braces[n % braces.length] ?? 0) + 1;
      return `${text.slice(0, at)}"${key}":{"polluted":true},${text.slice(at)}`;
    }),
    // Hostile text where the user's text goes: still a valid backup, to be stored exactly.
    fc.tuple(hostileText, hostileText).map(([label, nickname]) => {
      const copy = JSON.parse(JSON.stringify(backup)) as BackupFile;
      const link = copy.data.links[0];
      if (link) link.label = label;
      const invite = copy.data.invites[0];
      if (invite) invite.nickname = nickname;
      return JSON.stringify(copy);
    }),
  );

describe('hostile backup files', () => {
  it('are refused with a reason before anything is written, or imported exactly as they are', async () => {
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(backupText(), async (text) => {
        const checked = parseBackupText(text);
        if (!checked.ok) {
          expect(typeof checked.reason).toBe('string');
          expect(checked.message.length).toBeGreaterThan(10);
        }
        // The background checks again whatever a page sends it, valid or not.
        const sent = checked.ok ? checked.backup : (JSON.parse(JSON.stringify(safeParse(text) ?? null)) as unknown);
        await w.reset();
        const before = await snapshot(w.db);
        const reply = await w.send({ channel: CHANNEL, command: 'importBackup', data: { backup: sent } });
        expectReply(reply);
        const after = await snapshot(w.db);
        if (!reply.ok) expectUnchanged(before, after);
        else {
          expect(checked.ok, 'the background accepted what the page refused').toBe(true);
          imported++;
          // Rows of the file are stored as they are in it, unless the user already has the same link (same URL)
          // or coupon (same dedupeKey), which is kept; rows not in the file are kept. Only which link is primary
          // may change (one per program), and invites follow a link to its twin.
          const file = (checked.ok ? checked.backup : backup).data as unknown as Record<string, Row[]>;
          for (const [table, rows] of Object.entries(file)) {
            for (const row of rows) {
              const stored = after[table]?.get(String(row[keyOf(table)])) as Row | undefined;
              if (stored && comparable(table, stored) === comparable(table, row)) continue;
              expect(
                hasTwin(table, row, after),
                `${table} row ${String(row[keyOf(table)])} stored as in the file`,
              ).toBe(true);
            }
          }
          for (const [table, rows] of Object.entries(before)) {
            for (const [key, row] of rows) {
              const stored = after[table]?.get(key) as Row | undefined;
              expect(stored, `${table} ${key} kept`).toBeDefined();
              if (!file[table]?.some((r) => String(r[keyOf(table)]) === key)) {
                expect(comparable(table, stored as Row)).toBe(comparable(table, row as Row));
              }
            }
          }
        }
        await expectNoPollution(w.db);
        await expectRestorable(w.db);
      }),
      { numRuns: 150 },
    );
    expect(imported).toBeGreaterThan(5);
  });
});

type Row = Record<string, unknown>;
const keyOf = (table: string) => (table === 'events' ? 'key' : 'id');

/** A row as JSON, without what an import may rightly change: which link is primary, and an invite's link id. */
function comparable(table: string, row: Row): string {
  const { primary: _p, updatedAt: _u, ...link } = row;
  const { linkId: _l, ...invite } = row;
  return JSON.stringify(table === 'links' ? link : table === 'invites' ? invite : row);
}

/** The user already had the same thing under another id: the same link URL, or the same coupon. */
function hasTwin(table: string, row: Row, after: Record<string, Map<string, unknown>>): boolean {
  const rows = [...(after[table]?.values() ?? [])] as Row[];
  if (table === 'links') return rows.some((r) => r.programId === row.programId && r.url === row.url);
  if (table === 'coupons') return rows.some((r) => r.dedupeKey === row.dedupeKey);
  return false;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A feed page: not JSON, the wrong shape, or events with hostile fields (none naming one of the user's invites). */
const feedBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.json({ maxDepth: 3 }),
  pollutedObject.map((o) => JSON.stringify(o)),
  fc
    .record(
      {
        cursor: fc.oneof(hostileText, wrongType),
        events: fc.oneof(
          wrongType,
          fc.array(
            fc.oneof(
              wrongType,
              pollutedObject,
              fc.record(
                {
                  id: fc.oneof(hostileText, wrongType),
                  program: fc.oneof(fc.constantFrom('aliexpress', 'temu'), hostileText, pollutionKey),
                  invite: fc.oneof(
                    fc.record({
                      code: fc.oneof(hostileText, wrongType),
                      nickname: fc.oneof(markup, oddChars, wrongType),
                    }),
                    wrongType,
                  ),
                  type: fc.oneof(
                    fc.constantFrom('registered', 'first_purchase', 'coupon_issued', 'refunded'),
                    hostileText,
                  ),
                  at: fc.oneof(fc.constant('2026-11-24T12:00:00Z'), hostileText, wrongType),
                  coupon: fc.oneof(
                    fc.record({ title: hostileText, value: wrongType, currency: hostileText }),
                    wrongType,
                  ),
                },
                { requiredKeys: ['id', 'type'] },
              ),
            ),
            { maxLength: 8 },
          ),
        ),
      },
      { requiredKeys: ['events'] },
    )
    .map((page) => JSON.stringify(page)),
  longText.map((t) => JSON.stringify({ events: [], cursor: t })),
);

describe('hostile status feed pages', () => {
  it('are read through the real pull: refused with reasons, never touching the user’s links, invites or coupons', async () => {
    const added = await addFeed(w.db, 'https://feed.example.com/status.json', {
      now: Date.UTC(2026, 10, 25),
      newId: () => 'f',
    });
    if (!added.ok) throw new Error(added.message);
    await fc.assert(
      fc.asyncProperty(feedBody, async (body) => {
        const feed = await w.db.feeds.get(added.value.id);
        if (!feed) throw new Error('feed gone');
        const before = await snapshot(w.db);
        const fetchImpl = (async () => new Response(body, { status: 200 })) as typeof fetch;
        const result = await pullFeed(w.db, feed, fetchImpl, settings, {
          now: Date.UTC(2026, 10, 25, 13),
          newId: () => 'x',
        });
        expect(result.applied).toBe(0);
        const after = await snapshot(w.db);
        const { feeds: _before, ...userData } = before;
        const { feeds: _after, ...userDataAfter } = after;
        expectUnchanged(userData, userDataAfter);
        const health = after.feeds?.get(added.value.id) as { lastError?: string; rejected?: { reason: string }[] };
        // Why, in words: the page as a whole, or each refused update.
        const reasons = [health.lastError ?? '', ...(health.rejected ?? []).map((r) => r.reason)].filter(Boolean);
        if (result.rejected > 0 || health.lastError) expect(reasons.every((r) => r.trim().length > 5)).toBe(true);
        await expectNoPollution(w.db);
      }),
      { numRuns: 120 },
    );
  });
});

/** Feed events that do name one of the user's invites, carrying hostile text where a feed may put text. */
const matchingEvent = fc.record({
  id: fc.oneof(hostileText, fc.constant('evt-1')),
  target: fc.constantFrom(
    { program: 'aliexpress', invite: { nickname: 'سارة' } },
    { program: 'temu', invite: { code: 'AbC123xyz' } },
  ),
  type: fc.constantFrom('registered', 'first_purchase', 'coupon_issued'),
  nickname: fc.oneof(fc.constant(undefined), hostileText),
  coupon: fc.record({
    title: fc.oneof(hostileText, fc.constant('US $5 off')),
    value: fc.oneof(fc.constant(5), wrongType),
    currency: fc.oneof(fc.constant('USD'), hostileText),
    code: fc.oneof(fc.constant(undefined), hostileText, fc.constant('SAVE-5')),
  }),
});

describe('hostile status feed events that name the user’s invites', () => {
  it('apply with their text stored as sent, or are refused with a reason; links and programs never change', async () => {
    const feedUrl = 'https://feed.example.com/status.json';
    let applied = 0;
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(matchingEvent, async (e) => {
        // A fresh copy of the user's data each time: an applied event moves its invite on for good.
        const fresh = await world();
        const added = await addFeed(fresh.db, feedUrl, { now: Date.UTC(2026, 10, 25), newId: () => 'f' });
        if (!added.ok) throw new Error(added.message);
        const invite = e.nickname === undefined ? e.target.invite : { ...e.target.invite, nickname: e.nickname };
        const event = {
          id: e.id,
          program: e.target.program,
          invite,
          type: e.type,
          at: '2026-11-25T12:00:00Z',
          ...(e.type === 'coupon_issued' && { coupon: e.coupon }),
        };
        const body = JSON.stringify({ events: [event] });
        const before = await snapshot(fresh.db);
        const result = await pullFeed(
          fresh.db,
          added.value,
          (async () => new Response(body)) as typeof fetch,
          settings,
          {
            now: Date.UTC(2026, 10, 25, 13),
            newId: () => `feed-row-${++rows}`,
          },
        );
        const after = await snapshot(fresh.db);
        expectUnchanged({ links: before.links ?? new Map(), programs: before.programs ?? new Map() }, after);
        if (result.applied === 0) {
          // Refused: the user's data is as it was, and the feed says why.
          const { feeds: _b, ...userData } = before;
          const { feeds: _a, ...userDataAfter } = after;
          expectUnchanged(userData, userDataAfter);
          const health = after.feeds?.get(added.value.id) as { lastError?: string; rejected?: { reason: string }[] };
          const reasons = [health.lastError ?? '', ...(health.rejected ?? []).map((r) => r.reason)].filter(Boolean);
          expect(reasons.length).toBeGreaterThan(0);
          for (const reason of reasons) expect(reason.trim().length).toBeGreaterThan(5);
        } else {
          applied++;
          for (const [table, rows] of Object.entries(before))
            for (const key of rows.keys()) expect(after[table]?.has(key), `${table} ${key} kept`).toBe(true);
          if (e.type === 'coupon_issued') {
            const added = [...(after.coupons?.values() ?? [])].filter(
              (c) => !before.coupons?.has((c as Row).id as string),
            );
            expect(added).toHaveLength(1);
            // Stored as sent (trimmed), never rewritten or escaped.
            expect((added[0] as Row).title).toBe(e.coupon.title.trim());
          }
        }
        await expectNoPollution(fresh.db);
        await expectRestorable(fresh.db);
      }),
      { numRuns: 40 },
    );
    expect(applied).toBeGreaterThan(3);
  });
});

describe('hostile share templates and settings', () => {
  it('templates fill in verbatim: values inserted as text, never re-read, the rest of the template untouched', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText,
          fc
            .array(fc.oneof(hostileText, fc.constantFrom('{link}', '{nickname}', '{code}', '{perk}', '{program}')), {
              maxLength: 6,
            })
            .map((p) => p.join('')),
        ),
        fc.record({
          link: fc.oneof(hostileUrl, hostileText),
          nickname: hostileText,
          code: hostileText,
          perk: hostileText,
          program: hostileText,
        }),
        (template, vars) => {
          const out = renderShareText(template, vars);
          expect(typeof out).toBe('string');
          // No placeholder: the text comes back exactly as written.
          if (!/\{(link|code|program|perk|nickname)\}/.test(template)) expect(out).toBe(template);
          // One placeholder of a non-empty value: it appears, whole, as it was given.
          const only = /^[^{}]*\{nickname\}[^{}]*$/.test(template);
          if (only && vars.nickname.trim()) expect(out).toContain(vars.nickname);
          const budget = template.length + 5 * Object.values(vars).reduce((n, v) => n + v.length, 0);
          expect(out.length).toBeLessThanOrEqual(budget);
        },
      ),
      { numRuns: 120 },
    );
    expect(renderShareText('{nickname}: {link}', { link: 'L', nickname: '{link}', program: 'P', perk: '' })).toBe(
      '{link}: L',
    );
  });

  it('settings from a file or a page: checked field by field, prototype keys refused, nothing polluted', async () => {
    const settingsValue = fc.oneof(
      wrongType,
      hugeValue,
      fc
        .record(
          {
            templates: fc.oneof(
              pollutedObject,
              fc.dictionary(
                fc.oneof(pollutionKey, fc.constantFrom('aliexpress', 'temu')),
                fc.dictionary(fc.oneof(pollutionKey, fc.constantFrom('en', 'es')), fc.oneof(hostileText, wrongType)),
              ),
            ),
            mutedSites: fc.oneof(fc.array(fc.oneof(hostileText, hostileUrl), { maxLength: 3 }), wrongType),
            language: fc.oneof(hostileText, fc.constant('es')),
          },
          { requiredKeys: [] },
        )
        .map((patch) => ({ ...DEFAULT_APP_SETTINGS, ...patch })),
    );
    await fc.assert(
      fc.asyncProperty(settingsValue, async (value) => {
        const checked = settingsCheck(value, 'settings');
        if (!checked.ok) expect(checked.message.length).toBeGreaterThan(5);
        else {
          for (const [program, byLocale] of Object.entries(checked.value.templates)) {
            expect(['aliexpress', 'temu', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__']).toContain(
              program,
            );
            expect(Object.getPrototypeOf(byLocale)).toBe(Object.prototype);
          }
        }
        await expectNoPollution(w.db);
      }),
      { numRuns: 80 },
    );
  });
});
