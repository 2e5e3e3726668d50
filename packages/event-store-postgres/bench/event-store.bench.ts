/**
 * The PostgreSQL event store beside raw SQL through the same driver (`pg`), on one server, in
 * one run (brief §9, issue 4):
 *   (a) 1-event appends to new streams, 1 writer and 8 writers — raw single-row INSERTs
 *   (b) 100-event appends — raw 100-row INSERTs
 *   (c) reading a global log of 1,000,000 events — a raw keyset scan of the same table
 *   (d) a catch-up subscription over those events — the same raw keyset scan
 *
 *   pnpm --filter @crm/event-store-postgres bench [--json] [--streams=10000] [--batches=1000]
 *     [--log-events=1000000] [--durable]
 *
 * Without DATABASE_URL it starts an embedded PostgreSQL 18 with `synchronous_commit=off` (see
 * docs/benchmarks.md for why), or with `--durable` the server defaults.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { type EventStore, type LogPosition, logStart, type NewEvent } from '@crm/event-store';
import { createTestDatabase, startTestServer } from '@crm/test-database';
import Table from 'cli-table3';
import type pg from 'pg';
import { openPgTestStore, type PgTestStore } from '../src/pg-test-store.ts';

const argument = (name: string, fallback: number): number => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found === undefined ? fallback : Number(found.slice(name.length + 3));
};
const asJson = process.argv.includes('--json');
const durable = process.argv.includes('--durable');
const streams = argument('streams', 10_000);
const batches = argument('batches', 1_000);
const logEvents = argument('log-events', 1_000_000);
/** `--only=a,b,c` runs some measurements: a (1-event appends), b (100-event), c (reads: c and d). */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (phase: string): boolean => only === undefined || only.includes(phase);
const batchEvents = 100;
const pageSize = 1000;
const writersMany = 8;
/**
 * Store and baseline alternate in blocks of this many operations per writer, so that drift and
 * bursts of load on a shared machine (autovacuum, checkpoints, other processes) hit both alike.
 */
const blockPerWriter = 10;

const progress = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

interface Measurement {
  readonly name: string;
  readonly events: number;
  readonly storeEventsPerSecond: number;
  readonly baselineEventsPerSecond: number;
  readonly ratio: number;
  readonly target: number;
}

const sampleData = (n: number) => ({
  customerId: `c-${n % 997}`,
  amount: { cents: 12_345 + n, currency: 'EUR' },
  lines: [
    { sku: 'A-1', quantity: 2 },
    { sku: 'B-7', quantity: 1 },
  ],
  note: 'Quarterly renewal, invoiced on delivery',
});
const sampleMetadata = { actor: 'user-17', correlationId: '5b0b2b5e-4c57-4a35-9c53-0b8d5e6b3a11' };
const newEvent = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'OrderPlaced',
  data: sampleData(n),
  metadata: sampleMetadata,
});

/** Runs `count` operations on `writers` concurrent loops; returns the seconds taken. */
const timed = async (
  count: number,
  writers: number,
  operation: (index: number) => Promise<unknown>,
): Promise<number> => {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let index = next++; index < count; index = next++) await operation(index);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
};

/**
 * Alternates store and baseline in blocks of `blockPerWriter × writers` operations (the baseline
 * first in odd blocks) and reports events per second of each over all blocks.
 */
const compare = async (
  name: string,
  target: number,
  count: number,
  eventsPerOperation: number,
  writers: number,
  store: (index: number) => Promise<unknown>,
  baseline: (index: number) => Promise<unknown>,
): Promise<Measurement> => {
  const perRound = blockPerWriter * writers;
  const rounds = Math.ceil(count / perRound);
  let storeSeconds = 0;
  let baselineSeconds = 0;
  for (let round = 0; round < rounds; round += 1) {
    const offset = round * perRound;
    const runStore = async () => {
      storeSeconds += await timed(perRound, writers, (index) => store(offset + index));
    };
    const runBaseline = async () => {
      baselineSeconds += await timed(perRound, writers, (index) => baseline(offset + index));
    };
    if (round % 2 === 0) {
      await runStore();
      await runBaseline();
    } else {
      await runBaseline();
      await runStore();
    }
    if ((round + 1) % Math.ceil(rounds / 10) === 0 || round + 1 === rounds) {
      progress(`  ${name}: ${Math.min((round + 1) * perRound, count)} / ${count}`);
    }
  }
  const events = perRound * rounds * eventsPerOperation;
  const storeEventsPerSecond = events / storeSeconds;
  const baselineEventsPerSecond = events / baselineSeconds;
  return {
    name,
    events,
    storeEventsPerSecond,
    baselineEventsPerSecond,
    ratio: storeEventsPerSecond / baselineEventsPerSecond,
    target,
  };
};

/** A plain table with the columns of `es_events` and nothing but a primary key. */
const createRawTable = async (pool: pg.Pool): Promise<void> => {
  await pool.query(`
    CREATE TABLE raw_events (
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stream_name text NOT NULL,
      revision bigint NOT NULL,
      event_id uuid NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
};

const rawInsert = `INSERT INTO raw_events (stream_name, revision, event_id, type, data, metadata)
  VALUES ($1, $2, $3, $4, $5, $6)`;

/** `INSERT … VALUES (…), (…)` with 6 parameters per row. */
const rawBatchInsert = (rows: number): string =>
  `INSERT INTO raw_events (stream_name, revision, event_id, type, data, metadata) VALUES ${Array.from(
    { length: rows },
    (_, row) =>
      `(${Array.from({ length: 6 }, (_, column) => `$${row * 6 + column + 1}`).join(', ')})`,
  ).join(', ')}`;

const rawRow = (streamName: string, revision: number, event: NewEvent): unknown[] => [
  streamName,
  revision,
  event.eventId,
  event.type,
  JSON.stringify(event.data),
  JSON.stringify(event.metadata),
];

const measureAppends = async (target: PgTestStore): Promise<Measurement[]> => {
  const { store, pool } = target;
  await createRawTable(pool);
  const run = randomUUID().slice(0, 8);
  const single = (writers: number, label: string, goal: number) =>
    compare(
      `(a) 1-event appends to ${streams} new streams, ${label}`,
      goal,
      streams,
      1,
      writers,
      (index) =>
        store.append(`order-${run}w${writers}s${index}`, [newEvent(index)], {
          expectedRevision: 'no_stream',
        }),
      (index) =>
        pool.query(rawInsert, rawRow(`order-${run}w${writers}r${index}`, 0, newEvent(index))),
    );
  const results: Measurement[] = [];
  if (runs('a')) {
    results.push(await single(1, '1 writer', 0.7));
    results.push(await single(writersMany, `${writersMany} writers`, 0.6));
  }
  if (!runs('b')) return results;
  const batchSql = rawBatchInsert(batchEvents);
  results.push(
    await compare(
      `(b) ${batchEvents}-event appends (${batches} batches)`,
      0.6,
      batches,
      batchEvents,
      1,
      (index) =>
        store.append(
          `order-${run}b${index}`,
          Array.from({ length: batchEvents }, (_, n) => newEvent(n)),
          { expectedRevision: 'no_stream' },
        ),
      (index) =>
        pool.query(
          batchSql,
          Array.from({ length: batchEvents }, (_, n) =>
            rawRow(`order-${run}rb${index}`, n, newEvent(n)),
          ).flat(),
        ),
    ),
  );
  return results;
};

/**
 * Fills the log with `logEvents` events the way appends would leave it — 100 per transaction,
 * 100 per stream — but server-side, so the load takes seconds rather than minutes.
 */
const loadLog = async (pool: pg.Pool): Promise<void> => {
  const transactions = Math.ceil(logEvents / batchEvents);
  const chunk = 500;
  for (let first = 0; first < transactions; first += chunk) {
    const last = Math.min(first + chunk, transactions) - 1;
    await pool.query(`
      DO $$ BEGIN
        FOR t IN ${first}..${last} LOOP
          INSERT INTO es_events (stream_name, revision, event_id, type, data, metadata)
          SELECT 'order-l' || t, n, gen_random_uuid(), 'OrderPlaced',
            jsonb_build_object('customerId', 'c-' || (n % 997), 'amount',
              jsonb_build_object('cents', 12345 + n, 'currency', 'EUR'), 'lines',
              '[{"sku": "A-1", "quantity": 2}, {"sku": "B-7", "quantity": 1}]'::jsonb,
              'note', 'Quarterly renewal, invoiced on delivery'),
            '{"actor": "user-17", "correlationId": "5b0b2b5e-4c57-4a35-9c53-0b8d5e6b3a11"}'::jsonb
          FROM generate_series(0, ${batchEvents - 1}) AS n;
          COMMIT;
        END LOOP;
      END $$`);
    progress(
      `  loading the log: ${Math.min((last + 1) * batchEvents, logEvents)} / ${logEvents} events`,
    );
  }
  await pool.query('VACUUM ANALYZE es_events');
};

const rawScan = `SELECT * FROM es_events
  WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
  ORDER BY transaction_id, global_position LIMIT ${pageSize}`;

/** Reads the next `count` events (or fewer, at the end); resolves to how many it read. */
type Reader = (count: number) => Promise<number>;

/** A raw keyset scan through `pool`, page by page, continuing where the last call stopped. */
const rawReader = (pool: pg.Pool): Reader => {
  let after: [string, string] = ['0', '0'];
  return async (count) => {
    let read = 0;
    while (read < count) {
      const { rows } = await pool.query<{ transaction_id: string; global_position: string }>(
        rawScan,
        after,
      );
      read += rows.length;
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < pageSize) break;
      after = [last.transaction_id, last.global_position];
    }
    return read;
  };
};

/** `readAll` page by page, as a projector catching up would, continuing where it stopped. */
const readAllReader = (store: EventStore): Reader => {
  let after: LogPosition = logStart;
  return async (count) => {
    let read = 0;
    while (read < count) {
      const page = await store.readAll({ after, maxCount: pageSize });
      read += page.length;
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) break;
      after = last.position;
    }
    return read;
  };
};

/** One catch-up subscription from the start, pulled `count` events at a time. */
const subscriptionReader = (store: EventStore): Reader & { stop: () => Promise<void> } => {
  const subscription = store.subscribeToAll();
  const iterator = subscription[Symbol.asyncIterator]();
  const reader = async (count: number): Promise<number> => {
    for (let read = 0; read < count; read += 1) {
      if ((await iterator.next()).done === true) return read;
    }
    return count;
  };
  return Object.assign(reader, { stop: subscription.stop });
};

/**
 * Each reader goes over the whole log once, in chunks of ten pages taken in turn (the order
 * rotating), so that bursts of load on a shared machine hit all three alike.
 */
const measureReads = async (target: PgTestStore): Promise<Measurement[]> => {
  const { store, pool } = target;
  const warm = rawReader(pool);
  if ((await warm(logEvents + 1)) !== logEvents) throw new Error('the log is not loaded');
  const readers = {
    raw: rawReader(pool),
    readAll: readAllReader(store),
    subscription: subscriptionReader(store),
  };
  const seconds = { raw: 0, readAll: 0, subscription: 0 };
  const counts = { raw: 0, readAll: 0, subscription: 0 };
  const chunk = pageSize * 10;
  const names = Object.keys(readers) as Array<keyof typeof readers>;
  for (let turn = 0; turn * chunk < logEvents; turn += 1) {
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(turn + offset) % names.length] as keyof typeof readers;
      const started = process.hrtime.bigint();
      counts[name] += await readers[name](Math.min(chunk, logEvents - turn * chunk));
      seconds[name] += Number(process.hrtime.bigint() - started) / 1e9;
    }
    if ((turn + 1) % 10 === 0) progress(`  reads: ${(turn + 1) * chunk} / ${logEvents} events`);
  }
  await readers.subscription.stop();
  for (const name of names) {
    if (counts[name] !== logEvents) throw new Error(`${name} read ${counts[name]} events`);
  }
  const rate = (name: keyof typeof readers): number => logEvents / seconds[name];
  return [
    {
      name: `(c) readAll over ${logEvents} events, pages of ${pageSize}`,
      events: logEvents,
      storeEventsPerSecond: rate('readAll'),
      baselineEventsPerSecond: rate('raw'),
      ratio: rate('readAll') / rate('raw'),
      target: 0.7,
    },
    {
      name: `(d) catch-up subscription over ${logEvents} events`,
      events: logEvents,
      storeEventsPerSecond: rate('subscription'),
      baselineEventsPerSecond: rate('raw'),
      ratio: rate('subscription') / rate('raw'),
      target: 0.5,
    },
  ];
};

const main = async (): Promise<void> => {
  const server = await startTestServer({
    fast: false,
    postgresFlags: durable ? [] : ['-c', 'synchronous_commit=off'],
  });
  const measurements: Measurement[] = [];
  let facts: Record<string, string> = {};
  try {
    const writes = await createTestDatabase(server.url, 'bench_writes');
    const reads = await createTestDatabase(server.url, 'bench_reads');
    const writeStore = await openPgTestStore(writes.url, { poolSize: writersMany });
    const readStore = await openPgTestStore(reads.url, { poolSize: 1, batchSize: pageSize });
    try {
      const { rows } = await writeStore.pool.query<{ version: string; sync: string }>(
        `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync`,
      );
      facts = {
        node: process.version,
        cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
        postgres: rows[0]?.version ?? 'unknown',
        synchronous_commit: rows[0]?.sync ?? 'unknown',
        server: process.env.DATABASE_URL === undefined ? 'embedded' : 'DATABASE_URL',
      };
      progress(`Benchmarking on ${JSON.stringify(facts)}`);
      measurements.push(...(await measureAppends(writeStore)));
      if (runs('c')) {
        progress('Loading the log for the reads…');
        await loadLog(readStore.pool);
        measurements.push(...(await measureReads(readStore)));
      }
    } finally {
      await writeStore.close();
      await readStore.close();
      await writes.drop();
      await reads.drop();
    }
  } finally {
    await server.stop();
  }
  if (asJson) {
    process.stdout.write(`${JSON.stringify({ facts, measurements }, null, 2)}\n`);
    return;
  }
  const table = new Table({
    head: ['Measurement', 'Store events/s', 'Raw SQL events/s', 'Ratio', 'Target', ''],
  });
  for (const m of measurements) {
    table.push([
      m.name,
      Math.round(m.storeEventsPerSecond).toLocaleString('en'),
      Math.round(m.baselineEventsPerSecond).toLocaleString('en'),
      m.ratio.toFixed(2),
      `≥ ${m.target}`,
      m.ratio >= m.target ? 'met' : 'MISSED',
    ]);
  }
  console.log(
    Object.entries(facts)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n'),
  );
  console.log(table.toString());
};

await main();
