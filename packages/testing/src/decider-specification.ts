import { AssertionError, deepStrictEqual } from 'node:assert';
import {
  type Command,
  type Decider,
  type DomainError,
  fold,
  type VersionedEvent,
} from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';

/** The `then` step of a specification. */
export interface DeciderThen<TEvent, TError> {
  /** Asserts the command is accepted with exactly these events, in this order. */
  readonly then: (expected: ReadonlyArray<TEvent>) => void;
  /** Asserts the command is refused with an error of this tag; returns the error for more checks. */
  readonly thenFails: (tag: string) => TError;
}

/** The `when` step of a specification. */
export interface DeciderWhen<TCommand, TEvent, TError> {
  readonly when: (command: TCommand) => DeciderThen<TEvent, TError>;
}

/** A specification bound to one decider: `spec.given(events).when(command).then(events)`. */
export interface DeciderSpecification<TCommand, TEvent, TError> {
  readonly given: (history: ReadonlyArray<TEvent>) => DeciderWhen<TCommand, TEvent, TError>;
}

const describeResult = (result: E.Either<DomainError, ReadonlyArray<VersionedEvent>>): string =>
  E.isLeft(result)
    ? `error ${result.left._tag}: ${result.left.message}`
    : `events ${JSON.stringify(result.right.map((e) => e.type))}`;

/**
 * Given/when/then for any decider, in the words of the business rule. Works with any test
 * runner: failures throw node's `AssertionError`, with the actual and expected values.
 *
 * @example
 * const spec = deciderSpecification(customerDecider);
 * spec.given([registered]).when(advanceToMql).then([advancedToMql]);
 * spec.given([]).when(advanceToMql).thenFails('CustomerNotRegistered');
 */
export const deciderSpecification = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  decider: Decider<TCommand, TEvent, TState, TError>,
): DeciderSpecification<TCommand, TEvent, TError> => ({
  given: (history) => ({
    when: (command) => {
      const result = decider.decide(command, fold(decider, history));
      return {
        // biome-ignore lint/suspicious/noThenProperty: `then` is the specification's own vocabulary; the object is never awaited.
        then: (expected) => {
          if (E.isLeft(result)) {
            throw new AssertionError({
              message: `Expected ${command.type} to be accepted, but it failed with ${describeResult(result)}`,
              actual: result.left,
              expected,
            });
          }
          deepStrictEqual(result.right, expected);
        },
        thenFails: (tag) => {
          if (E.isRight(result) || result.left._tag !== tag) {
            throw new AssertionError({
              message: `Expected ${command.type} to fail with ${tag}, but got ${describeResult(result)}`,
              actual: E.isRight(result) ? result.right : result.left,
              expected: tag,
            });
          }
          return result.left;
        },
      };
    },
  }),
});
