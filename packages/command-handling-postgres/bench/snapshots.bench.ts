/**
 * Command handling on a long stream, with and without snapshots, beside raw PostgreSQL in the
 * same run on the same server (brief §9, issue 6 item 7):
 *   raw       SELECT of the customer's rows from `es_events` through `pg` (the baseline)
 *   read      the event store's `readStream` of the same stream (no decryption, no decoding)
 *   without   `handle` of one command, loading the whole stream (decrypt, decode, fold)
 *   with      `handle` of one command, loading from the snapshot plus the events after it
 *
 *   pnpm --filter @crm/command-handling-postgres bench [--events=10000] [--rounds=15] [--json]
 *
 * Without DATABASE_URL it starts an embedded PostgreSQL. Appends `docs/benchmarks.md`'s
 * section "Command handling: snapshots" (replacing only that section) unless `--json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import {
  type CommandHandler,
  createCommandHandler,
  createInMemoryCommandOutcomeStore,
  crmRoleTable,
  crmRoutingTable,
} from '@crm/command-handling';
import { crmScenario } from '@crm/command-handling/testing';
import type { DomainError, VersionedEvent } from '@crm/domain';
import { createPostgresEventStore, migrateEventStore } from '@crm/event-store-postgres';
import { startTestDatabase } from '@crm/test-database';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPostgresKeyStore } from '../src/postgres-key-store.ts';
import { createPostgresSnapshotStore } from '../src/postgres-snapshot-store.ts';
import { migrateCommandHandling } from '../src/schema.ts';

const argument = (name: string, fallback: number): number => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found === undefined ? fallback : Number(found.slice(name.length + 3));
};
const eventCount = argument('events', 10_000);
const rounds = argument('rounds', 15);
const warmups = 3;
const asJson = process.argv.includes('--json');
const progress = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

const rep = { id: 'u-rep-jo', role: 'sales_rep' } as const;
const customerId = 'c-long';
const stream = `customer-${customerId}`;
let sequence = 0;
const nextInteraction = () => {
  sequence += 1;
  return {
    command: {
      type: 'RecordInteraction',
      data: {
        customerId,
        interactionId: `i-${sequence}`,
        channel: 'call',
        direction: sequence % 2 === 0 ? 'inbound' : 'outbound',
        summary: `Call ${sequence}: talked through the quote and the delivery dates`,
        by: rep.id,
        at: new Date(Date.UTC(2026, 0, 1) + sequence * 60_000).toISOString(),
      },
    },
    context: { commandId: `bench-${sequence}`, actor: rep },
  };
};

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const p95 = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
};
const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const handleOne = async (handler: CommandHandler<VersionedEvent, DomainError>): Promise<void> => {
  const { command, context } = nextInteraction();
  const result = await handler.handle(command, context);
  if (result.kind !== 'accepted') throw new Error(`benchmark command not accepted: ${result.kind}`);
};

const main = async (): Promise<void> => {
  const startedAt = Date.now();
  const database = await startTestDatabase({ prefix: 'bench_snapshots' });
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateEventStore(db);
    await migrateCommandHandling(db);
    const eventStore = createPostgresEventStore({ db });
    const keyStore = createPostgresKeyStore({ db });
    const snapshots = createPostgresSnapshotStore({ db });
    const base = { eventStore, routes: crmRoutingTable, roles: crmRoleTable, keyStore };
    const withSnapshots = createCommandHandler({
      ...base,
      outcomes: createInMemoryCommandOutcomeStore(),
      snapshots,
    });
    const withoutSnapshots = createCommandHandler({
      ...base,
      outcomes: createInMemoryCommandOutcomeStore(),
    });

    progress(`seeding ${eventCount} events of ${stream} through handle (snapshots every 100)…`);
    const [registration] = crmScenario(customerId);
    if (registration === undefined) throw new Error('no registration');
    const registered = await withSnapshots.handle(registration.command, registration.context);
    if (registered.kind !== 'accepted') throw new Error('registration refused');
    for (let n = 1; n < eventCount; n += 1) {
      await handleOne(withSnapshots);
      if (n % 1000 === 0) progress(`  ${n} events`);
    }
    const snapshot = await snapshots.load(stream);
    progress(
      `snapshot at revision ${snapshot?.revision}; measuring ${rounds} rounds after ${warmups} warm-ups`,
    );

    const samples = {
      raw: [] as number[],
      read: [] as number[],
      without: [] as number[],
      with: [] as number[],
    };
    let rawRows = 0;
    for (let round = 0; round < warmups + rounds; round += 1) {
      // Interleaved, so drift and bursts of load on the shared machine hit all four alike.
      const raw = await time(async () => {
        const { rows } = await pool.query(
          'SELECT * FROM es_events WHERE stream_name = $1 ORDER BY revision',
          [stream],
        );
        rawRows = rows.length;
      });
      const read = await time(() => eventStore.readStream(stream));
      const without = await time(() => handleOne(withoutSnapshots));
      const withSnapshot = await time(() => handleOne(withSnapshots));
      if (round >= warmups) {
        samples.raw.push(raw);
        samples.read.push(read);
        samples.without.push(without);
        samples.with.push(withSnapshot);
      }
    }
    const rows = [
      {
        name: `raw SELECT of the stream's rows (pg, ${rawRows} rows) — baseline`,
        values: samples.raw,
      },
      { name: 'event store readStream of the whole stream', values: samples.read },
      { name: 'handle one command, no snapshot (load all events)', values: samples.without },
      { name: 'handle one command, from the snapshot', values: samples.with },
    ].map(({ name, values }) => ({
      name,
      median: median(values),
      p95: p95(values),
      ratio: median(values) / median(samples.raw),
    }));
    if (asJson) {
      process.stdout.write(`${JSON.stringify({ events: eventCount, rounds, rows }, null, 2)}\n`);
      return;
    }
    const command = `pnpm --filter @crm/command-handling-postgres bench${eventCount === 10_000 ? '' : ` -- --events=${eventCount}`}`;
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const table = [
      '| Measure | Median (ms) | p95 (ms) | × baseline |',
      '|---------|------------:|---------:|-----------:|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.median.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.ratio.toFixed(2)} |`,
      ),
    ].join('\n');
    const section = `## Command handling: snapshots

What it measures: the time to handle one command (\`RecordInteraction\`, whose summary is personal data and so encrypted) on a customer whose stream holds ${eventCount.toLocaleString('en')} events, through \`handle\` on the PostgreSQL event store with the PostgreSQL key store, with and without the PostgreSQL snapshot store. Each handled command decodes, authorises, loads, decides, encrypts, hashes and appends one event, and records its outcome (in memory here, so the figure is the load's). Without snapshots the load reads, decrypts, decodes and folds every event of the stream; with them it reads the snapshot and the events after it (at most 100: the customer route snapshots every 100 events). Beside them, in the same run on the same server: a raw \`SELECT\` of the stream's rows through \`pg\` (the baseline) and the store's own \`readStream\` of the whole stream. The stream is seeded through \`handle\` itself; every round runs the four measures one after another; medians and p95 over ${rounds} rounds after ${warmups} warm-ups.

Command (from the repository root):

\`\`\`
${command}
\`\`\`

Machine: Node ${process.version}, ${cpu}, ${cpus().length} cores, ${process.platform} ${process.arch}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, load average ${loadavg()[0]?.toFixed(1)} at the end. ${process.env.DATABASE_URL === undefined ? 'Embedded PostgreSQL (the test-database helper), default settings.' : 'PostgreSQL from DATABASE_URL.'} Run of ${new Date().toISOString().slice(0, 16)}Z, ${Math.round((Date.now() - startedAt) / 1000)} s wall time.

${table}

Snapshots turn the load from O(stream length) into O(events since the last snapshot): with them, handling a command on a ${eventCount.toLocaleString('en')}-event customer costs ${(rows[3]?.ratio ?? 0).toFixed(2)}× a raw read of its rows, against ${(rows[2]?.ratio ?? 0).toFixed(2)}× without.
`;
    process.stdout.write(`${table}\n`);
    const path = new URL('../../../docs/benchmarks.md', import.meta.url);
    let doc = '';
    try {
      doc = readFileSync(path, 'utf8');
    } catch {
      doc = '# Benchmarks\n';
    }
    const heading = '## Command handling: snapshots';
    const at = doc.indexOf(heading);
    if (at < 0) {
      doc = `${doc.trimEnd()}\n\n${section}`;
    } else {
      const next = doc.indexOf('\n## ', at + heading.length);
      doc = `${doc.slice(0, at)}${section}${next < 0 ? '' : doc.slice(next + 1)}`;
    }
    writeFileSync(path, doc);
    progress('docs/benchmarks.md updated');
  } finally {
    await db.destroy();
    await database.drop();
  }
};

await main();
