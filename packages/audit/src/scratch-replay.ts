import { randomBytes } from 'node:crypto';
import {
  type AnyProjection,
  type EventDecoder,
  migrateProjectionSchema,
  type ProjectedEvent,
} from '@crm/projections';
import { type Kysely, sql, type Transaction } from 'kysely';

/** Projections replayed into scratch schemas of their own, next to the live ones. */
export interface ScratchReplay {
  /** The scratch schema of a projection. */
  readonly schemaOf: (projection: string) => string;
  /** Applies decoded events (in log order) to every projection whose event types they are. */
  readonly apply: (
    events: ReadonlyArray<ProjectedEvent>,
    to?: (projection: AnyProjection, event: ProjectedEvent) => boolean,
  ) => Promise<void>;
  /** Drops every scratch schema; safe to call twice. */
  readonly drop: () => Promise<void>;
}

const maxIdentifier = 63;

/**
 * Creates one scratch schema per projection (`<name>__<purpose>_<random>`), with the
 * projection's own migrations, and applies events to them the way the runtime applies them to
 * the live schema: in a transaction whose search path starts with the schema, through a `db`
 * bound to it. Nothing live is touched.
 */
export const createScratchReplay = async <TDatabase>(
  db: Kysely<TDatabase>,
  projections: ReadonlyArray<AnyProjection>,
  purpose: string,
): Promise<ScratchReplay> => {
  const suffix = `__${purpose}_${randomBytes(3).toString('hex')}`;
  const schemas = new Map(
    projections.map((p) => [p.name, `${p.name.slice(0, maxIdentifier - suffix.length)}${suffix}`]),
  );
  const schemaOf = (name: string): string => {
    const schema = schemas.get(name);
    if (schema === undefined) throw new TypeError(`No scratch schema for ${name}.`);
    return schema;
  };
  let dropped: Promise<void> | undefined;
  const drop = (): Promise<void> => {
    dropped ??= (async () => {
      for (const schema of schemas.values()) {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
      }
    })();
    return dropped;
  };
  try {
    for (const projection of projections) {
      await migrateProjectionSchema(db, projection, schemaOf(projection.name));
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  const typesOf = new Map(
    projections.map((p) => [
      p.name,
      p.eventTypes === undefined ? undefined : new Set<string>(p.eventTypes),
    ]),
  );
  return {
    schemaOf,
    drop,
    apply: async (events, to) => {
      for (const projection of projections) {
        const types = typesOf.get(projection.name);
        const mine = events.filter(
          (event) =>
            (types === undefined || types.has(event.event.type)) &&
            (to === undefined || to(projection, event)),
        );
        if (mine.length === 0) continue;
        const schema = schemaOf(projection.name);
        await db.transaction().execute(async (trx) => {
          await sql`SET LOCAL search_path TO ${sql.id(schema)}, public`.execute(trx);
          // The runtime calls `apply` the same way: a projection's tables are its own business.
          const apply = projection.apply as (
            db: Transaction<TDatabase>,
            events: ReadonlyArray<ProjectedEvent>,
          ) => Promise<void>;
          await apply.call(projection, trx.withSchema(schema), mine);
        });
      }
    },
  };
};

/** Decodes a page of stored events (in order), stopping at the first that does not decode. */
export const decodeAll = async (
  decode: EventDecoder,
  events: ReadonlyArray<Parameters<EventDecoder>[0]>,
): Promise<ReadonlyArray<ProjectedEvent>> => {
  const decoded: ProjectedEvent[] = [];
  for (const event of events) decoded.push(await decode(event));
  return decoded;
};
