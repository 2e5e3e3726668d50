import { defineConfig } from 'vitest/config';

/**
 * Settings every package's vitest config extends: the default console reporter for people and
 * a JSON report that `scripts/test-summary.mjs` adds up into the suite's closing line.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // Property tests and real-PostgreSQL tests run long on a loaded 2-core machine; a timeout is
    // a hang detector here, never a speed assertion.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
