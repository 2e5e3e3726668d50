import type { Command } from 'commander';
import { globalOptionsOf } from './global-options.ts';
import { type OpenOptions, openRuntime, type Runtime } from './runtime.ts';

/** Opens the runtime for one command, runs `work`, and closes it whatever happens. */
export const withRuntime = async <TResult>(
  command: Command,
  open: OpenOptions,
  work: (runtime: Runtime) => Promise<TResult>,
): Promise<TResult> => {
  const runtime = await openRuntime(globalOptionsOf(command), open);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
};
