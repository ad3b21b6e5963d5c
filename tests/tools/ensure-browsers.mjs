#!/usr/bin/env node
/**
 * Makes sure the browsers the e2e tests drive exist: Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and Firefox
 * ESR (FIREFOX_PATH, default /usr/bin/firefox-esr). Those missing are installed from Debian's `chromium` and
 * `firefox-esr` packages with apt-get, in one go (as root, or through sudo when not root and sudo exists). Output is
 * streamed; exits non-zero with a clear message on failure.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const BROWSERS = [
  { name: 'Chromium', env: 'CHROMIUM_PATH', defaultPath: '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', env: 'FIREFOX_PATH', defaultPath: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} message */
function fail(message) {
  console.error(`ensure-browsers: ${message}`);
  process.exit(1);
}

const missing = BROWSERS.map((b) => ({ ...b, path: process.env[b.env] ?? b.defaultPath })).filter(
  (b) => !isExecutable(b.path),
);
if (missing.length === 0) process.exit(0);
for (const b of missing) {
  if (b.path !== b.defaultPath) {
    fail(`${b.env}=${b.path} is not an executable file (unset it to install Debian's ${b.pkg}).`);
  }
}
const packages = missing.map((b) => b.pkg);

const isRoot = process.getuid?.() === 0;
/** @type {string[]} */
let prefix = [];
if (!isRoot) {
  const sudo = spawnSync('sh', ['-c', 'command -v sudo'], { encoding: 'utf8' });
  if (sudo.status !== 0) {
    fail(
      `${missing.map((b) => b.path).join(' and ')} missing, and installing needs root (run as root, or install sudo): apt-get install -y ${packages.join(' ')}`,
    );
  }
  prefix = ['sudo', '-n'];
}

/** @param {string[]} argv */
function run(argv) {
  const [cmd = '', ...args] = [...prefix, ...argv];
  console.log(`ensure-browsers: $ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${argv.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
}

console.log(`ensure-browsers: ${missing.map((b) => `${b.path} (${b.name})`).join(', ')} not found, installing…`);
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', ...packages]);
for (const b of missing) {
  if (!isExecutable(b.path)) fail(`apt-get installed ${b.pkg} but ${b.path} is still missing.`);
  console.log(`ensure-browsers: installed ${b.path}`);
}
