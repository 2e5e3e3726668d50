import type { TestProject } from 'vitest/node';
import { keepExitCodeThroughExitHooks } from './keep-exit-code.ts';
import { serverUrlKey } from './provided-context.ts';
import { startTestServer } from './test-server.ts';

/**
 * Vitest global setup: one PostgreSQL server for the whole run (`DATABASE_URL`'s, or an
 * embedded one), handed to test files through `provide`; the embedded one is stopped and its
 * directory removed when the run ends. Reference it as
 * `globalSetup: ['@crm/test-database/global-setup']`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  keepExitCodeThroughExitHooks();
  const server = await startTestServer();
  project.provide(serverUrlKey, server.url);
  return server.stop;
}
