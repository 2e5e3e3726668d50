/**
 * Ctrl-C: the first SIGINT (or SIGTERM) aborts this signal, so a running command stops at its
 * next step and cleans up (the demo stops the server it started); a second one exits at once.
 */
const controller = new AbortController();

export const interrupted: AbortSignal = controller.signal;

let installed = false;

/** Installs the handlers once. */
export const handleInterrupts = (onAbort: () => void): void => {
  if (installed) return;
  installed = true;
  const stop = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.stderr.write(`\n${signal} again: exiting now.\n`);
      process.exit(130);
    }
    process.stderr.write(`\n${signal}: stopping… (again to exit at once)\n`);
    controller.abort();
    onAbort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
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
