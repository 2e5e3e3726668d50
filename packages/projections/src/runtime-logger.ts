/**
 * The few logger methods the runtime uses, declared here so the package needs no logger at run
 * time (as Kysely declares the `pg` pool it needs). A pino `Logger` fits as it is.
 */
export interface RuntimeLogger {
  readonly child: (bindings: Record<string, unknown>) => RuntimeLogger;
  readonly debug: (object: object, message?: string) => void;
  readonly info: (object: object, message?: string) => void;
  readonly warn: (object: object, message?: string) => void;
  readonly error: (object: object, message?: string) => void;
}

const ignore = (): void => {};

/** A logger that drops every line: the default when none is passed in. */
export const silentRuntimeLogger: RuntimeLogger = {
  child: () => silentRuntimeLogger,
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
