import { describe, expect, it } from 'vitest';
import { MAX_MUTED_SITES, MAX_TEMPLATE } from '@/lib/backup/settingsCheck';
import { fitWrites, itemSize } from '@/lib/browserSync/fit';
import { reconcile } from '@/lib/browserSync/reconcile';
import { type SyncedState, toFields } from '@/lib/browserSync/state';
import type { CustomProgramData, ReferralLink } from '@/lib/referral/types';
import { DEFAULT_APP_SETTINGS } from '@/lib/settings';

/**
 * storage.sync gives an extension 102,400 bytes, 8,192 per item and 512 items. What does the most the UI allows
 * come to, and what happens to what does not fit? The limits below are the UI's own (lib/db/links.ts: 50 links per
 * program, label 80 and notes 500 characters; lib/referral/programs/customCheck.ts: name 60, perk 200, 20 hosts,
 * 6 steps of 120; templates 1,000 characters per language; 500 muted sites), filled with non-ASCII text where a
 * user could type it (Chrome counts UTF-8 bytes).
 */
const NOW = Date.UTC(2026, 11, 4);
const text = (n: number, seed: string) => `${seed} ${'ñandú 与 café '.repeat(n)}`.slice(0, n);

interface Size {
  programs: number;
  hosts: number;
  steps: number;
  perk: number;
  linksPerProgram: number;
  label: number;
  notes: number;
  /** Templates in 3 languages, for this many programs (built-ins first), of this many characters. */
  templated: number;
  templates: number;
  muted: number;
}

function program(i: number, size: Size): CustomProgramData {
  const site = `store-${String(i).padStart(2, '0')}-with-a-long-name.example.com`;
  return {
    id: `custom:store-${i}`,
    name: text(60, `Store ${i}`),
    shoppingHosts: Array.from({ length: size.hosts }, (_, h) => `shop${h}.${site}`),
    linkPattern: `https://www.${site}/invite/{code}`,
    rewardDelayHours: 2160,
    perkText: text(size.perk, 'Perk'),
    monthlyCap: 1000,
    friendSteps: Array.from({ length: size.steps }, (_, s) => text(120, `Step ${s}`)),
    createdAt: NOW,
  };
}

function link(programId: string, i: number, size: Size): ReferralLink {
  return {
    id: crypto.randomUUID(),
    programId,
    url: `https://s.click.aliexpress.com/e/_Dk${String(i).padStart(5, '0')}`,
    code: `_Dk${i}`,
    label: text(size.label, `Link ${i}`),
    ...(size.notes ? { notes: text(size.notes, 'Notes') } : {}),
    primary: i === 0 ? 1 : 0,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

function state(size: Size): SyncedState {
  const programs = Array.from({ length: size.programs }, (_, i) => program(i, size));
  const ids = ['aliexpress', 'temu', ...programs.map((p) => p.id)];
  return {
    programs,
    links: ids.slice(0, 2).flatMap((id) => Array.from({ length: size.linksPerProgram }, (_, i) => link(id, i, size))),
    settings: {
      ...DEFAULT_APP_SETTINGS,
      mutedSites: Array.from({ length: size.muted }, (_, i) => `site-${i}.example-shop.com`),
      templates: Object.fromEntries(
        ids
          .slice(0, size.templated)
          .map((id) => [
            id,
            Object.fromEntries(['en', 'es', 'pt'].map((l) => [l, text(size.templates, `{link} ${l}`)])),
          ]),
      ),
    },
  };
}

/** The UI's limits (see above). */
const MAX: Size = {
  programs: 20,
  hosts: 20,
  steps: 6,
  perk: 200,
  linksPerProgram: 50,
  label: 80,
  notes: 500,
  templated: 22,
  templates: MAX_TEMPLATE,
  muted: MAX_MUTED_SITES,
};

/** The first meeting of a device holding `s` with an empty storage.sync: what it writes, and what does not fit. */
function firstWrite(s: SyncedState) {
  const r = reconcile({
    shadow: {},
    local: toFields(s),
    remote: {},
    clock: { t: 0, c: 0 },
    device: 'dev12345',
    now: NOW,
    refuse: () => undefined,
    ready: () => true,
  });
  return { all: r.set, ...fitWrites(r.set, {}) };
}

describe('browser sync within storage.sync quotas', () => {
  it('a heavy user fits whole: 100 links with 100-character notes, 10 custom programs, share texts in 3 languages for 4 programs, 100 muted sites', () => {
    const heavy: Size = {
      programs: 10,
      hosts: 3,
      steps: 3,
      perk: 100,
      linksPerProgram: 50,
      label: 30,
      notes: 100,
      templated: 4,
      templates: 400,
      muted: 100,
    };
    const { set, notFitting, total } = firstWrite(state(heavy));
    expect(notFitting).toEqual([]);
    expect(total).toBeLessThanOrEqual(102_400);
    expect(Object.keys(set).length).toBe(100 + 10 + 4 + 1 + 4);
    console.info(`browser sync budget, heavy user: ${total.toLocaleString('en')} of 102,400 bytes`);
    for (const [key, value] of Object.entries(set)) expect(itemSize(key, value)).toBeLessThanOrEqual(8192);
  });

  it('the most the UI allows does not fit: what goes is within every quota, in order (settings, programs, primary links, share texts, other links), and the rest is named', () => {
    const max = state(MAX);
    const { all, set, notFitting, total } = firstWrite(max);
    const wanted = Object.entries(all).reduce((sum, [k, v]) => sum + itemSize(k, v), 0);
    expect(wanted).toBeGreaterThan(102_400);
    expect(total).toBeLessThanOrEqual(102_400);
    expect(Object.keys(set).length).toBeLessThanOrEqual(512);
    for (const [key, value] of Object.entries(set)) expect(itemSize(key, value)).toBeLessThanOrEqual(8192);
    // Nothing is lost from view: every record either went or is named with its reason.
    expect(new Set([...Object.keys(set), ...notFitting.map((n) => n.key)])).toEqual(new Set(Object.keys(all)));
    // Every muted site (500, in four items), the settings, the 20 programs and both primary links went.
    for (const key of ['s', 'm0', 'm1', 'm2', 'm3']) expect(set).toHaveProperty([key]);
    expect(Object.keys(set).filter((k) => k.startsWith('p:'))).toHaveLength(20);
    const primaries = max.links.filter((l) => l.primary === 1).map((l) => `l:${l.id}`);
    for (const key of primaries) expect(set).toHaveProperty([key]);
    expect(notFitting.every((n) => n.reason === 'quota_bytes')).toBe(true);
    console.info(
      `browser sync budget at the UI's maximum: ${wanted.toLocaleString('en')} bytes wanted, ${total.toLocaleString('en')} written in ${Object.keys(set).length} items, ${notFitting.length} named as not fitting`,
    );
  });

  it('one record larger than an item (8,192 bytes) is named, and does not stop the others', () => {
    const s = state({ ...MAX, programs: 0, linksPerProgram: 2, notes: 100, templated: 0, muted: 0 });
    s.settings.templates = { aliexpress: { en: 'x'.repeat(3000), es: 'ñ'.repeat(1500), pt: '与'.repeat(1000) } };
    const { set, notFitting } = firstWrite(s);
    expect(notFitting).toEqual([{ key: 't:aliexpress', reason: 'item_too_large' }]);
    expect(Object.keys(set).filter((k) => k.startsWith('l:'))).toHaveLength(4);
  });
});
