import { defaultRebuildBatchSize } from '@crm/projections';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseProjectorConfig } from './projector-config.ts';

const argv = (...flags: ReadonlyArray<string>): ReadonlyArray<string> => [
  'node',
  'main.ts',
  '--database-url',
  'postgres://crm@localhost/crm',
  ...flags,
];

/** Parses, expecting commander to print one error and exit 1; returns what it printed. */
const usageError = (...flags: ReadonlyArray<string>): string => {
  let printed = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${String(code)}`);
  });
  expect(() => parseProjectorConfig(argv(...flags))).toThrow('exit 1');
  return printed.trim();
};

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('--rebuild-batch-size', () => {
  it('defaults to the runtime’s rebuild batch size, not --batch-size', () => {
    const config = parseProjectorConfig(argv('--batch-size', '200'));
    expect(config.batchSize).toBe(200);
    expect(config.rebuildBatchSize).toBe(defaultRebuildBatchSize);
  });

  it('is read from the flag, or else from REBUILD_BATCH_SIZE', () => {
    expect(parseProjectorConfig(argv('--rebuild-batch-size', '2500')).rebuildBatchSize).toBe(2500);
    vi.stubEnv('REBUILD_BATCH_SIZE', '3000');
    expect(parseProjectorConfig(argv()).rebuildBatchSize).toBe(3000);
    expect(parseProjectorConfig(argv('--rebuild-batch-size', '40')).rebuildBatchSize).toBe(40);
  });

  it.each(['0', '-5', '1.5', 'many'])('refuses %j with a clear error', (value) => {
    expect(usageError('--rebuild-batch-size', value)).toBe(
      `error: option '--rebuild-batch-size <n>' argument '${value}' is invalid. expected an integer ≥ 1`,
    );
  });

  it('refuses a bad REBUILD_BATCH_SIZE, naming the variable', () => {
    vi.stubEnv('REBUILD_BATCH_SIZE', 'lots');
    expect(usageError()).toBe(
      "error: option '--rebuild-batch-size <n>' value 'lots' from env 'REBUILD_BATCH_SIZE' is invalid. expected an integer ≥ 1",
    );
  });
});
