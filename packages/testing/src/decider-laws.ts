import { isDeepStrictEqual } from 'node:util';
import {
  type Command,
  type Decider,
  type DomainError,
  fold,
  type VersionedEvent,
} from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { DecidedHistory } from './history.ts';

/** What the laws need to know about a decider. */
export interface DeciderLawsInput<
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
> {
  readonly decider: Decider<TCommand, TEvent, TState, TError>;
  /** Valid histories of the aggregate (see `historyArbitrary`). */
  readonly histories: fc.Arbitrary<DecidedHistory<TCommand, TEvent, TState, TError>>;
  /** Any command, valid for the state or not. */
  readonly commands: fc.Arbitrary<TCommand>;
  /** Any event, applicable to the state or not. */
  readonly events: fc.Arbitrary<TEvent>;
  /** Is this a well-formed event? Usually the event codec's `is`. */
  readonly isEvent: (value: unknown) => boolean;
  /** The aggregate's invariants: a description of each one the state breaks (empty when sound). */
  readonly invariantBreaches: (state: TState) => ReadonlyArray<string>;
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

const foldChecked = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  input: DeciderLawsInput<TCommand, TEvent, TState, TError>,
  events: ReadonlyArray<TEvent>,
): TState => {
  let state = input.decider.initialState;
  for (const [i, event] of events.entries()) {
    state = input.decider.evolve(state, event);
    const breaches = input.invariantBreaches(state);
    if (breaches.length > 0) {
      throw new Error(`after event ${i} (${event.type}) the state breaks: ${breaches.join('; ')}`);
    }
  }
  return state;
};

/**
 * The laws every decider must obey, as fast-check properties you run with your own runner:
 *
 * - `decideIsDeterministic`: the same command on the same history gives the same answer;
 * - `decideDoesNotMutateState`: `decide` leaves the (deep-frozen) state untouched;
 * - `evolveIsTotal`: `evolve` never throws, whatever event it is handed in whatever state;
 * - `decidedEventsApply`: every event `decide` emits is well-formed, `evolve` applies it, and the
 *   invariants still hold afterwards;
 * - `historiesKeepInvariants`: no prefix of a valid history breaks an invariant.
 *
 * @example
 * for (const [law, property] of Object.entries(deciderLaws(customerLawsInput))) {
 *   it(law, () => fc.assert(property));
 * }
 */
export const deciderLaws = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  input: DeciderLawsInput<TCommand, TEvent, TState, TError>,
) => {
  const { decider } = input;
  return {
    decideIsDeterministic: fc.property(input.histories, input.commands, (history, command) => {
      const first = decider.decide(command, fold(decider, history.events));
      const second = decider.decide(command, fold(decider, history.events));
      return isDeepStrictEqual(first, second);
    }),
    decideDoesNotMutateState: fc.property(input.histories, input.commands, (history, command) => {
      const state = deepFreeze(fold(decider, history.events));
      const snapshot = structuredClone(state);
      decider.decide(command, state);
      // Compare clones: fast-check may build null-prototype records, which a clone turns plain.
      return isDeepStrictEqual(structuredClone(state), snapshot);
    }),
    evolveIsTotal: fc.property(input.histories, input.events, (history, event) => {
      decider.evolve(history.state, event);
      return true;
    }),
    decidedEventsApply: fc.property(input.histories, input.commands, (history, command) => {
      const result = decider.decide(command, history.state);
      if (E.isLeft(result))
        return typeof result.left.message === 'string' && result.left.message.length > 0;
      for (const event of result.right) {
        if (!input.isEvent(event)) throw new Error(`decide emitted a malformed ${event.type}`);
      }
      foldChecked(input, [...history.events, ...result.right]);
      return true;
    }),
    historiesKeepInvariants: fc.property(input.histories, (history) => {
      foldChecked(input, history.events);
      return true;
    }),
  } as const;
};
