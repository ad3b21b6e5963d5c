import { beforeAll, describe, expect, it } from 'vitest';
import { type BackupFile, backupFileName, MAX_BACKUP_BYTES } from '@/lib/backup/format';
import type { BackupRefusal } from '@/lib/backup/refusal';
import { parseBackupText, validateBackup } from '@/lib/backup/validate';
import type { Coupon } from '@/lib/referral/types';
import { validBackup } from './fixture';

let good: BackupFile;
beforeAll(async () => {
  good = await validBackup();
});

/** A deep copy of the valid backup, damaged by `edit`. */
function damaged(edit: (b: BackupFile & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(good) as BackupFile & Record<string, unknown>;
  edit(copy);
  return copy;
}

/** Loose access for writing wrong types into a backup. */
const loose = (x: object) => x as Record<string, unknown>;
/** Loose access for writing wrong types into rows. */
const row = (list: unknown[], i = 0) => list[i] as Record<string, unknown>;

describe('validateBackup', () => {
  it('accepts a real export and returns it unchanged', () => {
    const r = validateBackup(structuredClone(good));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.backup).toEqual(good);
    expect(good.counts).toEqual({ links: 4, programs: 1, invites: 3, events: 3, coupons: 2 });
  });

  it('accepts an empty backup', () => {
    const empty = damaged((b) => {
      b.data = { links: [], programs: [], invites: [], events: [], coupons: [] };
      b.counts = { links: 0, programs: 0, invites: 0, events: 0, coupons: 0 };
    });
    expect(validateBackup(empty)).toMatchObject({ ok: true });
  });

  it.each<[string, () => unknown, BackupRefusal, RegExp?]>([
    ['null', () => null, 'not_object'],
    ['an array', () => [good], 'not_object'],
    ['a string', () => 'refshare-backup', 'not_object'],
    ['another app’s JSON', () => ({ version: 1, items: [] }), 'foreign', /missing/],
    ['a different format name', () => damaged((b) => (loose(b).format = 'other-backup')), 'foreign', /other-backup/],
    ['a newer version', () => damaged((b) => (loose(b).version = 2)), 'unsupported_version', /version 2/],
    ['a version as text', () => damaged((b) => (loose(b).version = '1')), 'unsupported_version'],
    ['no data', () => damaged((b) => delete (b as Partial<BackupFile>).data), 'invalid_field', /^data/],
    ['a table that is not a list', () => damaged((b) => (loose(b.data).links = {})), 'invalid_field', /data\.links/],
    [
      'a missing table',
      () => damaged((b) => delete (b.data as Partial<BackupFile['data']>).coupons),
      'invalid_field',
      /data\.coupons/,
    ],
    ['an extra table', () => damaged((b) => (loose(b.data).outbox = [])), 'invalid_field', /data\.outbox/],
    ['an extra top-level field', () => damaged((b) => (b.admin = true)), 'invalid_field', /admin/],
    ['a bad export time', () => damaged((b) => (loose(b).exportedAt = 'yesterday')), 'invalid_field', /exportedAt/],
    ['counts that do not match', () => damaged((b) => (b.counts.invites = 2)), 'counts_mismatch', /invites/],
    ['a row cut from a table', () => damaged((b) => b.data.events.pop()), 'counts_mismatch', /events/],
    ['negative counts', () => damaged((b) => (b.counts.links = -1)), 'invalid_field', /counts\.links/],
    [
      'an own __proto__ key',
      () => JSON.parse(JSON.stringify(good).replace('"links":[{', '"links":[{"__proto__":{"x":1},')),
      'forbidden_key',
      /__proto__/,
    ],
    [
      'a constructor key in templates',
      () => damaged((b) => (b.settings.templates = JSON.parse('{"constructor":{"en":"{link}"}}'))),
      'forbidden_key',
      /constructor/,
    ],
    [
      'a toString key in a row',
      () => damaged((b) => Object.assign(row(b.data.links), { toString: 'x' })),
      'forbidden_key',
      /toString/,
    ],
    [
      'deep nesting',
      () => damaged((b) => (row(b.data.invites).milestones = JSON.parse(`${'['.repeat(50)}${']'.repeat(50)}`))),
      'too_deep',
    ],
    ['an empty id', () => damaged((b) => (row(b.data.links).id = '')), 'invalid_field', /data\.links\[0\]\.id/],
    [
      'an over-long id',
      () => damaged((b) => (row(b.data.invites).id = 'x'.repeat(101))),
      'invalid_field',
      /data\.invites\[0\]\.id/,
    ],
    ['a numeric id', () => damaged((b) => (row(b.data.coupons).id = 7)), 'invalid_field', /data\.coupons\[0\]\.id/],
    ['an unknown status', () => damaged((b) => (row(b.data.invites).status = 'paid')), 'invalid_field', /status/],
    ['an unknown channel', () => damaged((b) => (row(b.data.invites).channel = 'pigeon')), 'invalid_field', /channel/],
    [
      'an unknown evidence status',
      () => damaged((b) => ((b.data.invites[0]?.evidence[0] as unknown as Record<string, unknown>).status = 'shared')),
      'invalid_field',
      /evidence\[0\]\.status/,
    ],
    [
      'a time as text',
      () => damaged((b) => (row(b.data.invites).sharedAt = '2026-11-24')),
      'invalid_field',
      /sharedAt/,
    ],
    [
      'a time as null (NaN in JSON)',
      () => damaged((b) => (row(b.data.events).at = null)),
      'invalid_field',
      /data\.events\[0\]\.at/,
    ],
    [
      'an unknown milestone',
      () => damaged((b) => (row(b.data.invites).milestones = { paid: 1 })),
      'invalid_field',
      /milestones\.paid/,
    ],
    [
      'an extra field in a row',
      () => damaged((b) => (row(b.data.coupons).html = '<b>')),
      'invalid_field',
      /coupons\[0\]\.html/,
    ],
    ['primary as true', () => damaged((b) => (row(b.data.links).primary = true)), 'invalid_field', /primary/],
    [
      'a contact detail as nickname',
      () => damaged((b) => (row(b.data.invites).nickname = 'ana@example.com')),
      'invalid_field',
      /nickname/,
    ],
    [
      'a coupon with an invalid currency',
      () => damaged((b) => (row(b.data.coupons).currency = 'XYZ')),
      'invalid_field',
      /currency/,
    ],
    [
      'a coupon worth Infinity (1e400)',
      () => JSON.parse(JSON.stringify(good).replace('"value":3,', '"value":1e400,')),
      'invalid_field',
      /value/,
    ],
    [
      'a custom program with a bad pattern',
      () => damaged((b) => (row(b.data.programs).linkPattern = 'http://shop.example.com/{code}')),
      'invalid_field',
      /https/,
    ],
    [
      'a custom program id that is not custom:',
      () => damaged((b) => (row(b.data.programs).id = 'aliexpress')),
      'invalid_field',
      /programs\[0\]\.id/,
    ],
    [
      'a duplicate invite id',
      () =>
        damaged((b) => {
          b.data.invites.push(structuredClone(b.data.invites[0] as never));
          b.counts.invites++;
        }),
      'duplicate',
      /invites\[3\]\.id/,
    ],
    [
      'the same coupon twice',
      () =>
        damaged((b) => {
          b.data.coupons.push({ ...(b.data.coupons[0] as Coupon), id: 'other' });
          b.counts.coupons++;
        }),
      'duplicate',
      /coupons\[2\]/,
    ],
    [
      'two primary links of one program',
      () => damaged((b) => (row(b.data.links, 1).primary = 1)),
      'duplicate',
      /primary/,
    ],
    [
      'a link URL moved to another host',
      () => damaged((b) => (row(b.data.links).url = 'https://evil.example.com/_mKXyZab')),
      'invalid_link',
      /evil\.example\.com/,
    ],
    [
      'a javascript: link',
      () => damaged((b) => (row(b.data.links).url = 'javascript:alert(1)')),
      'invalid_link',
      /data\.links\[0\]\.url/,
    ],
    [
      'a link filed under another program',
      () => damaged((b) => (row(b.data.links).programId = 'temu')),
      'invalid_link',
      /links\[0\]/,
    ],
    [
      'a link whose code was edited',
      () => damaged((b) => (row(b.data.links, 1).code = 'INZZZZ99')),
      'invalid_link',
      /code/,
    ],
    [
      'a link of a program missing from the backup',
      () =>
        damaged((b) => {
          b.data.programs = [];
          b.counts.programs = 0;
        }),
      'invalid_link',
      /links\[3\]/,
    ],
    [
      'settings missing',
      () => damaged((b) => delete (b as Partial<BackupFile>).settings),
      'invalid_field',
      /^settings/,
    ],
    [
      'a template without {link}',
      () => damaged((b) => (b.settings.templates = { aliexpress: { en: 'Join me!' } })),
      'invalid_field',
      /\{link\}/,
    ],
    [
      'a template for an unknown language',
      () => damaged((b) => (b.settings.templates = JSON.parse('{"aliexpress":{"de":"{link}"}}'))),
      'invalid_field',
      /de/,
    ],
    [
      'quiet hours that are not times',
      () => damaged((b) => (b.settings.quietHours = { start: '25:00', end: '07:00' })),
      'invalid_field',
      /quietHours\.start/,
    ],
    [
      'a muted site that is a URL',
      () => damaged((b) => (b.settings.mutedSites = ['https://x.example.com/'])),
      'invalid_field',
      /mutedSites\[0\]/,
    ],
    [
      'follow-up days out of range',
      () => damaged((b) => (b.settings.followUpDays = 61)),
      'invalid_field',
      /followUpDays/,
    ],
    [
      'fractional expiring days',
      () => damaged((b) => (b.settings.couponExpiringDays = 2.5)),
      'invalid_field',
      /couponExpiringDays/,
    ],
    ['an unknown language', () => damaged((b) => (loose(b.settings).language = 'de')), 'invalid_field', /language/],
  ])('refuses %s with its reason', (_name, input, reason, detail) => {
    const r = validateBackup(input());
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok && detail) expect(r.detail).toMatch(detail);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });

  it('refuses more than a million rows before looking at any of them', () => {
    const many = new Array(1_000_001).fill(0);
    const r = validateBackup({ ...structuredClone(good), data: { ...good.data, events: many } });
    expect(r).toMatchObject({ ok: false, reason: 'too_many_rows' });
  });

  it('refuses values that are not plain data (class instances from a forged message)', () => {
    const r = validateBackup(damaged((b) => (row(b.data.links).createdAt = new Date() as never)));
    expect(r).toMatchObject({ ok: false, reason: 'not_object' });
  });
});

describe('parseBackupText', () => {
  it('reads a valid file', async () => {
    expect(parseBackupText(JSON.stringify(good))).toMatchObject({ ok: true });
  });

  it.each<[string, string, BackupRefusal]>([
    ['truncated JSON', '{"format":"refshare-backup","version":1,"data":{"links":[{"id":"a"', 'not_json'],
    ['an empty file', '', 'not_json'],
    ['a CSV file', 'id,url\n1,https://a.aliexpress.com/_x', 'not_json'],
    ['JSON null', 'null', 'not_object'],
  ])('refuses %s', (_name, text, reason) => {
    expect(parseBackupText(text)).toMatchObject({ ok: false, reason });
  });

  it('refuses a file over the size limit without parsing it', () => {
    expect(parseBackupText(' '.repeat(MAX_BACKUP_BYTES + 1))).toMatchObject({ ok: false, reason: 'too_large' });
  });
});

describe('backupFileName', () => {
  it('is dated with the local day', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59))).toBe('refshare-backup-2026-01-05.json');
  });
});
