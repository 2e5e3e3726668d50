/** What the global setup hands to test files through vitest's `provide` / `inject`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL server (its maintenance database). */
    crmTestDatabaseServerUrl: string;
  }
}

/** The key under which the global setup provides the server's URL. */
export const serverUrlKey = 'crmTestDatabaseServerUrl';
