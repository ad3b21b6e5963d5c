/**
 * What the stores receive: the packages `npm run zip` makes (npm test runs it), their manifests' permissions against
 * a committed snapshot, no remote code, Firefox's add-on id and data declaration, `web-ext lint`, and the privacy
 * policy explaining every permission the manifest asks for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readZip } from './zipFile';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, '.output');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[] }[];
  browser_specific_settings?: { gecko?: Record<string, unknown>; gecko_android?: Record<string, unknown> };
};

const BUILDS = { chrome: 'chrome-mv3', firefox: 'firefox-mv2' } as const;

function manifestOf(build: keyof typeof BUILDS): Manifest {
  const file = path.join(out, BUILDS[build], 'manifest.json');
  if (!existsSync(file)) throw new Error(`No ${file}: run \`npm run zip\` (npm test does) first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every file of a built folder, relative to it. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** What a manifest lets the extension reach: the part a store reviewer and a user care about. */
const accessOf = (m: Manifest) => ({
  permissions: m.permissions ?? [],
  optional_permissions: m.optional_permissions ?? [],
  host_permissions: m.host_permissions ?? [],
  optional_host_permissions: m.optional_host_permissions ?? [],
  content_scripts: (m.content_scripts ?? []).map((c) => ({ js: c.js ?? [], matches: c.matches })),
  web_accessible_resources: m.web_accessible_resources ?? [],
  externally_connectable: m.externally_connectable ?? null,
  content_security_policy: m.content_security_policy ?? null,
});

describe('store packages', () => {
  it('npm run zip made a Chrome and a Firefox package holding the built manifests, and a sources zip', () => {
    for (const build of ['chrome', 'firefox'] as const) {
      const zip = readZip(path.join(out, `refshare-${version}-${build}.zip`));
      const zipped = JSON.parse(zip.get('manifest.json')?.toString('utf8') ?? 'null');
      expect(zipped).toEqual(manifestOf(build));
      expect([...zip.keys()].sort()).toEqual(filesOf(path.join(out, BUILDS[build])).sort());
    }
    const sources = [...readZip(path.join(out, `refshare-${version}-sources.zip`)).keys()];
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background/index.ts']) {
      expect(sources).toContain(needed);
    }
    expect(sources.filter((f) => /^(node_modules|\.output|test-results)\//.test(f))).toEqual([]);
  });

  it('the permissions match the committed snapshot (change it on purpose, in the same commit)', async () => {
    const snapshot = { chrome: accessOf(manifestOf('chrome')), firefox: accessOf(manifestOf('firefox')) };
    await expect(`${JSON.stringify(snapshot, null, 2)}\n`).toMatchFileSnapshot('./manifest-permissions.json');
  });

  it('asks for no access to every site at install, no tabs, no outside connections, no loosened CSP', () => {
    for (const build of ['chrome', 'firefox'] as const) {
      const m = manifestOf(build);
      const text = JSON.stringify(m);
      expect(text).not.toContain('<all_urls>');
      expect(m.permissions).not.toContain('tabs');
      expect(m.permissions ?? []).not.toContainEqual(expect.stringMatching(/:\/\//));
      expect(m.host_permissions ?? []).toEqual([]);
      expect(m).not.toHaveProperty('externally_connectable');
      expect(m).not.toHaveProperty('content_security_policy');
      expect(m).not.toHaveProperty('update_url');
    }
  });

  it('runs no remote or generated code: every script is a packaged file, no eval, no new Function', () => {
    for (const build of ['chrome', 'firefox'] as const) {
      const dir = path.join(out, BUILDS[build]);
      const files = filesOf(dir);
      expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(3);
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(path.join(dir, file), 'utf8');
        const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]*)"/g)].map((s) => s[1] ?? '');
        expect(sources, file).not.toContainEqual(expect.stringMatching(/^(?:[a-z]+:)?\/\//i));
        for (const src of sources) expect(files, `${file} loads ${src}`).toContain(src.replace(/^\//, ''));
      }
      for (const file of files.filter((f) => f.endsWith('.js'))) {
        const js = readFileSync(path.join(dir, file), 'utf8');
        expect(js, file).not.toMatch(
          /\beval\s*\(|\bnew\s+Function\s*\(|importScripts\s*\(\s*["'`]https?:|import\s*\(\s*["'`]https?:/,
        );
      }
    }
  });

  it("Firefox's manifest carries the add-on id and declares that no data is collected", () => {
    const gecko = manifestOf('firefox').browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('refshare@refshare.example');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('web-ext lint finds no errors in the Firefox build (and no warnings beyond React DOM’s innerHTML)', () => {
    const run = spawnSync(
      path.join(root, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', path.join(out, BUILDS.firefox), '--output', 'json', '--no-config-discovery'],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    const report = JSON.parse(run.stdout) as Record<
      'errors' | 'warnings' | 'notices',
      { code: string; file?: string }[]
    >;
    expect(report.errors).toEqual([]);
    // React DOM sets innerHTML for SVG and dangerouslySetInnerHTML, which RefShare never uses.
    expect(report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
    expect(report.warnings.every((w) => /^chunks\/LanguageProvider-/.test(w.file ?? ''))).toBe(true);
  }, 120_000);

  it('the privacy policy explains every permission the manifests ask for', () => {
    const policy = readFileSync(path.join(root, 'docs/privacy-policy.md'), 'utf8');
    for (const build of ['chrome', 'firefox'] as const) {
      const m = manifestOf(build);
      const asked = [
        ...(m.permissions ?? []),
        ...(m.optional_permissions ?? []),
        ...(m.optional_host_permissions ?? []),
      ];
      for (const permission of asked)
        expect(policy, `docs/privacy-policy.md on ${permission}`).toContain(`\`${permission}\``);
    }
  });
});
