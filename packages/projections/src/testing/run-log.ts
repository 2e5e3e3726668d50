import { positionToString } from '@crm/event-store';
import { type Kysely, sql } from 'kysely';
import type { Projection } from '../projection.ts';

/** The table `withRunLog` adds to a projection's schema. */
export const runLogTable = 'run_log';

/** One batch as `withRunLog` recorded it. */
export interface RunLogEntry {
  readonly batch: number;
  /** The backend pid of the session that applied it: the owner's lock connection. */
  readonly pid: number;
  /** That session, told apart from a later one with the same pid: `<pid>@<backend start>`. */
  readonly session: string;
  readonly first: string;
  readonly last: string;
  readonly events: number;
}

/**
 * Wraps a projection so that each batch also records, in its own transaction, which database
 * session applied it and which positions it covered (`run_log`). Ownership and exactly-once
 * read off it: one session's batches never interleave with another's, and the batches follow
 * each other without overlap. Not deterministic (pids), so leave `run_log` out of comparisons.
 */
export const withRunLog = <TTables>(projection: Projection<TTables>): Projection<TTables> => ({
  ...projection,
  migrations: {
    ...projection.migrations,
    '9999_run_log': {
      up: async (db) => {
        await sql`
          CREATE TABLE run_log (
            batch bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            pid integer NOT NULL,
            session text NOT NULL,
            first_position text NOT NULL,
            last_position text NOT NULL,
            events integer NOT NULL
          )`.execute(db);
      },
    },
  },
  apply: async (db, events) => {
    await projection.apply(db, events);
    const first = events[0];
    const last = events[events.length - 1];
    if (first === undefined || last === undefined) return;
    await sql`
      INSERT INTO run_log (pid, session, first_position, last_position, events)
      SELECT pid, pid || '@' || backend_start, ${positionToString(first.position)},
        ${positionToString(last.position)}, ${events.length}
      FROM pg_stat_activity WHERE pid = pg_backend_pid()`.execute(db);
  },
});

/** Reads a projection's run log in commit order. */
export const readRunLog = async <TDatabase>(
  db: Kysely<TDatabase>,
  schema: string,
): Promise<ReadonlyArray<RunLogEntry>> => {
  const { rows } = await sql<{
    readonly batch: string;
    readonly pid: number;
    readonly session: string;
    readonly first_position: string;
    readonly last_position: string;
    readonly events: number;
  }>`SELECT r.batch::text AS batch, pid, session, first_position, last_position, events
     FROM ${sql.table(`${schema}.${runLogTable}`)} r ORDER BY r.batch`.execute(db);
  return rows.map((row) => ({
    batch: Number(row.batch),
    pid: row.pid,
    session: row.session,
    first: row.first_position,
    last: row.last_position,
    events: row.events,
  }));
};

/**
 * What a run log must show, as a list of violations (empty: all is well): batches in commit
 * order follow each other without overlapping positions, and once a session's batches stop,
 * that session applies no more (ownership intervals never interleave).
 */
export const runLogViolations = (entries: ReadonlyArray<RunLogEntry>): ReadonlyArray<string> => {
  const violations: string[] = [];
  const retired = new Set<string>();
  const order = (text: string): [bigint, bigint] => {
    const [commit, prepare] = text.split('/');
    return [BigInt(commit ?? '0'), BigInt(prepare ?? '0')];
  };
  const after = (a: string, b: string): boolean => {
    const [ac, ap] = order(a);
    const [bc, bp] = order(b);
    return ac > bc || (ac === bc && ap > bp);
  };
  let previous: RunLogEntry | undefined;
  for (const entry of entries) {
    if (previous !== undefined) {
      if (!after(entry.first, previous.last)) {
        violations.push(
          `batch ${entry.batch} starts at ${entry.first}, not after ${previous.last}`,
        );
      }
      if (entry.session !== previous.session) {
        retired.add(previous.session);
        if (retired.has(entry.session)) {
          violations.push(
            `session ${entry.session} applied batch ${entry.batch} after losing ownership`,
          );
        }
      }
    }
    previous = entry;
  }
  return violations;
};
