export { useTestDatabase } from './use-test-database.ts';
export { useTestPglite } from './use-test-pglite.ts';
