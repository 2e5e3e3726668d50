import type { Command, Decider, DomainError, VersionedEvent } from '@crm/domain';
import type * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';

/** A history built by running commands through a decider: valid by construction. */
export interface DecidedHistory<TCommand, TEvent, TState, TError> {
  readonly events: ReadonlyArray<TEvent>;
  readonly state: TState;
  /** Each command with what the decider answered, in order. */
  readonly outcomes: ReadonlyArray<{
    readonly command: TCommand;
    readonly result: E.Either<TError, ReadonlyArray<TEvent>>;
  }>;
}

/**
 * Runs `commands` one after another through `decide`, folding in the events of every accepted
 * command and skipping refused ones. The events form a history the aggregate could really have.
 */
export const historyFrom = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  decider: Decider<TCommand, TEvent, TState, TError>,
  commands: Iterable<TCommand>,
): DecidedHistory<TCommand, TEvent, TState, TError> => {
  let state = decider.initialState;
  const events: TEvent[] = [];
  const outcomes: Array<{ command: TCommand; result: E.Either<TError, ReadonlyArray<TEvent>> }> =
    [];
  for (const command of commands) {
    const result = decider.decide(command, state);
    outcomes.push({ command, result });
    if (E.isRight(result)) {
      for (const event of result.right) {
        state = decider.evolve(state, event);
        events.push(event);
      }
    }
  }
  return { events, state, outcomes };
};

/**
 * An arbitrary of valid histories: generates command sequences and keeps the events the decider
 * accepts. Command arbitraries that reuse a few ids make most commands land.
 */
export const historyArbitrary = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  decider: Decider<TCommand, TEvent, TState, TError>,
  commands: fc.Arbitrary<ReadonlyArray<TCommand>>,
): fc.Arbitrary<DecidedHistory<TCommand, TEvent, TState, TError>> =>
  commands.map((list) => historyFrom(decider, list));
