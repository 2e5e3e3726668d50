/**
 * The read models beside raw SQL on one server, in one run (brief §9, issue 7 item 5):
 *   (a) rebuilding every read model from a seeded, realistic log of ~1,000,000 events — beside
 *       the server's raw rate of 100-row INSERTs (target ≥ 0.4 of it)
 *   (b) customer 360° look-up by phone among 100,000 customers — beside a raw primary-key
 *       SELECT on the same table (target: p99 within 3× of the raw p99)
 *
 *   pnpm --filter @crm/read-models bench [--json] [--only=a|b] [--events=1000000] [--months=24]
 *     [--lookup-customers=100000] [--lookup-months=2] [--lookups=10000] [--raw-statements=1000]
 *     [--batch-size=N (rebuild batches; the runtime's default otherwise)] [--no-separate]
 *     [--durable (server defaults instead of synchronous_commit=off)]
 *     [--no-decoding-worker (read and decode the log on the main thread)]
 *     [--no-fold (rebuild every read model batch by batch, none folded in memory)]
 *     [--decode-here=0.3 (the share of each page the main thread decodes beside the worker;
 *     the runtime's defaultDecodeHereShare, as crm rebuild, by default)]
 *
 * The logs are seeded histories written the way command handling stores them (personal data
 * encrypted), appended in big batches; see `seeded-log.ts`.
 * Progress goes to stderr, the table (or JSON with `--json`) to stdout. Without DATABASE_URL
 * it starts an embedded PostgreSQL 18 with `synchronous_commit=off`, as the event store's
 * benchmark does (docs/benchmarks.md says why).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { KeyStore } from '@crm/command-handling';
import { createPostgresKeyStore, migrateCommandHandling } from '@crm/command-handling-postgres';
import type { CurrencyCode } from '@crm/domain';
import { createPostgresEventStore, migrateEventStore } from '@crm/event-store-postgres';
import {
  createProjectionRunner,
  defaultDecodeHereShare,
  defaultFoldLimits,
  defaultRebuildBatchSize,
  startDecodingWorker,
} from '@crm/projections';
import { estimateCrmHistorySize } from '@crm/seed';
import { createTestDatabase, startTestServer } from '@crm/test-database';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { allProjections, type Customer360Tables, customer360Projection } from '../src/index.ts';
import { type BenchReport, printReport } from './bench-report.ts';
import type { DecodingWorkerData } from './decoding-worker.ts';
import { measurePhoneLookups } from './phone-lookups.ts';
import { domainEventDecoder, postgresEventCounter } from './projector-wiring.ts';
import { rawInsertRate } from './raw-baselines.ts';
import { readAndDecodeOnly, rebuildEachAlone, rebuildTogether } from './rebuild.ts';
import { type LogFacts, type SeededLog, writeSeededLog } from './seeded-log.ts';

const optional = (name: string): number | undefined => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  if (found === undefined) return undefined;
  const value = Number(found.slice(name.length + 3));
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`--${name} must be a whole number`);
  }
  return value;
};
const argument = (name: string, fallback: number): number => optional(name) ?? fallback;
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const runs = (part: 'a' | 'b'): boolean => only === undefined || only.split(',').includes(part);
const settings = { reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'Europe/Berlin' };
const options = {
  json: process.argv.includes('--json'),
  /** The server's defaults (every commit waits for its WAL flush) instead of `synchronous_commit=off`. */
  durable: process.argv.includes('--durable'),
  separate: !process.argv.includes('--no-separate'),
  /** Read and decode the log in a worker thread (another core) during rebuilds. */
  decodingWorker: !process.argv.includes('--no-decoding-worker'),
  /** The share of each page decoded on the main thread beside the worker (0 to 1). */
  decodeHere: Number(
    process.argv.find((arg) => arg.startsWith('--decode-here='))?.slice('--decode-here='.length) ??
      defaultDecodeHereShare,
  ),
  /** Let read models with a fold build in memory during rebuilds (the runtime's default). */
  fold: !process.argv.includes('--no-fold'),
  events: argument('events', 1_000_000),
  months: argument('months', 24),
  lookupCustomers: argument('lookup-customers', 100_000),
  lookupMonths: argument('lookup-months', 2),
  lookups: argument('lookups', 10_000),
  /** Events per rebuild transaction; the runtime's default (2,000) when absent. */
  batchSize: optional('batch-size'),
  rawStatements: argument('raw-statements', 1_000),
};
const seed = 'bench';
const startAt = '2024-01-01';

const progress = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** Customers whose `months`-long history holds about `events` events. */
const customersFor = (events: number, months: number): number => {
  const per = estimateCrmHistorySize({ seed, customers: 100_000, months, startAt }).events / 1e5;
  return Math.max(10, Math.round(events / per));
};

/** A database of its own on the server: the event store, command handling's tables, pools. */
const openDatabase = async (serverUrl: string, prefix: string) => {
  const database = await createTestDatabase(serverUrl, prefix);
  // The log side (store, key store, counts) and the read-model side on pools of their own, as
  // the projector has them; the read side has a connection per projection and some spare.
  const storePool = new pg.Pool({ connectionString: database.url, max: 12 });
  const readPool = new pg.Pool({ connectionString: database.url, max: 12 });
  const storeDb = new Kysely<never>({ dialect: new PostgresDialect({ pool: storePool }) });
  const readDb = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: readPool }) });
  await migrateEventStore(storeDb);
  await migrateCommandHandling(storeDb);
  const keyStore: KeyStore = createPostgresKeyStore({ db: storeDb });
  const eventStore = createPostgresEventStore({ db: storeDb });
  const decode = domainEventDecoder({ eventStore, keyStore });
  const worker = options.decodingWorker
    ? startDecodingWorker({
        script: new URL('./decoding-worker.mjs', import.meta.url),
        workerData: { url: database.url } satisfies DecodingWorkerData,
        ...(options.decodeHere > 0 ? { decodeHere: { decode, share: options.decodeHere } } : {}),
      })
    : undefined;
  return {
    database,
    storePool,
    readPool,
    readDb,
    keyStore,
    eventStore,
    setup: {
      db: readDb,
      eventStore,
      decode,
      counter: postgresEventCounter(storePool),
      batchSize: options.batchSize,
      foldLimits: options.fold ? undefined : { ...defaultFoldLimits, rowLimit: 0 },
      progress,
      pages: worker?.pages,
    },
    close: async () => {
      await worker?.close();
      await eventStore.close();
      await storeDb.destroy();
      await readDb.destroy();
      await database.drop();
    },
  };
};

const factsOf = ({ phones: _, ...facts }: SeededLog): LogFacts => facts;

type Opened = Awaited<ReturnType<typeof openDatabase>>;

const writeLog = async (opened: Opened, customers: number, months: number): Promise<SeededLog> => {
  progress(`Writing a seeded history of ${customers} customers over ${months} months…`);
  let lastReport = 0;
  const log = await writeSeededLog(
    opened.storePool,
    opened.keyStore,
    { seed, customers, months, startAt, reportingCurrency: settings.reportingCurrency },
    (events, estimated) => {
      if (events - lastReport < 100_000 && events !== estimated) return;
      lastReport = events;
      progress(`  ${events} events written (about ${estimated} commands in all)`);
    },
  );
  progress(`  ${log.events} events from ${log.commands} commands in ${log.seconds.toFixed(0)} s`);
  return log;
};

const partA = async (serverUrl: string): Promise<BenchReport['rebuild']> => {
  const opened = await openDatabase(serverUrl, 'bench_rebuild');
  try {
    const customers = customersFor(options.events, options.months);
    const log = await writeLog(opened, customers, options.months);
    const projections = allProjections(settings);
    progress(`Raw 100-row INSERTs (${options.rawStatements} statements)…`);
    const rawBefore = await rawInsertRate(opened.storePool, options.rawStatements);
    progress(`Rebuilding all ${projections.length} read models side by side…`);
    const together = await rebuildTogether(opened.setup, projections, 'all');
    progress(`  all: ${together.seconds.toFixed(1)} s`);
    progress('Raw 100-row INSERTs again…');
    const rawAfter = await rawInsertRate(opened.storePool, options.rawStatements);
    const alone = options.separate
      ? await rebuildEachAlone(opened.setup, [...projections, readAndDecodeOnly])
      : [];
    return { log: factsOf(log), rawBefore, rawAfter, together, alone };
  } finally {
    await opened.close();
  }
};

const partB = async (serverUrl: string): Promise<BenchReport['lookup']> => {
  const opened = await openDatabase(serverUrl, 'bench_lookup');
  try {
    const log = await writeLog(opened, options.lookupCustomers, options.lookupMonths);
    progress('Projecting customer 360°…');
    const started = process.hrtime.bigint();
    await createProjectionRunner({
      ...opened.setup,
      projection: customer360Projection(settings),
    }).catchUp();
    progress(`  done in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
    await opened.readPool.query('VACUUM ANALYZE');
    progress(`Looking up ${options.lookups} callers by phone…`);
    const lookupPool = new pg.Pool({ connectionString: opened.database.url, max: 1 });
    const db = new Kysely<Customer360Tables>({
      dialect: new PostgresDialect({ pool: lookupPool }),
    }).withSchema('customer_360');
    try {
      const result = await measurePhoneLookups({
        db,
        pool: lookupPool,
        schema: 'customer_360',
        phones: log.phones,
        lookups: options.lookups,
        progress,
      });
      return { ...result, log: factsOf(log) };
    } finally {
      await db.destroy();
    }
  } finally {
    await opened.close();
  }
};

const main = async (): Promise<void> => {
  const started = Date.now();
  const server = await startTestServer({
    fast: false,
    postgresFlags: options.durable ? [] : ['-c', 'synchronous_commit=off'],
  });
  try {
    const probe = new pg.Client({ connectionString: server.url });
    await probe.connect();
    const { rows } = await probe.query<{ version: string; sync: string; buffers: string }>(
      `SELECT current_setting('server_version') AS version,
        current_setting('synchronous_commit') AS sync, current_setting('shared_buffers') AS buffers`,
    );
    await probe.end();
    const facts = {
      node: process.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
      postgres: rows[0]?.version ?? 'unknown',
      synchronous_commit: rows[0]?.sync ?? 'unknown',
      shared_buffers: rows[0]?.buffers ?? 'unknown',
      server: process.env.DATABASE_URL === undefined ? 'embedded' : 'DATABASE_URL',
      rebuild_batch_size: String(
        options.batchSize ?? `runtime default (${defaultRebuildBatchSize})`,
      ),
      node_options: process.env.NODE_OPTIONS ?? '',
      decoding: options.decodingWorker
        ? `in a worker thread${options.decodeHere > 0 ? `, ${Math.round(options.decodeHere * 100)} % of each page on the main thread` : ''}`
        : 'on the main thread',
      folds: options.fold ? 'on (runtime defaults)' : 'off',
      started: new Date(started).toISOString(),
    };
    progress(`Benchmarking on ${JSON.stringify(facts)}`);
    const rebuild = runs('a') ? await partA(server.url) : undefined;
    const lookup = runs('b') ? await partB(server.url) : undefined;
    const report: BenchReport = {
      facts: {
        ...facts,
        wall: `${Math.round((Date.now() - started) / 1000)} s`,
        load_average: loadavg()
          .map((x) => x.toFixed(1))
          .join(' '),
      },
      rebuild,
      lookup,
    };
    printReport(report, options.json);
  } finally {
    await server.stop();
  }
};

await main();
