import type { CommandOutcomeStore, OutcomeClaim, RecordedOutcome } from '@crm/command-handling';
import { type Kysely, sql } from 'kysely';
import type { CommandHandlingTables } from './schema.ts';

/**
 * The command outcome record on PostgreSQL (`ch_command_outcomes`). A claim is one upsert
 * that takes the row only if it has no outcome and its lease has run out (or was released),
 * so of any number of racing claims exactly one wins; the first completion is kept with an
 * `UPDATE … WHERE outcome IS NULL`. Leases are timed by the database's clock.
 *
 * @example
 * const outcomes = createPostgresCommandOutcomeStore({ db });
 */
export const createPostgresCommandOutcomeStore = <TDatabase>(options: {
  readonly db: Kysely<TDatabase>;
}): CommandOutcomeStore => {
  const db = options.db as unknown as Kysely<CommandHandlingTables>;
  const outcomeOf = async (commandId: string): Promise<RecordedOutcome | null | undefined> => {
    const row = await db
      .selectFrom('ch_command_outcomes')
      .select('outcome')
      .where('command_id', '=', commandId)
      .executeTakeFirst();
    return row === undefined ? undefined : (row.outcome as RecordedOutcome | null);
  };
  return {
    claim: async (commandId, holder, leaseMs): Promise<OutcomeClaim> => {
      const taken = await sql<{ attempts: number }>`
        INSERT INTO ch_command_outcomes (command_id, holder, lease_until)
        VALUES (${commandId}, ${holder}, now() + make_interval(secs => ${leaseMs / 1000}))
        ON CONFLICT (command_id) DO UPDATE SET
          holder = excluded.holder,
          lease_until = excluded.lease_until,
          attempts = ch_command_outcomes.attempts + 1
        WHERE ch_command_outcomes.outcome IS NULL
          AND (ch_command_outcomes.lease_until <= now() OR ch_command_outcomes.holder = excluded.holder)
        RETURNING attempts`.execute(db);
      const row = taken.rows[0];
      if (row !== undefined) return { status: 'acquired', mayHaveActed: row.attempts > 1 };
      const outcome = await outcomeOf(commandId);
      return outcome === undefined || outcome === null
        ? { status: 'busy' }
        : { status: 'completed', outcome };
    },
    complete: async (commandId, holder, outcome) => {
      const json = JSON.stringify(outcome);
      const updated = await sql<{ outcome: RecordedOutcome }>`
        INSERT INTO ch_command_outcomes (command_id, holder, lease_until, outcome, completed_at)
        VALUES (${commandId}, ${holder}, now(), ${json}::jsonb, now())
        ON CONFLICT (command_id) DO UPDATE SET outcome = excluded.outcome, completed_at = now()
        WHERE ch_command_outcomes.outcome IS NULL
        RETURNING outcome`.execute(db);
      return updated.rows[0]?.outcome ?? (await outcomeOf(commandId)) ?? outcome;
    },
    release: async (commandId, holder) => {
      await sql`
        UPDATE ch_command_outcomes SET lease_until = '-infinity'
        WHERE command_id = ${commandId} AND holder = ${holder} AND outcome IS NULL`.execute(db);
    },
  };
};
