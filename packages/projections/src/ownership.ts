import { type Kysely, sql } from 'kysely';

/**
 * The first key of every ownership lock ('CRMP'): PostgreSQL keeps two-key advisory locks
 * apart from one-key ones (Kysely's migrator uses one key), and this namespace keeps ours
 * apart from other two-key users.
 */
export const ownershipLockNamespace = 0x43524d50;

// FNV-1a over the name's UTF-16 code units: stable across processes and versions, unlike
// PostgreSQL's hashtext; kept to 31 bits so pg_locks shows the same number.
const keyOf = (name: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
};

/** The two keys of the advisory lock that makes an instance the owner of `name`. */
export const ownershipLockKey = (name: string): readonly [number, number] => [
  ownershipLockNamespace,
  keyOf(name),
];

/**
 * Tries to become the owner of `name` on this connection: a session-level advisory lock,
 * which the server releases by itself when the connection ends, however it ends. Returns the
 * connection's backend pid when it got the lock, `undefined` when another session holds it.
 */
export const tryAcquireOwnership = async <TDatabase>(
  connection: Kysely<TDatabase>,
  name: string,
): Promise<number | undefined> => {
  const [namespace, key] = ownershipLockKey(name);
  const { rows } = await sql<{ readonly acquired: boolean; readonly pid: number }>`
    SELECT pg_try_advisory_lock(${namespace}::int4, ${key}::int4) AS acquired,
      pg_backend_pid() AS pid`.execute(connection);
  const row = rows[0];
  return row?.acquired === true ? row.pid : undefined;
};

/**
 * Gives up ownership of `name` on this connection before it goes back to its pool. Session
 * locks stack, so it unlocks until nothing is left.
 */
export const releaseOwnership = async <TDatabase>(
  connection: Kysely<TDatabase>,
  name: string,
): Promise<void> => {
  const [namespace, key] = ownershipLockKey(name);
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const { rows } = await sql<{ readonly released: boolean }>`
      SELECT pg_advisory_unlock(${namespace}::int4, ${key}::int4) AS released`.execute(connection);
    if (rows[0]?.released !== true) return;
  }
};

/** The backend pid of the session that owns `name` now, if any (from `pg_locks`). */
export const ownerPidOf = async <TDatabase>(
  db: Kysely<TDatabase>,
  name: string,
): Promise<number | undefined> => {
  const [namespace, key] = ownershipLockKey(name);
  const { rows } = await sql<{ readonly pid: number }>`
    SELECT pid FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND objsubid = 2
      AND classid::int8 = ${namespace}::int8 AND objid::int8 = ${key}::int8`.execute(db);
  return rows[0]?.pid;
};
