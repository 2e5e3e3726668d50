import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type KeyLookup, type KeyStore, KeyStoreError } from '@crm/command-handling';
import { type Kysely, sql } from 'kysely';
import type { CommandHandlingTables } from './schema.ts';

/** How to build a PostgreSQL key store. */
export interface PostgresKeyStoreOptions<TDatabase> {
  /** A Kysely instance whose database `migrateCommandHandling` has prepared. */
  readonly db: Kysely<TDatabase>;
  /**
   * A 32-byte key-encryption key, kept outside the database (a KMS, a secret store). When
   * given, subject keys are stored wrapped with AES-256-GCM under it, so a copy of the
   * database alone decrypts nothing. Without it they are stored as they are.
   */
  readonly masterKey?: Uint8Array;
}

const wrap = (masterKey: Uint8Array, subject: string, key: Uint8Array): Uint8Array => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(subject, 'utf8'));
  return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
};

const unwrap = (masterKey: Uint8Array, subject: string, stored: Uint8Array): Uint8Array => {
  const bytes = Buffer.from(stored);
  const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(subject, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return new Uint8Array(
    Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]),
  );
};

interface Waiting {
  readonly resolve: (found: KeyLookup) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Gathers the look-ups asked for in one turn of the event loop into one call of `findAll`. A
 * projector decodes a batch of hundreds of events at once, each asking for its subject's key:
 * one query for the batch instead of one per event.
 */
const gathered = (
  findAll: (subjects: ReadonlyArray<string>) => Promise<ReadonlyMap<string, KeyLookup>>,
): ((subject: string) => Promise<KeyLookup>) => {
  let waiting: Map<string, Waiting[]> | undefined;
  const flush = async (batch: ReadonlyMap<string, ReadonlyArray<Waiting>>): Promise<void> => {
    try {
      const found = await findAll([...batch.keys()]);
      for (const [subject, callers] of batch)
        for (const c of callers) c.resolve(found.get(subject));
    } catch (error) {
      for (const callers of batch.values()) for (const c of callers) c.reject(error);
    }
  };
  return (subject) =>
    new Promise<KeyLookup>((resolve, reject) => {
      if (waiting === undefined) {
        const batch = new Map<string, Waiting[]>();
        waiting = batch;
        setImmediate(() => {
          waiting = undefined;
          void flush(batch);
        });
      }
      const callers = waiting.get(subject);
      if (callers === undefined) waiting.set(subject, [{ resolve, reject }]);
      else callers.push({ resolve, reject });
    });
};

/**
 * The key store on PostgreSQL (`ch_keys`): one row per subject holding its AES-256 key, which
 * erasure replaces by a tombstone (`key` NULL, `erased_at` set). Concurrent first uses agree
 * on one key (`INSERT … ON CONFLICT DO NOTHING`, then read). Look-ups (`find`) asked for in the
 * same turn of the event loop share one query. PostgreSQL keeps old row versions
 * until VACUUM and in WAL and backups; `masterKey` makes those copies useless on their own.
 *
 * @example
 * const keyStore = createPostgresKeyStore({ db, masterKey: loadKeyFromKms() });
 */
export const createPostgresKeyStore = <TDatabase>(
  options: PostgresKeyStoreOptions<TDatabase>,
): KeyStore => {
  const db = options.db as unknown as Kysely<CommandHandlingTables>;
  const { masterKey } = options;
  if (masterKey !== undefined && masterKey.length !== 32) {
    throw new TypeError('masterKey must be 32 bytes (AES-256).');
  }
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof KeyStoreError) throw error;
      throw KeyStoreError.unavailable('The key store (PostgreSQL) failed.', error);
    }
  };
  const lookupOf = (subject: string, key: Uint8Array | null): KeyLookup => {
    if (key === null) return 'erased';
    return masterKey === undefined ? new Uint8Array(key) : unwrap(masterKey, subject, key);
  };
  const find = async (subject: string): Promise<KeyLookup> => {
    const row = await db
      .selectFrom('ch_keys')
      .select(['key', 'erased_at'])
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row === undefined ? undefined : lookupOf(subject, row.key);
  };
  const findGathered = gathered(async (subjects) => {
    const rows = await db
      .selectFrom('ch_keys')
      .select(['subject', 'key'])
      .where(sql<boolean>`subject = any(${subjects}::text[])`)
      .execute();
    return new Map(rows.map((row) => [row.subject, lookupOf(row.subject, row.key)]));
  });
  return {
    find: (subject) => guard(() => findGathered(subject)),
    keyFor: (subject) =>
      guard(async () => {
        const existing = await find(subject);
        if (existing === undefined) {
          const key = randomBytes(32);
          await db
            .insertInto('ch_keys')
            .values({ subject, key: masterKey === undefined ? key : wrap(masterKey, subject, key) })
            .onConflict((conflict) => conflict.column('subject').doNothing())
            .execute();
        }
        const found = existing ?? (await find(subject));
        if (found === 'erased') throw KeyStoreError.subjectErased(subject);
        if (found === undefined)
          throw KeyStoreError.unavailable(`No key row for ${subject} after insert.`);
        return found;
      }),
    erase: (subject) =>
      guard(async () => {
        await db
          .insertInto('ch_keys')
          .values({ subject, key: null, erased_at: new Date() })
          .onConflict((conflict) =>
            conflict.column('subject').doUpdateSet((eb) => ({
              key: null,
              erased_at: eb.fn.coalesce('ch_keys.erased_at', eb.ref('excluded.erased_at')),
            })),
          )
          .execute();
      }),
  };
};
