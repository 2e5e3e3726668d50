import { createHash } from 'node:crypto';
import { type Compilable, CompiledQuery, type Kysely, sql } from 'kysely';

/*
 * The 360° look-up is one statement of a dozen sub-selects, answered in well under a
 * millisecond once planned; building it with Kysely (~0.3 ms) and planning it (~0.5–1 ms) cost
 * more than running it. So each look-up's statement is compiled once per database handle, and
 * prepared once per connection (`PREPARE`), then run with `EXECUTE`: the server plans it once
 * per connection. PostgreSQL re-plans a prepared statement by itself when its tables change (a
 * rebuild's swap); if their columns changed it refuses it, and it is prepared afresh.
 */

/** A look-up's statement, compiled once, and where its one varying value goes. */
interface LookupStatement {
  readonly sql: string;
  readonly parameters: ReadonlyArray<unknown>;
  readonly slots: ReadonlyArray<number>;
  /** Its name as a prepared statement: a hash of its text, so another text never collides. */
  readonly name: string;
}

// Stands for the searched value while compiling; no real input holds a NUL character.
const placeholder = '\u0000customer-360-lookup';

const statements = new WeakMap<object, Map<string, LookupStatement>>();

const statementOf = (
  db: object,
  key: string,
  build: (value: string) => Compilable<unknown>,
): LookupStatement => {
  const known = statements.get(db) ?? new Map<string, LookupStatement>();
  statements.set(db, known);
  const found = known.get(key);
  if (found !== undefined) return found;
  const compiled = build(placeholder).compile();
  const statement = {
    sql: compiled.sql,
    parameters: compiled.parameters,
    slots: compiled.parameters.flatMap((value, index) => (value === placeholder ? [index] : [])),
    name: `customer_360_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 24)}`,
  };
  known.set(key, statement);
  return statement;
};

const isLiteral = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null
    ? (error as { readonly code?: unknown }).code
    : undefined;

/** `invalid_sql_statement_name`: not prepared on this connection yet. */
const notPrepared = '26000';
/** `feature_not_supported`, here "cached plan must not change result type": columns changed. */
const resultTypeChanged = '0A000';

/**
 * Runs a look-up by one value (`build(value)` gives its query), as a statement prepared on
 * the connection. Inside a transaction it runs the compiled statement unprepared, since a
 * failed `EXECUTE` there would abort the caller's transaction.
 */
export const runLookup = async <TDatabase, TRow>(
  db: Kysely<TDatabase>,
  key: string,
  value: string,
  build: (value: string) => Compilable<TRow>,
): Promise<ReadonlyArray<TRow>> => {
  const statement = statementOf(db, key, build);
  const parameters = statement.parameters.map((parameter, index) =>
    statement.slots.includes(index) ? value : parameter,
  );
  if (db.isTransaction || !parameters.every(isLiteral)) {
    return (await db.executeQuery<TRow>(CompiledQuery.raw(statement.sql, parameters))).rows;
  }
  const name = sql.raw(statement.name);
  const execute = sql<TRow>`execute ${name} (${sql.join(parameters.map((p) => sql.lit(p)))})`;
  return db.connection().execute(async (connection) => {
    try {
      return (await execute.execute(connection)).rows;
    } catch (error) {
      const code = codeOf(error);
      if (code !== notPrepared && code !== resultTypeChanged) throw error;
      if (code === resultTypeChanged) await sql`deallocate ${name}`.execute(connection);
      await sql`prepare ${name} as ${sql.raw(statement.sql)}`.execute(connection);
      return (await execute.execute(connection)).rows;
    }
  });
};
