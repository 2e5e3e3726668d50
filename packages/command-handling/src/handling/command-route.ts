import type {
  Command,
  Decider,
  DomainError,
  InvalidInput,
  StoredEvent,
  VersionedEvent,
} from '@crm/domain';
import type * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { PersonalFieldPaths } from '../privacy/personal-data.ts';

/** Where an aggregate's personal data is and whose key encrypts it. */
export interface PersonalDataRule<TEvent extends VersionedEvent, TState> {
  /** The personal fields of each event type (paths inside `data`); other types have none. */
  readonly fields: Readonly<Partial<Record<TEvent['type'], PersonalFieldPaths>>>;
  /**
   * The data subject whose key encrypts the event's personal fields, from the event and the
   * state just before it (a ticket reply names no customer; the ticket's state does).
   */
  readonly subjectOf: (event: TEvent, state: TState, aggregateId: string) => string | undefined;
  /** The subject whose key encrypts snapshots of this state; `undefined`: stored in clear. */
  readonly snapshotSubjectOf: (state: TState, aggregateId: string) => string | undefined;
}

/** The command that erases a data subject: the handler deletes the key, then appends. */
export interface ErasureRule<TCommand extends Command> {
  readonly commandType: TCommand['type'];
  readonly subjectOf: (command: TCommand) => string;
}

/** How often the handler snapshots a stream, and the schema version of the state it stores. */
export interface SnapshotRule {
  /** Snapshot when at least this many events were appended since the last snapshot. */
  readonly every: number;
  /** Bump when the state's shape changes: snapshots of another version are ignored. */
  readonly stateVersion: number;
}

/**
 * Everything command handling needs to know about one aggregate: its decider, the codecs of
 * its commands and events, how a command names its stream, who owns an instance (for the role
 * table's "own only" grants), where its personal data is, and how to snapshot it.
 */
export interface RouteDefinition<
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
> {
  /** The aggregate's name, also its stream category (`customer` → `customer-<id>`). */
  readonly aggregate: string;
  readonly decider: Decider<TCommand, TEvent, TState, TError>;
  /** The codec of each command, by `type`; decoding names the offending field. */
  readonly commandCodecs: Readonly<Record<TCommand['type'], t.Mixed>>;
  /** The codec of each event at its current schema version, by `type`. */
  readonly eventCodecs: Readonly<Record<TEvent['type'], t.Mixed>>;
  /** Reads a stored event of any schema version (upcasting) as the current one. */
  readonly decodeEvent: (stored: StoredEvent) => E.Either<InvalidInput, TEvent>;
  /** The id of the aggregate instance a command addresses (`data.customerId`). */
  readonly aggregateIdOf: (command: TCommand) => string;
  /** The user who owns the instance, for grants limited to one's own; `undefined`: nobody. */
  readonly ownerOf?: (state: TState, command: TCommand) => string | undefined;
  readonly personalData?: PersonalDataRule<TEvent, TState>;
  readonly erasure?: ErasureRule<TCommand>;
  readonly snapshots?: SnapshotRule;
}

/**
 * A route with its types hidden, so routes of different aggregates sit in one table. The type
 * parameters survive only where values come out (events, errors), which keeps the table's
 * results typed as the union of its aggregates'.
 */
export interface CommandRoute<
  TEvent extends VersionedEvent = VersionedEvent,
  TError extends DomainError = DomainError,
> {
  readonly aggregate: string;
  readonly commandCodecs: Readonly<Record<string, t.Mixed>>;
  readonly eventCodecs: Readonly<Record<string, t.Mixed>>;
  readonly initialState: unknown;
  readonly decide: (command: Command, state: unknown) => E.Either<TError, ReadonlyArray<TEvent>>;
  readonly evolve: (state: unknown, event: VersionedEvent) => unknown;
  readonly decodeEvent: (stored: StoredEvent) => E.Either<InvalidInput, TEvent>;
  readonly aggregateIdOf: (command: Command) => string;
  readonly ownerOf: (state: unknown, command: Command) => string | undefined;
  readonly personalFieldsOf: (eventType: string) => PersonalFieldPaths;
  readonly subjectOf: (
    event: VersionedEvent,
    state: unknown,
    aggregateId: string,
  ) => string | undefined;
  readonly snapshotSubjectOf: (state: unknown, aggregateId: string) => string | undefined;
  readonly erasureSubjectOf: (command: Command) => string | undefined;
  readonly snapshots: SnapshotRule | undefined;
}

/**
 * Turns a typed route definition into a table entry. The casts are safe by construction: the
 * handler only ever passes this route's commands (decoded by its codecs), its own states and
 * its own events (decoded by its `decodeEvent`) back to it.
 *
 * @example
 * const campaignRoute = defineRoute<CampaignCommand, CampaignEvent, CampaignState, CampaignError>({
 *   aggregate: 'campaign',
 *   decider: campaignDecider,
 *   commandCodecs: campaignCommandCodecs,
 *   eventCodecs: campaignEventCodecs,
 *   decodeEvent: decodeCampaignEvent,
 *   aggregateIdOf: (command) => command.data.campaignId,
 *   snapshots: { every: 100, stateVersion: 1 },
 * });
 */
export const defineRoute = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  definition: RouteDefinition<TCommand, TEvent, TState, TError>,
): CommandRoute<TEvent, TError> => {
  const { decider, personalData, erasure } = definition;
  const fields: Readonly<Record<string, PersonalFieldPaths | undefined>> =
    personalData?.fields ?? {};
  return {
    aggregate: definition.aggregate,
    commandCodecs: definition.commandCodecs,
    eventCodecs: definition.eventCodecs,
    initialState: decider.initialState,
    decide: (command, state) => decider.decide(command as TCommand, state as TState),
    evolve: (state, event) => decider.evolve(state as TState, event as TEvent),
    decodeEvent: definition.decodeEvent,
    aggregateIdOf: (command) => definition.aggregateIdOf(command as TCommand),
    ownerOf: (state, command) => definition.ownerOf?.(state as TState, command as TCommand),
    personalFieldsOf: (eventType) =>
      Object.hasOwn(fields, eventType) ? (fields[eventType] ?? []) : [],
    subjectOf: (event, state, id) => personalData?.subjectOf(event as TEvent, state as TState, id),
    snapshotSubjectOf: (state, id) => personalData?.snapshotSubjectOf(state as TState, id),
    erasureSubjectOf: (command) =>
      erasure !== undefined && command.type === erasure.commandType
        ? erasure.subjectOf(command as TCommand)
        : undefined,
    snapshots: definition.snapshots,
  };
};
