import { type Decider, type DomainError, fold } from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { historyArbitrary, historyFrom } from './history.ts';

// A toy counter that never goes negative; `Reset` answers with two events to show ordering.
type CounterCommand =
  | { readonly type: 'Add'; readonly data: { readonly by: number } }
  | { readonly type: 'Take'; readonly data: { readonly by: number } }
  | { readonly type: 'Reset'; readonly data: Record<string, never> };
type CounterEvent =
  | { readonly type: 'Added'; readonly version: 1; readonly data: { readonly by: number } }
  | { readonly type: 'Taken'; readonly version: 1; readonly data: { readonly by: number } };
type CounterError = DomainError<'CounterWouldGoNegative'>;

const counter: Decider<CounterCommand, CounterEvent, number, CounterError> = {
  decide: (command, value) => {
    switch (command.type) {
      case 'Add':
        return E.right([{ type: 'Added', version: 1, data: { by: command.data.by } }]);
      case 'Take':
        return command.data.by > value
          ? E.left({ _tag: 'CounterWouldGoNegative', message: `Cannot take ${command.data.by}.` })
          : E.right([{ type: 'Taken', version: 1, data: { by: command.data.by } }]);
      case 'Reset':
        // Two events for one command, in a meaningful order.
        return E.right([
          { type: 'Taken', version: 1, data: { by: value } },
          { type: 'Added', version: 1, data: { by: 1 } },
        ]);
    }
  },
  evolve: (value, event) =>
    event.type === 'Added' ? value + event.data.by : value - event.data.by,
  initialState: 0,
};

const add = (by: number): CounterCommand => ({ type: 'Add', data: { by } });
const take = (by: number): CounterCommand => ({ type: 'Take', data: { by } });
const reset: CounterCommand = { type: 'Reset', data: {} };
const added = (by: number): CounterEvent => ({ type: 'Added', version: 1, data: { by } });
const taken = (by: number): CounterEvent => ({ type: 'Taken', version: 1, data: { by } });

describe('historyFrom', () => {
  it('is the empty history for no commands', () => {
    expect(historyFrom(counter, [])).toEqual({ events: [], state: 0, outcomes: [] });
  });

  it('keeps the events of accepted commands, in order', () => {
    const history = historyFrom(counter, [add(3), take(2), reset]);
    expect(history.events).toEqual([added(3), taken(2), taken(1), added(1)]);
    expect(history.state).toBe(1);
  });

  it('skips refused commands but records what the decider answered', () => {
    const history = historyFrom(counter, [take(1), add(2), take(5), take(2)]);
    expect(history.events).toEqual([added(2), taken(2)]);
    expect(history.state).toBe(0);
    expect(history.outcomes.map((o) => o.command)).toEqual([take(1), add(2), take(5), take(2)]);
    expect(history.outcomes.map((o) => (E.isLeft(o.result) ? o.result.left._tag : 'ok'))).toEqual([
      'CounterWouldGoNegative',
      'ok',
      'CounterWouldGoNegative',
      'ok',
    ]);
  });

  it('decides each command against the state the accepted ones led to', () => {
    // take(3) is refused at 2 but accepted once add(1) has landed.
    const history = historyFrom(counter, [add(2), take(3), add(1), take(3)]);
    expect(history.events).toEqual([added(2), added(1), taken(3)]);
  });

  it('accepts any iterable of commands', () => {
    function* commands() {
      yield add(1);
      yield add(1);
    }
    expect(historyFrom(counter, commands()).state).toBe(2);
  });
});

describe('historyArbitrary', () => {
  const commands = fc.array(
    fc.oneof(
      fc.integer({ min: 1, max: 5 }).map(add),
      fc.integer({ min: 1, max: 5 }).map(take),
      fc.constant(reset),
    ),
    { maxLength: 20 },
  );

  it('generates histories whose state is the fold of their events', () => {
    fc.assert(
      fc.property(historyArbitrary(counter, commands), (history) => {
        expect(history.state).toBe(fold(counter, history.events));
      }),
    );
  });

  it('generates exactly the events of the accepted commands', () => {
    fc.assert(
      fc.property(historyArbitrary(counter, commands), (history) => {
        const accepted = history.outcomes.flatMap((o) =>
          E.isRight(o.result) ? o.result.right : [],
        );
        expect(history.events).toEqual(accepted);
        expect(history.state).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
