import {
  comparePositions,
  type EventStore,
  type LogPosition,
  logStart,
  positionToString,
} from '@crm/event-store';
import {
  type AnyProjection,
  type EventDecoder,
  loadCheckpoint,
  projectionMigrationTable,
} from '@crm/projections';
import { type Kysely, sql } from 'kysely';
import { AuditError } from './audit-error.ts';
import { asAuditError } from './audit-log.ts';
import { createScratchReplay, decodeAll } from './scratch-replay.ts';

/** One row that differs: the same key with other values, or a row on one side only. */
export interface RowDifference {
  /** The row's primary key (`customer_id=c-1`), or the whole row when the table has none. */
  readonly key: string;
  readonly kind: 'changed' | 'only-live' | 'only-replay';
  /** For `changed`: each column whose values differ, as JSON. */
  readonly columns: ReadonlyArray<{
    readonly column: string;
    readonly live: string;
    readonly replay: string;
  }>;
}

/** How one read-model table compares with its replay. */
export interface TableDifference {
  readonly table: string;
  /** Rows in the live table that the replay does not have (counted with multiplicity). */
  readonly onlyLive: number;
  /** Rows the replay has that the live table does not. */
  readonly onlyReplay: number;
  /** `missing-live` / `missing-replay`: the table exists on one side only. */
  readonly problem: 'rows' | 'missing-live' | 'missing-replay';
  /** A few differing rows, paired by primary key. */
  readonly samples: ReadonlyArray<RowDifference>;
}

/** The verdict on one projection. */
export interface ProjectionVerification {
  readonly projection: string;
  /** Where its live checkpoint stood, which is how far the replay went. */
  readonly position: string | undefined;
  /** `no-checkpoint`: the projection never ran here, so there is nothing to compare. */
  readonly status: 'same' | 'different' | 'no-checkpoint';
  readonly tablesCompared: number;
  readonly rowsCompared: number;
  readonly differences: ReadonlyArray<TableDifference>;
}

/** What `verifyReadModels` reports. */
export interface ReadModelVerification {
  readonly ok: boolean;
  readonly eventsReplayed: number;
  readonly projections: ReadonlyArray<ProjectionVerification>;
}

/** Progress of the replay, for a progress bar. */
export interface ReplayProgress {
  readonly done: number;
  readonly total: number;
}

export interface VerifyReadModelsOptions<TDatabase> {
  /** The read-model database (live schemas and the runtime's checkpoints). */
  readonly db: Kysely<TDatabase>;
  readonly eventStore: EventStore;
  readonly projections: ReadonlyArray<AnyProjection>;
  /** Decrypting decoder (`revealingDecoder`): projections see what the runtime gave them. */
  readonly decode: EventDecoder;
  /** Events in the log in all (for progress); counted by reading when absent. */
  readonly total?: () => Promise<number>;
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly signal?: AbortSignal;
  readonly pageSize?: number;
  /** Rows of each side to show per differing table (3). */
  readonly samples?: number;
}

const bookkeeping = new Set([projectionMigrationTable, `${projectionMigrationTable}_lock`]);

const tablesOf = async <TDatabase>(db: Kysely<TDatabase>, schema: string): Promise<string[]> => {
  const { rows } = await sql<{ readonly name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = ${schema} AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  return rows.map((row) => row.name).filter((name) => !bookkeeping.has(name));
};

// Rows compared as jsonb, which has equality for every column type (json has none).
const rowsOnlyIn = async <TDatabase>(
  db: Kysely<TDatabase>,
  from: string,
  other: string,
  table: string,
  keep: number,
): Promise<{ readonly count: number; readonly rows: ReadonlyArray<Record<string, unknown>> }> => {
  const difference = sql`
    SELECT to_jsonb(a) AS row FROM ${sql.table(`${from}.${table}`)} AS a
    EXCEPT ALL
    SELECT to_jsonb(b) FROM ${sql.table(`${other}.${table}`)} AS b`;
  const { rows } = await sql<{
    readonly count: string;
    readonly sample: Array<Record<string, unknown>> | null;
  }>`
    SELECT count(*)::text AS count,
      (array_agg(d.row ORDER BY d.row::text))[1:${sql.lit(keep)}] AS sample
    FROM (${difference}) AS d`.execute(db);
  return { count: Number(rows[0]?.count ?? 0), rows: rows[0]?.sample ?? [] };
};

const primaryKeyOf = async <TDatabase>(
  db: Kysely<TDatabase>,
  schema: string,
  table: string,
): Promise<ReadonlyArray<string>> => {
  const { rows } = await sql<{ readonly column: string }>`
    SELECT a.attname AS column
    FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
    WHERE i.indrelid = ${`${schema}.${table}`}::regclass AND i.indisprimary
    ORDER BY array_position(i.indkey, a.attnum)`.execute(db);
  return rows.map((row) => row.column);
};

/** Pairs the rows of each side by primary key and names the columns that differ. */
const pairRows = (
  key: ReadonlyArray<string>,
  live: ReadonlyArray<Record<string, unknown>>,
  replay: ReadonlyArray<Record<string, unknown>>,
  samples: number,
): RowDifference[] => {
  const keyOf = (row: Record<string, unknown>): string =>
    key.length === 0
      ? JSON.stringify(row)
      : key
          .map(
            (column) =>
              `${column}=${typeof row[column] === 'string' ? row[column] : JSON.stringify(row[column])}`,
          )
          .join(' ');
  const replayByKey = new Map(replay.map((row) => [keyOf(row), row]));
  const out: RowDifference[] = [];
  for (const row of live) {
    const rowKey = keyOf(row);
    const other = replayByKey.get(rowKey);
    if (other === undefined) {
      out.push({ key: rowKey, kind: 'only-live', columns: [] });
      continue;
    }
    replayByKey.delete(rowKey);
    const columns = [...new Set([...Object.keys(row), ...Object.keys(other)])]
      .filter((column) => JSON.stringify(row[column]) !== JSON.stringify(other[column]))
      .map((column) => ({
        column,
        live: JSON.stringify(row[column]) ?? 'null',
        replay: JSON.stringify(other[column]) ?? 'null',
      }));
    out.push({ key: rowKey, kind: 'changed', columns });
  }
  for (const rowKey of replayByKey.keys())
    out.push({ key: rowKey, kind: 'only-replay', columns: [] });
  return out.slice(0, samples);
};

const compareSchemas = async <TDatabase>(
  db: Kysely<TDatabase>,
  live: string,
  replay: string,
  samples: number,
): Promise<{ differences: TableDifference[]; tables: number; rows: number }> => {
  const liveTables = await tablesOf(db, live);
  const replayTables = await tablesOf(db, replay);
  const differences: TableDifference[] = [];
  const none: RowDifference[] = [];
  for (const table of liveTables.filter((t) => !replayTables.includes(t))) {
    differences.push({
      table,
      onlyLive: 0,
      onlyReplay: 0,
      problem: 'missing-replay',
      samples: none,
    });
  }
  for (const table of replayTables.filter((t) => !liveTables.includes(t))) {
    differences.push({ table, onlyLive: 0, onlyReplay: 0, problem: 'missing-live', samples: none });
  }
  let rows = 0;
  const shared = liveTables.filter((t) => replayTables.includes(t));
  for (const table of shared) {
    const { rows: counted } = await sql<{ readonly count: string }>`
      SELECT count(*)::text AS count FROM ${sql.table(`${live}.${table}`)}`.execute(db);
    rows += Number(counted[0]?.count ?? 0);
    const onlyLive = await rowsOnlyIn(db, live, replay, table, 50);
    const onlyReplay = await rowsOnlyIn(db, replay, live, table, 50);
    if (onlyLive.count > 0 || onlyReplay.count > 0) {
      differences.push({
        table,
        onlyLive: onlyLive.count,
        onlyReplay: onlyReplay.count,
        problem: 'rows',
        samples: pairRows(
          await primaryKeyOf(db, live, table),
          onlyLive.rows,
          onlyReplay.rows,
          samples,
        ),
      });
    }
  }
  return { differences, tables: shared.length, rows };
};

const countByReading = async (store: EventStore): Promise<number> => {
  let count = 0;
  let after: LogPosition = logStart;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 5000 });
    count += page.length;
    const last = page[page.length - 1];
    if (last === undefined || page.length < 5000) return count;
    after = last.position;
  }
};

/**
 * Replays the log into scratch schemas — every projection from zero, up to where its live
 * checkpoint stands — and compares every table of each with the live one, row for row
 * (`EXCEPT ALL` over `to_jsonb`). A projector may run meanwhile: the comparison happens in one
 * repeatable-read snapshot in which the checkpoints are where the replay got; if they moved,
 * the replay catches up first. The scratch schemas are dropped at the end, also on failure.
 *
 * @example
 * const report = await verifyReadModels({ db, eventStore, projections, decode: revealingDecoder(reader) });
 * if (!report.ok) process.exitCode = 1;
 */
export const verifyReadModels = async <TDatabase>(
  options: VerifyReadModelsOptions<TDatabase>,
): Promise<ReadModelVerification> => {
  const { db, eventStore, projections, decode, signal } = options;
  const pageSize = options.pageSize ?? 1000;
  const samples = options.samples ?? 3;
  const total = await (options.total ?? (() => countByReading(eventStore)))();
  const checkpoints = async (): Promise<Map<string, LogPosition | undefined>> => {
    const found = new Map<string, LogPosition | undefined>();
    for (const projection of projections) {
      found.set(projection.name, (await loadCheckpoint(db, projection.name))?.position);
    }
    return found;
  };

  let targets: Map<string, LogPosition | undefined>;
  try {
    targets = await checkpoints();
  } catch (error) {
    // No runtime schema at all: nothing was ever projected here.
    if (/projection_runtime/.test(String(error))) targets = new Map();
    else throw asAuditError(error);
  }
  const present = projections.filter((p) => targets.get(p.name) !== undefined);
  const replay = await createScratchReplay(db, present, 'verify');
  try {
    const reached = new Map<string, LogPosition>(present.map((p) => [p.name, logStart]));
    let replayed = 0;
    const catchUp = async (): Promise<void> => {
      const goals = present.map((p) => targets.get(p.name) ?? logStart);
      const furthest = goals.reduce((a, b) => (comparePositions(a, b) >= 0 ? a : b), logStart);
      let after = present
        .map((p) => reached.get(p.name) ?? logStart)
        .reduce((a, b) => (comparePositions(a, b) <= 0 ? a : b), furthest);
      while (comparePositions(after, furthest) < 0) {
        if (signal?.aborted === true) throw new AuditError('Unavailable', 'Interrupted.');
        const page = await eventStore.readAll({ after, maxCount: pageSize });
        const last = page[page.length - 1];
        if (last === undefined) break;
        const upTo = page.filter((event) => comparePositions(event.position, furthest) <= 0);
        let decoded: Awaited<ReturnType<typeof decodeAll>>;
        try {
          decoded = await decodeAll(decode, upTo);
        } catch (error) {
          throw new AuditError(
            'CorruptEvent',
            `The log does not replay: ${error instanceof Error ? error.message : String(error)}`,
            undefined,
            { cause: error },
          );
        }
        await replay.apply(decoded, (projection, event) => {
          const from = reached.get(projection.name) ?? logStart;
          const goal = targets.get(projection.name) ?? logStart;
          return (
            comparePositions(event.position, from) > 0 &&
            comparePositions(event.position, goal) <= 0
          );
        });
        replayed += upTo.length;
        options.onProgress?.({ done: Math.min(replayed, total), total: Math.max(total, replayed) });
        after = last.position;
        if (upTo.length < page.length || page.length < pageSize) break;
      }
      for (const p of present) reached.set(p.name, targets.get(p.name) ?? logStart);
    };

    await catchUp();
    for (let round = 0; ; round += 1) {
      const verdicts = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const now = new Map<string, LogPosition | undefined>();
          for (const p of present) now.set(p.name, (await loadCheckpoint(trx, p.name))?.position);
          const moved = present.some((p) => {
            const at = now.get(p.name);
            const goal = targets.get(p.name);
            return at === undefined || goal === undefined || comparePositions(at, goal) !== 0;
          });
          if (moved) {
            targets = now;
            return undefined;
          }
          const out: ProjectionVerification[] = [];
          for (const projection of projections) {
            const position = targets.get(projection.name);
            if (position === undefined) {
              out.push({
                projection: projection.name,
                position: undefined,
                status: 'no-checkpoint',
                tablesCompared: 0,
                rowsCompared: 0,
                differences: [],
              });
              continue;
            }
            const compared = await compareSchemas(
              trx,
              projection.name,
              replay.schemaOf(projection.name),
              samples,
            );
            out.push({
              projection: projection.name,
              position: positionToString(position),
              status: compared.differences.length === 0 ? 'same' : 'different',
              tablesCompared: compared.tables,
              rowsCompared: compared.rows,
              differences: compared.differences,
            });
          }
          return out;
        });
      if (verdicts !== undefined) {
        return {
          ok: verdicts.every((v) => v.status === 'same'),
          eventsReplayed: replayed,
          projections: verdicts,
        };
      }
      if (round >= 5) {
        throw new AuditError(
          'Unavailable',
          'The live read models kept moving while they were compared; stop the projector or retry.',
        );
      }
      await catchUp();
    }
  } catch (error) {
    throw asAuditError(error);
  } finally {
    await replay.drop().catch(() => undefined);
  }
};
