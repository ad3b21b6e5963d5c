#!/usr/bin/env node
/**
 * `npm test`: makes sure Chromium exists, builds the production packages (Chrome, Firefox) and the test variant, runs every
 * vitest project (unit + e2e), and ends with the line `N passed, N failed` (`, N skipped` when any were skipped).
 * Every step runs even when an earlier one failed (a failed build leaves no output, so e2e tests then fail with a clear
 * message). Exits non-zero when any step failed, any test failed, or no test ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsFile = path.join(root, 'test-results', 'vitest.json');
// Every e2e launch adds a line: requests the extension made to its own files, to feeds the test configured, and
// anywhere else (tests/e2e/networkRecorder.ts). Started afresh for each run.
const networkLog = path.join(root, 'test-results', 'network.jsonl');
rmSync(networkLog, { force: true });
// The chaos suite's figures (tests/e2e/chaos.test.ts): worker stops survived, rows and notifications checked.
const chaosReport = path.join(root, 'test-results', 'chaos.json');
rmSync(chaosReport, { force: true });
/** @type {string[]} */
const problems = [];

/**
 * Runs a command with live output; records a problem when it fails.
 * @param {string} title
 * @param {string[]} argv
 * @param {Record<string, string>} [env]
 */
function step(title, argv, env = {}) {
  console.log(`\n▶ ${title}: ${argv.join(' ')}`);
  const [cmd = '', ...args] = argv;
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) problems.push(`${title} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
  return ok;
}

step('browsers', [process.execPath, 'tests/tools/ensure-browsers.mjs']);
// The store packages: production builds for Chrome (MV3) and Firefox (MV2), zipped, plus the sources zip Firefox's
// review asks for. The e2e run loads the Chrome build and checks all three (tests/e2e/release.test.ts).
step('packages (production)', ['npm', 'run', 'zip']);
step('build (test variant)', ['npx', 'wxt', 'build'], { REFSHARE_TEST_BUILD: '1' });
step('build (test variant, Firefox)', ['npx', 'wxt', 'build', '-b', 'firefox'], { REFSHARE_TEST_BUILD: '1' });

// Unit tests first, then the real-browser tests alone: on a 2-core machine, Chromium sharing the CPU with a
// dozen unit-test workers made e2e timings flaky.
const resultFiles = ['unit', 'e2e'].map((project) => {
  const file = resultsFile.replace(/\.json$/, `-${project}.json`);
  rmSync(file, { force: true });
  step(`vitest (${project})`, [
    'npx',
    'vitest',
    'run',
    `--project=${project}`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${path.relative(root, file)}`,
  ]);
  return file;
});

let passed = 0;
let failed = 0;
let skipped = 0;
// End-to-end tests per browser: the Firefox ones run under suites whose name says Firefox; every other
// e2e test drives Chromium.
const perBrowser = { Chromium: { passed: 0, failed: 0 }, Firefox: { passed: 0, failed: 0 } };
for (const resultFile of resultFiles) {
  if (!existsSync(resultFile)) {
    problems.push(`vitest wrote no results to ${path.relative(root, resultFile)}`);
    continue;
  }
  /** @type {{ testResults?: { name: string; status: string; message?: string; assertionResults?: { status: string; ancestorTitles?: string[] }[] }[] }} */
  const report = JSON.parse(readFileSync(resultFile, 'utf8'));
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    for (const test of tests) {
      if (resultFile.endsWith('-e2e.json') && (test.status === 'passed' || test.status === 'failed')) {
        const browser = /Firefox/.test(test.ancestorTitles?.[0] ?? '') ? 'Firefox' : 'Chromium';
        perBrowser[browser][test.status]++;
      }
      if (test.status === 'passed') passed++;
      else if (test.status === 'failed') failed++;
      else skipped++; // skipped, pending, todo, disabled
    }
    // A file that fails before its tests run (syntax or import error) reports no failed test: count it as one.
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      failed++;
      problems.push(`${path.relative(root, file.name)} failed to run${file.message ? `: ${file.message}` : ''}`);
    }
  }
}
if (passed + failed === 0) problems.push('no test ran');

// The zero-network summary of the e2e run.
if (existsSync(networkLog)) {
  const launches = readFileSync(networkLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const sum = (/** @type {(l: any) => number} */ f) => launches.reduce((n, l) => n + f(l), 0);
  const leaks = sum((l) => (l.deliberate ? 0 : l.violations.length));
  console.log(
    `\nnetwork: ${launches.length} browser launches; the extension made ${sum((l) => l.inside)} requests to its own files, ${sum((l) => l.toAllowed)} to status feeds the tests configured, ${leaks} anywhere else (and the recorder caught ${sum((l) => (l.deliberate ? l.violations.length : 0))} leaks made on purpose by its own test)`,
  );
  if (leaks > 0)
    problems.push(`the extension reached places no test configured (see ${path.relative(root, networkLog)})`);
} else {
  problems.push(`no network record (${path.relative(root, networkLog)}): did the e2e run start?`);
}

// The chaos suite's summary (it fails on its own when something was lost; here only its figures are repeated).
if (existsSync(chaosReport)) {
  /** @type {{ total?: string }} */
  const chaos = JSON.parse(readFileSync(chaosReport, 'utf8'));
  if (chaos.total) console.log(chaos.total);
} else {
  problems.push(`no chaos report (${path.relative(root, chaosReport)}): did the chaos suite run?`);
}

/** @param {string} cmd */
const versionOf = (cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).stdout?.trim().split('\n').at(-1) ?? cmd;
const chromium = versionOf(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium').replace(/ built on .*/, '');
const firefox = versionOf(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
console.log(
  `\ne2e per browser: ${chromium}: ${perBrowser.Chromium.passed} passed, ${perBrowser.Chromium.failed} failed; ${firefox}: ${perBrowser.Firefox.passed} passed, ${perBrowser.Firefox.failed} failed`,
);
if (perBrowser.Firefox.passed + perBrowser.Firefox.failed === 0) problems.push('no end-to-end test ran in Firefox');

console.log('');
for (const problem of problems) console.log(`✗ ${problem}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = problems.length > 0 || failed > 0 ? 1 : 0;
