import path from 'node:path';
import { defineConfig } from 'wxt';
import { localesDir, mergeLocales } from './lib/i18n/mergeLocales';
import { BUILT_IN_PROGRAMS } from './lib/referral/programs/index';

/**
 * Test builds (REFSHARE_TEST_BUILD=1) go to their own folder and may read the clipboard back,
 * so e2e tests can check what "Copy link" wrote. A mode other than production would build
 * React in development mode, so the variant is an env variable, not a mode.
 */
const testBuild = process.env.REFSHARE_TEST_BUILD === '1';

const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // The sources zip (for Firefox's review) holds what builds the add-on, not local test and bench output.
  zip: { excludeSources: ['test-results/**'] },
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : undefined,
  // Code behind `import.meta.env.REFSHARE_TEST_BUILD === '1'` is dropped from production bundles.
  vite: () => ({
    define: { 'import.meta.env.REFSHARE_TEST_BUILD': JSON.stringify(testBuild ? '1' : '') },
    // Dexie's package entry is its ES5 build behind a wrapper; the ES2018 build is the same library, about 1.4 kB
    // gzipped smaller, in every bundle that holds the database (the background worker's budget is 60 kB).
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
    // No modulepreload helper for on-demand imports (about 0.4 kB gzipped in each page): an extension's files are
    // local, so a chunk's own imports are fetched as it is parsed, at no noticeable cost.
    build: { modulePreload: false },
  }),
  hooks: {
    // The blank page is the benchmark's baseline; it ships in test builds only.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const e of entrypoints) if (e.name === 'bench-blank' && !testBuild) e.skipped = true;
    },
    // The shop-page launcher's content script runs on every shop page load, so it does without the polyfill
    // (about 3 kB gzipped to parse each time): it uses the browser's own API (lib/launcher/extensionApi.ts), and
    // its build resolves `wxt/browser`, which the polyfill module points at webextension-polyfill, to that module
    // too, should anything of WXT's in that build import it. WXT's entry wraps `main` in a ContentScriptContext:
    // the shop build gets the launcher's lighter one (lib/launcher/launcherContext.ts; about 1 ms of every shop page
    // load less, measured). Other builds keep the polyfill and WXT's context.
    // The background worker, started again after every idle stop, does without it too (lib/platform/nativeBrowser.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const own = config.resolve?.alias ?? [];
      const shop = entrypoints.some((e) => e.type === 'content-script' && e.name === 'shop');
      const native = shop
        ? 'lib/launcher/extensionApi.ts'
        : entrypoints.some((e) => e.type === 'background')
          ? 'lib/platform/nativeBrowser.ts'
          : undefined;
      if (!native) return;
      const at = (file: string) => path.join(config.root ?? process.cwd(), file);
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: at(native) },
          ...(shop
            ? [{ find: /^wxt\/utils\/content-script-context$/, replacement: at('lib/launcher/launcherContext.ts') }]
            : []),
          ...(Array.isArray(own) ? own : Object.entries(own).map(([find, replacement]) => ({ find, replacement }))),
        ],
      };
    },
    // UI strings live in lib/i18n/locales/<lang>/<area>.json; browsers read one _locales/<lang>/messages.json.
    'build:publicAssets': (wxt, files) => {
      for (const [lang, messages] of Object.entries(mergeLocales(localesDir(wxt.config.root)))) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(messages) });
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'contextMenus',
      'activeTab',
      // Custom programs' shops get the launcher registered at run time (built-in shops are static matches).
      'scripting',
      // The keyboard shortcut copies the link without a click in the page.
      'clipboardWrite',
      ...(testBuild ? ['clipboardRead'] : []),
    ],
    // Test builds hold what a user's click would grant, since headless Chromium shows no menu and no permission
    // prompt: the shop fixtures' hosts stand in for activeTab, example.org for a custom program's granted site.
    // The e2e status feed is served on 127.0.0.1, as a user's own tracking service on their machine would be.
    ...(testBuild
      ? {
          host_permissions: ['*://*.temu.com/*', '*://*.aliexpress.com/*', '*://*.example.org/*', 'http://127.0.0.1/*'],
        }
      : {}),
    // Custom programs' shopping sites and status feeds, asked for one by one when the user adds one (never at
    // install). Feeds may also be a service on the user's own machine, over plain http on the loopback address.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    // The share panel is an extension page the launcher frames on shop pages (page scripts cannot read into it).
    // Custom programs' shops are only known at run time, so https pages in general may frame it.
    web_accessible_resources:
      manifestVersion === 3
        ? [
            {
              resources: ['panel.html'],
              matches: [...BUILT_IN_PROGRAMS.flatMap((p) => p.shoppingHosts), 'https://*/*'],
              // Only the launcher's own frame (opened at run time) loads; a page framing the fixed address gets an error.
              use_dynamic_url: true,
            },
          ]
        : ['panel.html'],
    action: { default_title: 'RefShare' },
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenPopup__',
      },
      'copy-link': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_commandCopyLink__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'refshare@refshare.example',
              // The data-collection declaration (none) is read from Firefox 140 on (142 on Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
