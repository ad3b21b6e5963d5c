import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROGRAMS } from '@/lib/referral/programs/index';
import { chooseProgram } from '@/lib/share/chooseProgram';

const programs = BUILT_IN_PROGRAMS;
const none = new Set<string>();

describe('chooseProgram', () => {
  it('prefers the program of the current site', () => {
    expect(chooseProgram({ programs, tabProgramId: 'temu', lastProgramId: 'aliexpress', linkedProgramIds: none })).toBe(
      'temu',
    );
  });

  it('then the program used last', () => {
    expect(chooseProgram({ programs, lastProgramId: 'temu', linkedProgramIds: new Set(['aliexpress']) })).toBe('temu');
  });

  it('skips a remembered program that no longer exists', () => {
    expect(chooseProgram({ programs, lastProgramId: 'custom:gone', linkedProgramIds: new Set(['temu']) })).toBe('temu');
  });

  it('then the first program (in list order) that has a link', () => {
    expect(chooseProgram({ programs, linkedProgramIds: new Set(['temu']) })).toBe('temu');
    expect(chooseProgram({ programs, linkedProgramIds: new Set(['temu', 'aliexpress']) })).toBe('aliexpress');
  });

  it('else AliExpress', () => {
    expect(chooseProgram({ programs, linkedProgramIds: none })).toBe('aliexpress');
  });
});
