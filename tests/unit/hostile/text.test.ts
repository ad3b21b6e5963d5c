/**
 * The user's own words at every door that takes them: link labels and notes (new and edited), invite nicknames,
 * coupon titles, custom program names and perks. Same outcome rules as messages.test.ts; here each case puts one
 * hostile text in one field of an otherwise valid command, so every field's own check is reached, and what is
 * accepted must be stored exactly as typed (surrounding spaces trimmed): text is data, escaping is the renderer's
 * job. Each case starts from the same database. Cases: 200 generated + 16 at the fields' limits.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL } from '@/lib/messaging/protocol';
import { hostileText } from './arbitraries';
import {
  expectNoPollution,
  expectReply,
  expectRestorable,
  expectUnchanged,
  snapshot,
  type World,
  world,
} from './world';

/** A new AliExpress short link each time (the same link twice is answered with the first). */
let links = 0;
const freshLink = () => `https://a.aliexpress.com/_${(++links).toString(36).padStart(6, 'Q')}`;
const CORNER = { shoppingHosts: ['corner.example.net'], linkPattern: 'https://corner.example.net/i/{code}' };

interface Door {
  command: string;
  data: (text: string) => Record<string, unknown>;
  /** Where the text is stored, and what the field holds when the text is only spaces (undefined: absent). */
  table: string;
  field: string;
  whenBlank?: (row: Record<string, unknown>) => unknown;
  /** The row the command edits, when it edits one rather than adding one. */
  edits?: string;
}

/** Every field that stores text the user typed, in a command otherwise valid. */
const DOORS: Door[] = [
  {
    command: 'saveLink',
    data: (label) => ({ input: freshLink(), label }),
    table: 'links',
    field: 'label',
    whenBlank: () => 'My link',
  },
  { command: 'saveLink', data: (notes) => ({ input: freshLink(), notes }), table: 'links', field: 'notes' },
  { command: 'updateLink', data: (label) => ({ id: 'id-2', label }), table: 'links', field: 'label', edits: 'id-2' },
  { command: 'updateLink', data: (notes) => ({ id: 'id-2', notes }), table: 'links', field: 'notes', edits: 'id-2' },
  {
    command: 'recordShare',
    data: (nickname) => ({ linkId: 'id-1', channel: 'sms', nickname }),
    table: 'invites',
    field: 'nickname',
  },
  {
    command: 'addCoupons',
    data: (title) => ({ programId: 'aliexpress', coupons: [{ title, value: 2, currency: 'USD' }] }),
    table: 'coupons',
    field: 'title',
  },
  {
    command: 'saveCustomProgram',
    data: (name) => ({ name, ...CORNER, rewardDelayHours: 24 }),
    table: 'programs',
    field: 'name',
  },
  {
    command: 'saveCustomProgram',
    data: (perkText) => ({ name: 'Corner Shop', ...CORNER, rewardDelayHours: 24, perkText }),
    table: 'programs',
    field: 'perkText',
  },
];

/** Most characters each field takes, as the engine counts them (code points) or the message shape does (units / 2). */
const LIMIT: Record<string, number> = { label: 40, notes: 250, nickname: 40, title: 120, name: 60, perkText: 100 };

let w: World;
beforeAll(async () => {
  w = await world();
});

describe('hostile text in every field the user types', () => {
  it('is refused with a reason and changes nothing, or is stored exactly as typed', async () => {
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DOORS), hostileText, async (door, text) => {
        await w.reset();
        const before = await snapshot(w.db);
        const reply = await w.send({ channel: CHANNEL, command: door.command, data: door.data(text) });
        expectReply(reply);
        const after = await snapshot(w.db);
        if (!reply.ok) {
          expect(reply.error.code).not.toBe('internal');
          outcomes.refused++;
          expectUnchanged(before, after);
        } else {
          outcomes.stored++;
          const value = reply.value as { id?: string; added?: { id: string }[] };
          const id = door.edits ?? value.id ?? value.added?.[0]?.id ?? '';
          const row = after[door.table]?.get(id) as Record<string, unknown> | undefined;
          expect(row, `${door.command} stored no ${door.table} row`).toBeDefined();
          const expected = text.trim() === '' ? door.whenBlank?.(row ?? {}) : text.trim();
          expect(row?.[door.field]).toBe(expected);
          // Nothing else changed: no row lost, and no row the command was not about.
          for (const [table, rows] of Object.entries(before)) {
            for (const [key, old] of rows) if (key !== door.edits) expect(after[table]?.get(key)).toEqual(old);
          }
          await expectRestorable(w.db);
        }
        await expectNoPollution(w.db);
      }),
      {
        numRuns: 200,
        // And each field at its limit in characters outside the BMP (two UTF-16 units each), and one past it: the
        // engine counts characters, messages and backups count units, and what is stored must come back from a backup.
        examples: DOORS.flatMap((door) =>
          [LIMIT[door.field] ?? 0, (LIMIT[door.field] ?? 0) + 1].map((n) => [door, '🎁'.repeat(n)] as [Door, string]),
        ),
      },
    );
    expect(outcomes.stored).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
  });
});
