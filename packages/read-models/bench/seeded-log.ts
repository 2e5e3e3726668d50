import {
  type CommandRoute,
  crmRoutingTable,
  genesisHash,
  type KeyStore,
  keyRingOf,
  prepareEvents,
} from '@crm/command-handling';
import type { PhoneRegion } from '@crm/domain';
import { type CrmHistoryOptions, generateCrmHistory } from '@crm/seed';
import type pg from 'pg';

/** A phone number as staff typed it, and the region a national number is read in. */
export interface TypedPhone {
  readonly typed: string;
  readonly region: PhoneRegion;
}

/** What writing a seeded history left in the log. */
export interface LogFacts {
  readonly commands: number;
  readonly events: number;
  /** Registrations (a few customers are registered twice and merged). */
  readonly customers: number;
  readonly seconds: number;
}

/** The log's figures, and each customer's current phone as last typed (whom callers look up). */
export interface SeededLog extends LogFacts {
  readonly phones: ReadonlyMap<string, TypedPhone>;
}

interface StreamState {
  state: unknown;
  revision: number | 'no_stream';
  lastHash: string;
}

interface Row {
  readonly stream_name: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** Events per INSERT (one transaction each): a big batch, as a bulk import would write. */
const flushEvery = 5_000;

// Straight into the store's table, in log order, one transaction per batch; what `append`
// would have stored, minus its per-stream checks (the deciders already made every event valid).
const insertRows = `
  INSERT INTO es_events (stream_name, revision, event_id, type, data, metadata)
  SELECT stream_name, revision, event_id, type, data, metadata
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (stream_name text, revision bigint,
    event_id uuid, type text, data jsonb, metadata jsonb))
    WITH ORDINALITY AS r(stream_name, revision, event_id, type, data, metadata, n)
  ORDER BY n`;

const phoneOf = (command: { readonly type: string; readonly data: unknown }) => {
  const data = command.data as {
    readonly customerId: string;
    readonly phone?: string | null;
    readonly phoneRegion?: PhoneRegion;
  };
  return data;
};

/**
 * Writes a seeded CRM history into the PostgreSQL event store the way command handling would
 * have stored it — each command decided by its aggregate's decider on the current state, its
 * events prepared by command handling's own `prepareEvents` (event ids from the command id,
 * the metadata of §4, personal fields encrypted under the customer's key from `keyStore`, the
 * hash chain) — but appended in big batches rather than one `append` per command, which would
 * take longer than everything measured after it. Refuses to go on if a decider refuses one.
 */
export const writeSeededLog = async (
  pool: pg.Pool,
  keyStore: KeyStore,
  options: CrmHistoryOptions,
  progress: (events: number, estimated: number) => void,
): Promise<SeededLog> => {
  const started = process.hrtime.bigint();
  const history = generateCrmHistory(options);
  const keys = keyRingOf(keyStore);
  const streams = new Map<string, StreamState>();
  const phones = new Map<string, TypedPhone>();
  let rows: Row[] = [];
  let pending: Promise<unknown> = Promise.resolve();
  let events = 0;
  let commands = 0;
  const flush = async (): Promise<void> => {
    const batch = JSON.stringify(rows);
    rows = [];
    // One batch in flight while the next is prepared; they commit in order.
    await pending;
    pending = pool.query(insertRows, [batch]);
  };
  for (const item of history) {
    const route = crmRoutingTable.routeOfCommand(item.command.type) as CommandRoute;
    const aggregateId = route.aggregateIdOf(item.command);
    const stream = streams.get(item.streamName) ?? {
      state: route.initialState,
      revision: 'no_stream',
      lastHash: genesisHash,
    };
    const decision = route.decide(item.command, stream.state);
    if (decision._tag === 'Left') {
      throw new Error(
        `The ${item.command.type} of ${item.commandId} was refused: ${decision.left.message}`,
      );
    }
    commands += 1;
    if (decision.right.length === 0) continue;
    const erased = route.erasureSubjectOf(item.command);
    if (erased !== undefined) await keyStore.erase(erased);
    const prepared = await prepareEvents({
      route,
      keys,
      streamName: item.streamName,
      aggregateId,
      state: stream.state,
      revision: stream.revision,
      previousHash: stream.lastHash,
      events: decision.right,
      metadata: {
        commandId: item.commandId,
        correlationId: item.commandId,
        causationId: item.commandId,
        actor: item.actor,
        occurredAt: item.at,
      },
    });
    let revision = stream.revision === 'no_stream' ? -1 : stream.revision;
    for (const event of prepared.newEvents) {
      revision += 1;
      rows.push({ stream_name: item.streamName, revision, ...snake(event) });
    }
    const last = prepared.newEvents.at(-1);
    streams.set(item.streamName, {
      state: prepared.state,
      revision,
      lastHash: String((last?.metadata as { hash?: string } | undefined)?.hash ?? stream.lastHash),
    });
    events += prepared.newEvents.length;
    trackPhones(phones, item.command, erased);
    if (rows.length >= flushEvery) {
      await flush();
      progress(events, history.progress.estimatedCommands);
    }
  }
  if (rows.length > 0) await flush();
  await pending;
  await pool.query('VACUUM ANALYZE es_events');
  progress(events, events);
  return {
    commands,
    events,
    customers: history.progress.byType.RegisterCustomer ?? 0,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    phones,
  };
};

const snake = (event: {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
}) => ({
  event_id: event.eventId,
  type: event.type,
  data: event.data,
  metadata: event.metadata ?? {},
});

const trackPhones = (
  phones: Map<string, TypedPhone>,
  command: { readonly type: string; readonly data: unknown },
  erased: string | undefined,
): void => {
  if (erased !== undefined) phones.delete(erased);
  if (command.type !== 'RegisterCustomer' && command.type !== 'ChangeCustomerPhone') return;
  const { customerId, phone, phoneRegion } = phoneOf(command);
  if (typeof phone === 'string' && phoneRegion !== undefined) {
    phones.set(customerId, { typed: phone, region: phoneRegion });
  } else if (phone === null) {
    phones.delete(customerId);
  } else if (typeof phone === 'string') {
    // An international number needs no region; any will do to read it.
    phones.set(customerId, { typed: phone, region: 'GB' as PhoneRegion });
  }
};
