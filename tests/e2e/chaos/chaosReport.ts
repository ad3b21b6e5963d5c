/**
 * The chaos suite's figures: per scenario, how many worker stops it survived, how many rows and notifications were
 * checked, and what was odd; written to test-results/chaos.json and summed up in one line per scenario and a total.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ScenarioFigures {
  scenario: string;
  seed: number;
  /** Worker stops carried out (the worker was running and went down). */
  stops: number;
  /** Scheduled stop moments when the worker was already stopped (nothing to stop). */
  skipped: number;
  /** The stop schedule drawn from the seed: how many moments, and a fingerprint to compare runs. */
  scheduled: number;
  schedule: string;
  /** Database rows compared with what they must be. */
  rowsChecked: number;
  /** Outbox rows checked against the notification area and the page that watched it. */
  notificationsReconciled: number;
  /** Notifications the watching page saw on screen twice (must be 0). */
  shownTwice: number;
  /** Outbox rows handed to the browser more than once (lost on the way, then shown: legitimate). */
  reshown: number;
  /** Notifications finished as 'gone' because their onClosed reached a worker being stopped (a finding, not a failure). */
  lostOnClosed: number;
  wallMs: number;
  /** What else the scenario saw (failed attempts, messages shown, findings). */
  notes: Record<string, unknown>;
}

const n = (x: number) => x.toLocaleString('en');

export function scenarioLine(f: ScenarioFigures): string {
  return (
    `chaos ${f.scenario}: ${n(f.stops)} stops survived (${f.skipped} skipped, schedule ${f.scheduled}×${f.schedule}), ` +
    `${n(f.rowsChecked)} rows checked, ${f.notificationsReconciled} notifications reconciled, ` +
    `${f.shownTwice} shown twice, ${f.reshown} re-handed, ${f.lostOnClosed} onClosed lost to a stop, ` +
    `${(f.wallMs / 1000).toFixed(1)} s`
  );
}

export function totalLine(all: readonly ScenarioFigures[], seed: number): string {
  const sum = (pick: (f: ScenarioFigures) => number) => all.reduce((s, f) => s + pick(f), 0);
  const lost = sum((f) => f.lostOnClosed);
  return (
    `chaos: ${all.length} scenarios, ${n(sum((f) => f.stops))} worker stops survived, ` +
    `${n(sum((f) => f.rowsChecked))} rows checked, ${n(sum((f) => f.notificationsReconciled))} notifications reconciled` +
    `${lost > 0 ? ` (${lost} onClosed lost to a stop, recorded 'gone')` : ''} (seed ${seed})`
  );
}

/** Writes test-results/chaos.json (the figures of this run) under the repository root. */
export function writeChaosReport(root: string, seed: number, all: readonly ScenarioFigures[]): string {
  const dir = path.join(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'chaos.json');
  writeFileSync(file, `${JSON.stringify({ seed, total: totalLine(all, seed), scenarios: all }, null, 2)}\n`);
  return file;
}
