export type { EmbeddedServerOptions, RunningServer } from './embedded-postgres-server.ts';
export { startEmbeddedPostgres } from './embedded-postgres-server.ts';
export { removeLeftoverServers } from './leftover-servers.ts';
export { startTestDatabase } from './start-test-database.ts';
export type { TestDatabase } from './test-database.ts';
export { createTestDatabase } from './test-database.ts';
export { createTestPglite } from './test-pglite.ts';
export { startTestServer } from './test-server.ts';
