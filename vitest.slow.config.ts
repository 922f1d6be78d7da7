import {defineConfig} from 'vitest/config';
import fast from './vitest.config.ts';

/**
 * `npm run test:slow`: the second tier, tests/slow/ — books of real text nobody here wrote
 * (the Debian manuals, Tang and Song poems, the Taiwanese guide), the stress cases (a paragraph
 * of 100,000 characters, a 5 MB article) and browsers killed and frozen under running builds.
 * Minutes each, with time to match: CI runs them after `npm test`.
 */
export default defineConfig({
  test: {...fast.test, include: ['tests/slow/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 900_000},
});
