// Must come first: Node 20 lacks built-ins vitest 5's reporter uses.
import './tests/tools/node20-compat.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Two projects, run together by `vitest run` (or one with `--project unit` / `--project e2e`).
 * Inline projects do not inherit this root config, so each declares all it needs.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // WxtVitest: the `@/` alias, `#imports`, and a fake `browser`/`chrome` global (wxt/testing/fake-browser).
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx'],
          // Component tests opt in per file with `// @vitest-environment happy-dom`.
          environment: 'node',
          setupFiles: ['tests/setup/i18n.ts'],
        },
      },
      {
        // Drives the built extension in real Chromium (tests/e2e/harness.ts); one file at a time.
        resolve: { alias: { '@': root } },
        test: {
          name: 'e2e',
          root,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
