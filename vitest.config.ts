import {defineConfig} from 'vitest/config';

/**
 * `npm test`: the unit tests and the end-to-end tests of every output. The second tier,
 * tests/slow/ (real-text corpora, stress and crash cases), is `npm run test:slow`
 * (vitest.slow.config.ts); CI runs both.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // End-to-end tests start Chromium; two workers fit the 2-core machines this runs on.
    maxWorkers: 2,
    // Test files in a worker share its loaded modules (a file's imports took 1–3 s each, 83 s in all).
    isolate: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
