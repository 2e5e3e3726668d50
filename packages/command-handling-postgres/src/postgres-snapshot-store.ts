import type { Snapshot, SnapshotStore } from '@crm/command-handling';
import type { JsonValue } from '@crm/event-store';
import { type Kysely, sql } from 'kysely';
import type { CommandHandlingTables } from './schema.ts';

/**
 * Snapshots on PostgreSQL (`ch_snapshots`), the newest per stream: a save of an older
 * revision than the stored one changes nothing (one upsert with a `WHERE`).
 *
 * @example
 * const snapshots = createPostgresSnapshotStore({ db });
 */
export const createPostgresSnapshotStore = <TDatabase>(options: {
  readonly db: Kysely<TDatabase>;
}): SnapshotStore => {
  const db = options.db as unknown as Kysely<CommandHandlingTables>;
  return {
    load: async (streamName) => {
      const row = await db
        .selectFrom('ch_snapshots')
        .select(['revision', 'event_id', 'state_version', 'state'])
        .where('stream_name', '=', streamName)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : {
            streamName,
            revision: Number(row.revision),
            eventId: row.event_id,
            stateVersion: row.state_version,
            state: row.state as JsonValue,
          };
    },
    save: async (snapshot: Snapshot) => {
      await sql`
        INSERT INTO ch_snapshots (stream_name, revision, event_id, state_version, state)
        VALUES (${snapshot.streamName}, ${snapshot.revision}, ${snapshot.eventId},
                ${snapshot.stateVersion}, ${JSON.stringify(snapshot.state)}::jsonb)
        ON CONFLICT (stream_name) DO UPDATE SET
          revision = excluded.revision, event_id = excluded.event_id,
          state_version = excluded.state_version, state = excluded.state, taken_at = now()
        WHERE ch_snapshots.revision <= excluded.revision`.execute(db);
    },
    delete: async (streamName) => {
      await db.deleteFrom('ch_snapshots').where('stream_name', '=', streamName).execute();
    },
    clear: async () => {
      await db.deleteFrom('ch_snapshots').execute();
    },
  };
};
