import type { EventNotifications } from './event-notifications.ts';

/** What the store needs of a `pg` pool client, declared here so `pg` stays the caller's choice. */
export interface PgListenClient {
  query(text: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { readonly channel: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  /** Returns the client to its pool; `true` or an error destroys it instead. */
  release(destroy?: boolean | Error): void;
}

/** What the store needs of a `pg.Pool`. */
export interface PgListenPool {
  connect(): Promise<PgListenClient>;
}

/**
 * LISTEN/NOTIFY over `pg`: the store takes one client out of `pool` for as long as it listens
 * (a LISTEN lives on one session), so size the pool one larger than the queries need.
 *
 * @example
 * const pool = new pg.Pool({ connectionString });
 * const store = createPostgresEventStore({
 *   db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
 *   notifications: pgNotifications(pool),
 * });
 */
export const pgNotifications = (pool: PgListenPool): EventNotifications => ({
  listen: async (channel, onNotification, onLost) => {
    const client = await pool.connect();
    let released = false;
    const release = (destroy: boolean): void => {
      if (released) return;
      released = true;
      client.removeAllListeners('notification');
      client.release(destroy);
    };
    client.on('notification', (message) => {
      if (message.channel === channel) onNotification();
    });
    client.on('error', (error) => {
      // Keep this listener for good: pg emits errors again while a dead client winds down.
      release(true);
      onLost(error);
    });
    try {
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      release(true);
      throw error;
    }
    return async () => {
      if (released) return;
      try {
        await client.query(`UNLISTEN ${channel}`);
        release(false);
      } catch {
        release(true);
      }
    };
  },
});
