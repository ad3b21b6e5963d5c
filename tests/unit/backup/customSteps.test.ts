import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BackupFile } from '@/lib/backup/format';
import { validateBackup } from '@/lib/backup/validate';
import { deleteAllData, importBackup } from '@/lib/db/backup';
import { saveCustomProgram } from '@/lib/db/programs';
import { PROTOCOL } from '@/lib/messaging/protocol';
import { freshDb, testCtx } from '../db/testDb';
import { exportText, validBackup } from './fixture';

const STEPS = ['Sign up through this link', 'Pay for a first order and keep it'];
const parse = (text: string) => JSON.parse(text) as BackupFile;
const FORM = {
  name: 'Shoply',
  shoppingHosts: ['shop.example.com'],
  linkPattern: 'https://shop.example.com/invite/{code}',
  rewardDelayHours: 48,
};

/** A valid backup whose custom program carries `steps` (or loses the field when `steps` is undefined). */
async function backupWithSteps(steps: unknown): Promise<unknown> {
  const b = await validBackup();
  const program = b.data.programs[0] as unknown as Record<string, unknown>;
  if (steps === undefined) delete program.friendSteps;
  else program.friendSteps = steps;
  return b;
}

describe("custom programs' friend steps in backups", () => {
  it('are exported and imported back with the program', async () => {
    const db = freshDb();
    const ctx = testCtx();
    const saved = await saveCustomProgram(db, { ...FORM, friendSteps: STEPS }, ctx);
    expect(saved).toMatchObject({ ok: true, value: { friendSteps: STEPS } });
    const text = await exportText(db);
    expect(parse(text).data.programs[0]?.friendSteps).toEqual(STEPS);
    expect((await deleteAllData(db)).ok).toBe(true);
    expect((await importBackup(db, parse(text), ctx)).ok).toBe(true);
    expect((await db.programs.toArray())[0]?.friendSteps).toEqual(STEPS);
    expect(await exportText(db)).toBe(text);
  });

  it('are optional: a backup written before them still imports', async () => {
    const old = await backupWithSteps(undefined);
    expect(validateBackup(old)).toMatchObject({ ok: true });
    const db = freshDb();
    expect((await importBackup(db, old, testCtx())).ok).toBe(true);
    expect((await db.programs.toArray())[0]).not.toHaveProperty('friendSteps');
  });

  it('accepts six steps of 120 characters, emoji counted as one', async () => {
    expect(validateBackup(await backupWithSteps(['🎁'.repeat(120), ...Array(5).fill('a'.repeat(120))]))).toMatchObject({
      ok: true,
    });
  });

  it.each<[string, unknown]>([
    ['seven steps', Array.from({ length: 7 }, (_, i) => `Step ${i + 1}`)],
    ['a step of 121 characters', ['a'.repeat(121)]],
    ['an empty step', ['']],
    ['spaces around a step', ['Sign up ']],
    ['a line break in a step', ['Sign up\nPay']],
    ['an invisible character', ['Sign\u200B up']],
    ['a number', [42]],
    ['text instead of a list', 'Sign up'],
  ])('refuse %s, and the import changes nothing', async (_label, steps) => {
    const bad = await backupWithSteps(steps);
    const r = validateBackup(bad);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_field' });
    if (!r.ok) expect(r.message).toMatch(/programs\[0\]|friendSteps|steps for your friend/);
    const db = freshDb();
    expect((await importBackup(db, bad, testCtx())).ok).toBe(false);
    expect(await db.programs.count()).toBe(0);
  });
});

describe('the saveCustomProgram command', () => {
  const check = PROTOCOL.saveCustomProgram.data;

  it('carries the steps, and still accepts a form without them', () => {
    expect(check({ ...FORM, friendSteps: STEPS }, 'data')).toEqual({
      ok: true,
      value: { ...FORM, friendSteps: STEPS },
    });
    expect(check(FORM, 'data')).toEqual({ ok: true, value: FORM });
  });

  it('refuses more than six steps or steps that are not text before the engine sees them', () => {
    expect(check({ ...FORM, friendSteps: Array(7).fill('Step') }, 'data').ok).toBe(false);
    expect(check({ ...FORM, friendSteps: [1] }, 'data').ok).toBe(false);
  });

  it('leaves the content rules to the engine: untrimmed steps are refused by the repository', async () => {
    const r = await saveCustomProgram(freshDb(), { ...FORM, friendSteps: [' Sign up'] }, testCtx());
    expect(r).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: expect.stringMatching(/^The steps for your friend/),
    });
  });
});
