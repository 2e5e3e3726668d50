import { pino } from 'pino';

/** The CLI's logger: pino lines to stderr, or to a file; never mixed into stdout's tables. */
export type CliLogger = pino.Logger;

/**
 * Logs at `level` to `file` (appended; its folder created) or to stderr. Written synchronously,
 * so a line logged just before exit is not lost.
 */
export const createLogger = (level: string, file: string | undefined): CliLogger =>
  pino(
    { level, base: { app: 'crm' } },
    pino.destination(
      file === undefined
        ? { dest: 2, sync: true }
        : { dest: file, sync: true, mkdir: true, append: true },
    ),
  );
