import type * as E from 'fp-ts/lib/Either.js';
import type { DomainError } from './domain-error.ts';
import type { VersionedEvent } from './envelope.ts';

/** What every command is: an imperative `type` and its `data`, which carries ids and instants. */
export interface Command {
  readonly type: string;
  readonly data: unknown;
}

/**
 * An aggregate as a decider: pure, total and deterministic. `decide` never throws and always
 * answers with an array of events (possibly empty) or a domain error; `evolve` folds one event
 * into the state.
 */
export interface Decider<
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
> {
  readonly decide: (command: TCommand, state: TState) => E.Either<TError, ReadonlyArray<TEvent>>;
  readonly evolve: (state: TState, event: TEvent) => TState;
  readonly initialState: TState;
}

/** The state after folding `events` into the decider's initial state. */
export const fold = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  decider: Decider<TCommand, TEvent, TState, TError>,
  events: Iterable<TEvent>,
  from: TState = decider.initialState,
): TState => {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
