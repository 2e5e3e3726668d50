import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Pure code and the in-memory stores: no database needed.
export default mergeConfig(shared, defineConfig({ test: {} }));
