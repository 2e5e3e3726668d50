import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      globalSetup: ['@crm/test-database/global-setup'],
      testTimeout: 120_000,
      hookTimeout: 60_000,
    },
  }),
);
