import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clock } from '@/lib/browserSync/clock';
import { type Fields, reconcile } from '@/lib/browserSync/reconcile';
import type { SyncRecord } from '@/lib/browserSync/records';

/**
 * Three browsers, each with its own local records and memory (shadow, clock), and one shared fake storage.sync.
 * The network delivers badly: a device may meet storage.sync through a stale copy (a change event that arrived
 * late, or out of order), meet it twice (a duplicated event), not at all (a dropped event), or have its write
 * refused (quota, rate: nothing is written, local data stays). fast-check interleaves edits on every device with
 * those meetings; then the network heals and every device meets storage.sync a few times.
 */
interface Device {
  id: string;
  skew: number;
  local: Record<string, Fields>;
  shadow: Record<string, SyncRecord>;
  clock: Clock;
}

type Op =
  | { kind: 'edit'; device: number; key: number; field: number; value: number }
  | { kind: 'delete'; device: number; key: number }
  | { kind: 'meet'; device: number; stale: boolean; writeFails: boolean; twice: boolean }
  | { kind: 'barrier' }
  | { kind: 'wait'; ms: number };

const KEYS = ['p:custom:shop', 'l:a', 'l:b', 'l:c', 's', 't:aliexpress'];
const FIELDS = ['label', 'notes', 'primary'];

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      device: fc.nat(2),
      key: fc.nat(KEYS.length - 1),
      field: fc.nat(FIELDS.length - 1),
      value: fc.nat(1_000_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), device: fc.nat(2), key: fc.nat(KEYS.length - 1) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('meet' as const),
      device: fc.nat(2),
      stale: fc.boolean(),
      writeFails: fc.boolean(),
      twice: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'barrier' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(90_000) }) },
);

function simulate(ops: Op[], skews: number[]) {
  let now = Date.UTC(2026, 11, 3);
  let remote: Record<string, unknown> = {};
  const snapshots: Record<string, unknown>[] = [{}];
  const devices: Device[] = skews.map((skew, i) => ({
    id: `dev${i}`,
    skew,
    local: {},
    shadow: {},
    clock: { t: 0, c: 0 },
  }));
  const deleted = new Set<string>();
  // Per key and field, the values each device last wrote since the last barrier.
  let lastWrites = new Map<string, Map<string, number>>();

  const meet = (d: Device, view: Record<string, unknown>, writeFails: boolean) => {
    const r = reconcile({
      shadow: d.shadow,
      local: d.local,
      remote: structuredClone(view),
      clock: d.clock,
      device: d.id,
      now: now + d.skew,
      refuse: () => undefined,
      ready: () => true,
    });
    if (writeFails) return; // storage.sync refused the write: nothing changed anywhere, the next meeting retries
    d.shadow = r.shadow;
    d.clock = r.clock;
    for (const key of r.drop) delete d.local[key];
    for (const [key, fields] of Object.entries(r.put)) d.local[key] = fields;
    remote = { ...remote, ...structuredClone(r.set) };
    for (const key of r.remove) delete remote[key];
    snapshots.push(structuredClone(remote));
  };

  for (const o of ops) {
    now += 1000;
    if (o.kind === 'wait') now += o.ms;
    else if (o.kind === 'edit') {
      const d = devices[o.device] as Device;
      const key = KEYS[o.key] as string;
      const field = FIELDS[o.field] as string;
      if (deleted.has(key)) continue; // ids are never reused: a deleted record is not edited again
      d.local[key] = { ...d.local[key], [field]: o.value };
      const k = `${key} ${field}`;
      if (!lastWrites.has(k)) lastWrites.set(k, new Map());
      lastWrites.get(k)?.set(d.id, o.value);
    } else if (o.kind === 'delete') {
      const d = devices[o.device] as Device;
      const key = KEYS[o.key] as string;
      if (!d.local[key]) continue;
      delete d.local[key];
      // A record this device never synced was never anyone else's: the others' records of that key (a custom
      // program's slug chosen on two devices) are theirs, and stay. Its own writes go with it.
      if (d.shadow[key]) deleted.add(key);
      for (const [k, writers] of lastWrites) if (k.startsWith(`${key} `)) writers.delete(d.id);
    } else if (o.kind === 'meet') {
      const d = devices[o.device] as Device;
      const view = o.stale ? (snapshots[Math.max(0, snapshots.length - 3)] as Record<string, unknown>) : remote;
      meet(d, view, o.writeFails);
      if (o.twice) meet(d, remote, false);
    } else {
      for (let round = 0; round < 3; round++) for (const d of devices) meet(d, remote, false);
      lastWrites = new Map();
    }
  }
  for (let round = 0; round < 4; round++) for (const d of devices) meet(d, remote, false);
  return { devices, remote, deleted, lastWrites };
}

describe('browser sync: three browsers, a bad network', () => {
  it('ends with every device equal, deletes deleted, and no edit lost unless another replaced the same field', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        fc.array(fc.integer({ min: -300_000, max: 300_000 }), { minLength: 3, maxLength: 3 }),
        (ops, skews) => {
          const { devices, deleted, lastWrites } = simulate(ops, skews);
          const [first, ...others] = devices as [Device, ...Device[]];
          for (const d of others) expect(d.local).toEqual(first.local);
          for (const key of deleted) expect(first.local[key]).toBeUndefined();
          for (const [k, writers] of lastWrites) {
            const [key, field] = k.split(' ') as [string, string];
            if (deleted.has(key) || writers.size === 0) continue;
            const final = first.local[key]?.[field];
            // One writer since everyone last agreed: its last value stands. Several: one of theirs (the latest stamp).
            expect([...writers.values()]).toContain(final);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a field edited on one device and another field of the same record on another both survive (merge by field)', () => {
    const ops: Op[] = [
      { kind: 'edit', device: 0, key: 1, field: 0, value: 1 },
      { kind: 'barrier' },
      { kind: 'edit', device: 0, key: 1, field: 0, value: 2 },
      { kind: 'edit', device: 1, key: 1, field: 1, value: 3 },
      { kind: 'meet', device: 0, stale: false, writeFails: false, twice: false },
      { kind: 'meet', device: 1, stale: false, writeFails: false, twice: false },
    ];
    const { devices } = simulate(ops, [0, 0, 0]);
    for (const d of devices) expect(d.local['l:a']).toEqual({ label: 2, notes: 3 });
  });

  it('the later edit of the same field wins on every device, even from a device whose clock is 5 minutes behind', () => {
    const ops: Op[] = [
      { kind: 'edit', device: 0, key: 1, field: 0, value: 1 },
      { kind: 'barrier' },
      { kind: 'edit', device: 0, key: 1, field: 0, value: 2 },
      { kind: 'meet', device: 0, stale: false, writeFails: false, twice: false },
      { kind: 'meet', device: 1, stale: false, writeFails: false, twice: false },
      { kind: 'edit', device: 1, key: 1, field: 0, value: 3 },
    ];
    const { devices } = simulate(ops, [0, -300_000, 0]);
    for (const d of devices) expect(d.local['l:a']?.label).toBe(3);
  });

  it('a delete wins over a concurrent edit, and the record never comes back', () => {
    const ops: Op[] = [
      { kind: 'edit', device: 0, key: 2, field: 0, value: 1 },
      { kind: 'barrier' },
      { kind: 'delete', device: 0, key: 2 },
      { kind: 'edit', device: 1, key: 2, field: 1, value: 9 },
      { kind: 'meet', device: 1, stale: false, writeFails: false, twice: false },
      { kind: 'meet', device: 0, stale: false, writeFails: false, twice: false },
    ];
    const { devices, remote } = simulate(ops, [0, 0, 0]);
    for (const d of devices) expect(d.local['l:b']).toBeUndefined();
    expect((remote['l:b'] as SyncRecord).x).toBeTruthy();
  });
});
