import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type Decider, fold } from './decider.ts';
import type { DomainError } from './domain-error.ts';

// A toy counter: enough to show what `fold` does without any real aggregate.
type CounterCommand = { readonly type: 'Add'; readonly data: { readonly by: number } };
type CounterEvent = { readonly type: 'Added'; readonly version: 1; readonly data: { by: number } };
type CounterState = { readonly total: number; readonly seen: ReadonlyArray<number> };

const counter: Decider<CounterCommand, CounterEvent, CounterState, DomainError<'NegativeAdd'>> = {
  decide: (command) =>
    command.data.by < 0
      ? E.left({ _tag: 'NegativeAdd', message: 'Cannot add a negative amount.' })
      : E.right([{ type: 'Added', version: 1, data: { by: command.data.by } }]),
  evolve: (state, event) => ({
    total: state.total + event.data.by,
    seen: [...state.seen, event.data.by],
  }),
  initialState: { total: 0, seen: [] },
};

const added = (by: number): CounterEvent => ({ type: 'Added', version: 1, data: { by } });

describe('fold', () => {
  it('is the initial state for no events', () => {
    expect(fold(counter, [])).toBe(counter.initialState);
  });

  it('applies events in order', () => {
    expect(fold(counter, [added(1), added(2), added(3)])).toEqual({ total: 6, seen: [1, 2, 3] });
  });

  it('continues from a given state', () => {
    const from = fold(counter, [added(10)]);
    expect(fold(counter, [added(5)], from)).toEqual({ total: 15, seen: [10, 5] });
  });

  it('accepts any iterable, read once', () => {
    function* events() {
      yield added(4);
      yield added(6);
    }
    expect(fold(counter, events())).toEqual({ total: 10, seen: [4, 6] });
  });

  it('leaves the initial state untouched', () => {
    fold(counter, [added(1)]);
    expect(counter.initialState).toEqual({ total: 0, seen: [] });
  });

  it('gives decide the state the history led to', () => {
    const state = fold(counter, [added(2)]);
    expect(counter.decide({ type: 'Add', data: { by: 3 } }, state)).toEqual(E.right([added(3)]));
    expect(E.isLeft(counter.decide({ type: 'Add', data: { by: -1 } }, state))).toBe(true);
  });
});
