import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { validateBackup } from '@/lib/backup/validate';
import { saveCustomProgram } from '@/lib/db/programs';
import { capStatus } from '@/lib/referral/cap';
import { customProgram } from '@/lib/referral/programs/custom';
import { validateCustomProgram } from '@/lib/referral/programs/customCheck';
import { validBackup } from '../backup/fixture';
import { freshDb, testCtx } from '../db/testDb';

const FORM = {
  name: 'Shoply',
  shoppingHosts: ['shop.example.com'],
  linkPattern: 'https://shop.example.com/invite/{code}',
  rewardDelayHours: 48,
};

describe("a custom program's monthly cap", () => {
  it.each([1, 5, 1000])('accepts %d and makes it the program rule the cap check reads', (cap) => {
    const v = validateCustomProgram({ ...FORM, monthlyCap: cap }, 1);
    expect(v).toMatchObject({ ok: true, program: { monthlyCap: cap } });
    if (!v.ok) return;
    const program = customProgram(v.program);
    expect(program.rules.monthlyCap).toBe(cap);
    expect(capStatus(program, [], 1, 'UTC')).toEqual({ used: 0, limit: cap, reached: false });
  });

  it('is optional: without it the program has no cap', () => {
    const v = validateCustomProgram(FORM, 1);
    expect(v.ok && v.program).not.toHaveProperty('monthlyCap');
    expect(v.ok && customProgram(v.program).rules.monthlyCap).toBeUndefined();
  });

  it.each([0, -1, 1.5, 1001, Number.NaN, '5', true])('refuses %j with a reason', (cap) => {
    expect(validateCustomProgram({ ...FORM, monthlyCap: cap }, 1)).toEqual({
      ok: false,
      message: 'The monthly cap must be a whole number of rewarded invites from 1 to 1000.',
    });
  });

  it('is saved by the background and kept in backups; a bad one in a backup is refused', async () => {
    const db = freshDb();
    expect(await saveCustomProgram(db, { ...FORM, monthlyCap: 3 }, testCtx())).toMatchObject({
      ok: true,
      value: { monthlyCap: 3 },
    });
    const b = await validBackup();
    const program = b.data.programs[0] as unknown as Record<string, unknown>;
    program.monthlyCap = 3;
    expect(validateBackup(b)).toMatchObject({ ok: true });
    program.monthlyCap = 0;
    expect(validateBackup(b)).toMatchObject({ ok: false });
  });
});
