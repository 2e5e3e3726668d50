import type { CheckpointStore } from '@crm/command-handling';
import { parsePosition, positionToString } from '@crm/event-store';
import { type Kysely, sql } from 'kysely';
import type { CommandHandlingTables } from './schema.ts';

/**
 * Checkpoints on PostgreSQL (`ch_checkpoints`), one row per subscriber name, holding the
 * position in its text form (`"<commit>/<prepare>"`, exact for 64-bit values).
 *
 * @example
 * const checkpoints = createPostgresCheckpointStore({ db });
 */
export const createPostgresCheckpointStore = <TDatabase>(options: {
  readonly db: Kysely<TDatabase>;
}): CheckpointStore => {
  const db = options.db as unknown as Kysely<CommandHandlingTables>;
  return {
    load: async (name) => {
      const row = await db
        .selectFrom('ch_checkpoints')
        .select('position')
        .where('name', '=', name)
        .executeTakeFirst();
      return row === undefined ? undefined : parsePosition(row.position);
    },
    save: async (name, position) => {
      await sql`
        INSERT INTO ch_checkpoints (name, position) VALUES (${name}, ${positionToString(position)})
        ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = now()`.execute(
        db,
      );
    },
  };
};
