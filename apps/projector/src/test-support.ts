import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '@crm/event-store';
import {
  createPostgresEventStore,
  migrateEventStore,
  pgNotifications,
} from '@crm/event-store-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

const mainPath = fileURLToPath(new URL('./main.ts', import.meta.url));

/** A projector process started by a test, with its log lines as they come. */
export interface ProjectorProcess {
  readonly child: ChildProcess;
  readonly lines: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** The exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals>;
  readonly stderr: () => string;
}

/** Starts `main.ts` under tsx, on the test projections, with these extra flags. */
export const spawnProjector = (
  databaseUrl: string,
  flags: ReadonlyArray<string> = [],
): ProjectorProcess => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      mainPath,
      '--projections',
      '@crm/projections/testing/projections#testProjections',
      '--no-policies',
      ...flags,
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Array<Readonly<Record<string, unknown>>> = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ msg: line });
      }
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { child, lines, exited, stderr: () => stderr };
};

/** The test's own view of the database: the store and a Kysely for the read models. */
export interface TestSide {
  readonly store: EventStore;
  readonly db: Kysely<unknown>;
  readonly close: () => Promise<void>;
}

/** Opens the event store (migrated) and a read-model Kysely on `url`. */
export const openTestSide = async (url: string): Promise<TestSide> => {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  pool.on('error', () => undefined);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  await migrateEventStore(db);
  const store = createPostgresEventStore({ db, notifications: pgNotifications(pool) });
  return {
    store,
    db,
    close: async () => {
      await store.close();
      await db.destroy();
    },
  };
};

/** Polls `check` until it returns true; fails after `timeoutMs`. */
export const waitUntil = async (
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
