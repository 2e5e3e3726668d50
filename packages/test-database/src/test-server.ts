import {
  type EmbeddedServerOptions,
  type RunningServer,
  startEmbeddedPostgres,
} from './embedded-postgres-server.ts';

/**
 * The PostgreSQL server for a test run: the one `DATABASE_URL` names (never stopped by us), or
 * else a fresh embedded server (stopped and removed by `stop()`).
 */
export const startTestServer = async (
  options: EmbeddedServerOptions = {},
): Promise<RunningServer> => {
  const external = process.env.DATABASE_URL;
  if (external !== undefined && external !== '') {
    return { url: external, stop: async () => undefined };
  }
  return startEmbeddedPostgres(options);
};
