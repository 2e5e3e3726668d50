/**
 * What can stop a projection other than a poison event:
 * - `CheckpointMoved`: the checkpoint is not where this runner left it — another instance wrote
 *   it, so this one lost ownership; its batch was rolled back.
 * - `VersionAhead`: the database holds a newer version of the projection than this code (an
 *   older instance during a rolling deploy); it leaves the projection to newer instances.
 * - `InvalidProjection`: the projection's definition is unusable (a bad name, a bad version).
 * - `Unavailable`: the database or a store failed in a way a later attempt may not (a lost
 *   connection, a key store outage); never a reason to stop for good.
 */
export type ProjectionRuntimeErrorCode =
  | 'CheckpointMoved'
  | 'VersionAhead'
  | 'InvalidProjection'
  | 'Unavailable';

/** The runtime's one error type besides `ProjectionPoisoned`, with a literal-union `code`. */
export class ProjectionRuntimeError extends Error {
  override readonly name = 'ProjectionRuntimeError';

  constructor(
    readonly code: ProjectionRuntimeErrorCode,
    message: string,
    readonly projection?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether `error` is a `ProjectionRuntimeError`, optionally of one code. */
export const isProjectionRuntimeError = (
  error: unknown,
  code?: ProjectionRuntimeErrorCode,
): error is ProjectionRuntimeError =>
  error instanceof ProjectionRuntimeError && (code === undefined || error.code === code);
