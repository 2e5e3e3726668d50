import type pg from 'pg';

/** Rows per raw INSERT statement. */
export const rawRowsPerStatement = 100;

const columnsPerRow = 5;

const rawInsert = `INSERT INTO raw_rows (customer_id, amount_minor, currency, at, note) VALUES ${Array.from(
  { length: rawRowsPerStatement },
  (_, row) =>
    `(${Array.from({ length: columnsPerRow }, (_, column) => `$${row * columnsPerRow + column + 1}`).join(', ')})`,
).join(', ')}`;

/** The plain table the raw INSERT baseline writes: a few columns and a primary key. */
export const createRawTable = async (pool: pg.Pool): Promise<void> => {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS raw_rows (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id text NOT NULL,
      amount_minor bigint NOT NULL,
      currency text NOT NULL,
      at timestamptz NOT NULL,
      note text
    )`);
};

/**
 * The raw write rate of the server: `statements` multi-row INSERTs of 100 rows each into
 * `raw_rows`, one after another on one connection, each its own transaction (committed per
 * statement). Rows per second.
 */
export const rawInsertRate = async (pool: pg.Pool, statements: number): Promise<number> => {
  await createRawTable(pool);
  const started = process.hrtime.bigint();
  for (let statement = 0; statement < statements; statement += 1) {
    const values: unknown[] = [];
    for (let row = 0; row < rawRowsPerStatement; row += 1) {
      const n = statement * rawRowsPerStatement + row;
      values.push(
        `cust-${String(n % 60_000).padStart(6, '0')}`,
        1_000 + (n % 9_973),
        'EUR',
        new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
        'Paid on delivery',
      );
    }
    await pool.query(rawInsert, values);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (statements * rawRowsPerStatement) / seconds;
};

/** The raw primary-key look-up the 360° look-up is compared with: one customer row by its id. */
export const rawCustomerById = (pool: pg.Pool, schema: string) => {
  const text = `SELECT * FROM ${schema}.customers WHERE customer_id = $1`;
  return async (customerId: string): Promise<number> => {
    const { rowCount } = await pool.query(text, [customerId]);
    return rowCount ?? 0;
  };
};
