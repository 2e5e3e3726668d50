import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      globalSetup: ['@crm/test-database/global-setup'],
      // Each test runs the CLI as child processes against PostgreSQL: one file at a time
      // keeps them from starving each other on a small machine.
      fileParallelism: false,
      testTimeout: 180_000,
      hookTimeout: 300_000,
    },
  }),
);
