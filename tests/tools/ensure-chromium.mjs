#!/usr/bin/env node
/**
 * Makes sure a Chromium for the e2e tests exists (CHROMIUM_PATH, default /usr/bin/chromium).
 * When it is missing, installs Debian's `chromium` package with apt-get (as root, or through sudo
 * when not root and sudo exists). Output is streamed; exits non-zero with a clear message on failure.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const defaultPath = '/usr/bin/chromium';
const chromiumPath = process.env.CHROMIUM_PATH ?? defaultPath;

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
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

if (isExecutable(chromiumPath)) {
  process.exit(0);
}
if (chromiumPath !== defaultPath) {
  fail(`CHROMIUM_PATH=${chromiumPath} is not an executable file (unset it to install Debian's chromium).`);
}

const isRoot = process.getuid?.() === 0;
/** @type {string[]} */
let prefix = [];
if (!isRoot) {
  const sudo = spawnSync('sh', ['-c', 'command -v sudo'], { encoding: 'utf8' });
  if (sudo.status !== 0) {
    fail(
      `${chromiumPath} is missing and installing it needs root (run as root, or install sudo): apt-get install -y chromium`,
    );
  }
  prefix = ['sudo', '-n'];
}

/** @param {string[]} argv */
function run(argv) {
  const [cmd = '', ...args] = [...prefix, ...argv];
  console.log(`ensure-chromium: $ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${argv.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
}

console.log(`ensure-chromium: ${chromiumPath} not found, installing Debian's chromium package…`);
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', 'chromium']);
if (!isExecutable(chromiumPath)) {
  fail(`apt-get installed chromium but ${chromiumPath} is still missing.`);
}
console.log(`ensure-chromium: installed ${chromiumPath}`);
