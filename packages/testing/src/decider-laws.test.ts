import type { Decider, DomainError } from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type DeciderLawsInput, deciderLaws } from './decider-laws.ts';
import { historyArbitrary } from './history.ts';

// A toy counter whose value must never go negative; its state also keeps a log of changes so a
// careless `decide` has something to mutate.
type CounterCommand =
  | { readonly type: 'Add'; readonly data: { readonly by: number } }
  | { readonly type: 'Take'; readonly data: { readonly by: number } };
type CounterEvent =
  | { readonly type: 'Added'; readonly version: 1; readonly data: { readonly by: number } }
  | { readonly type: 'Taken'; readonly version: 1; readonly data: { readonly by: number } };
type CounterState = { readonly value: number; readonly log: ReadonlyArray<number> };
type CounterError = DomainError<'CounterWouldGoNegative'>;
type Counter = Decider<CounterCommand, CounterEvent, CounterState, CounterError>;

const event = (type: CounterEvent['type'], by: number): CounterEvent => ({
  type,
  version: 1,
  data: { by },
});

const wouldGoNegative = (by: number): CounterError => ({
  _tag: 'CounterWouldGoNegative',
  message: `Cannot take ${by}: the counter would go negative.`,
});

// A fresh decider each time: the laws deep-freeze states, the initial one included.
const makeCounter = (overrides: Partial<Counter> = {}): Counter => ({
  decide: (command, state) => {
    switch (command.type) {
      case 'Add':
        return E.right([event('Added', command.data.by)]);
      case 'Take':
        return command.data.by > state.value
          ? E.left(wouldGoNegative(command.data.by))
          : E.right([event('Taken', command.data.by)]);
    }
  },
  evolve: (state, e) => {
    const delta = e.type === 'Added' ? e.data.by : -e.data.by;
    return { value: state.value + delta, log: [...state.log, delta] };
  },
  initialState: { value: 0, log: [] },
  ...overrides,
});

const isCounterEvent = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const { type, version, data } = value as Record<string, unknown>;
  const by = typeof data === 'object' && data !== null ? (data as { by?: unknown }).by : undefined;
  return (
    (type === 'Added' || type === 'Taken') &&
    version === 1 &&
    typeof by === 'number' &&
    Number.isInteger(by) &&
    by > 0
  );
};

const byArbitrary = fc.integer({ min: 1, max: 5 });
const commandArbitrary: fc.Arbitrary<CounterCommand> = fc.oneof(
  byArbitrary.map((by): CounterCommand => ({ type: 'Add', data: { by } })),
  byArbitrary.map((by): CounterCommand => ({ type: 'Take', data: { by } })),
);
const eventArbitrary: fc.Arbitrary<CounterEvent> = fc.oneof(
  byArbitrary.map((by) => event('Added', by)),
  byArbitrary.map((by) => event('Taken', by)),
);

const lawsInput = (
  decider: Counter,
): DeciderLawsInput<CounterCommand, CounterEvent, CounterState, CounterError> => ({
  decider,
  histories: historyArbitrary(decider, fc.array(commandArbitrary, { maxLength: 12 })),
  commands: commandArbitrary,
  events: eventArbitrary,
  isEvent: isCounterEvent,
  invariantBreaches: (state) => (state.value < 0 ? [`the value ${state.value} is negative`] : []),
});

type LawName = keyof ReturnType<typeof deciderLaws>;

// One law as a property fc can run whatever the law's own argument types.
const lawOf = (decider: Counter, law: LawName): fc.IRawProperty<unknown[], false> =>
  deciderLaws(lawsInput(decider))[law];

// A fixed seed keeps each failure reproducible; 200 runs find every planted bug quickly.
const check = (decider: Counter, law: LawName) =>
  fc.check(lawOf(decider, law), { numRuns: 200, seed: 42 });

describe('deciderLaws for a correct decider', () => {
  const laws = deciderLaws(lawsInput(makeCounter()));

  it('lists the five laws', () => {
    expect(Object.keys(laws).sort()).toEqual([
      'decideDoesNotMutateState',
      'decideIsDeterministic',
      'decidedEventsApply',
      'evolveIsTotal',
      'historiesKeepInvariants',
    ]);
  });

  it.each(Object.keys(laws) as LawName[])('%s holds', (law) => {
    expect(() => fc.assert(lawOf(makeCounter(), law))).not.toThrow();
  });
});

describe('deciderLaws for broken deciders', () => {
  it('decideIsDeterministic fails when decide depends on hidden state', () => {
    let calls = 0;
    const broken = makeCounter({
      decide: (command) => {
        calls += 1;
        return E.right([event('Added', (calls % 3) + command.data.by)]);
      },
    });
    expect(check(broken, 'decideIsDeterministic').failed).toBe(true);
    expect(check(makeCounter(), 'decideIsDeterministic').failed).toBe(false);
  });

  it('decideDoesNotMutateState fails when decide writes into the state', () => {
    const broken = makeCounter({
      decide: (command, state) => {
        // The bug: recording the attempt in the state instead of in an event.
        (state.log as number[]).push(0);
        return E.right([event('Added', command.data.by)]);
      },
    });
    expect(check(broken, 'decideDoesNotMutateState').failed).toBe(true);
  });

  it('decideDoesNotMutateState fails when decide reassigns a field of the state', () => {
    const broken = makeCounter({
      decide: (command, state) => {
        (state as { value: number }).value = 0;
        return E.right([event('Added', command.data.by)]);
      },
    });
    expect(check(broken, 'decideDoesNotMutateState').failed).toBe(true);
  });

  it('evolveIsTotal fails when evolve throws on an event that does not apply', () => {
    // decide never emits such a take, so histories build fine; only the law's events find it.
    const correct = makeCounter();
    const broken = makeCounter({
      evolve: (state, e) => {
        if (e.type === 'Taken' && e.data.by > state.value) throw new Error('cannot take that much');
        return correct.evolve(state, e);
      },
    });
    const details = check(broken, 'evolveIsTotal');
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toContain('cannot take that much');
  });

  it('decidedEventsApply fails when decide emits a malformed event', () => {
    const broken = makeCounter({
      decide: (command) =>
        E.right([{ type: 'Added', version: 1, data: { by: String(command.data.by) } } as never]),
    });
    const details = check(broken, 'decidedEventsApply');
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toContain('decide emitted a malformed Added');
  });

  it('decidedEventsApply fails when decide emits an event that breaks an invariant', () => {
    // The bug: Take is never refused, so the value can go negative.
    const broken = makeCounter({
      decide: (command) =>
        E.right([event(command.type === 'Add' ? 'Added' : 'Taken', command.data.by)]),
    });
    const details = check(broken, 'decidedEventsApply');
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toContain('is negative');
  });

  it('decidedEventsApply fails when decide refuses without a message', () => {
    const broken = makeCounter({
      decide: () => E.left({ _tag: 'CounterWouldGoNegative', message: '' }),
    });
    expect(check(broken, 'decidedEventsApply').failed).toBe(true);
  });

  it('historiesKeepInvariants fails when a reachable history breaks an invariant', () => {
    const broken = makeCounter({
      decide: (command) =>
        E.right([event(command.type === 'Add' ? 'Added' : 'Taken', command.data.by)]),
    });
    const details = check(broken, 'historiesKeepInvariants');
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toMatch(/after event \d+ \(Taken\) the state breaks/);
  });

  it('historiesKeepInvariants fails when evolve itself breaks an invariant', () => {
    const broken = makeCounter({
      // The bug: evolve subtracts one too many on every take.
      evolve: (state, e) => {
        const delta = e.type === 'Added' ? e.data.by : -e.data.by - 1;
        return { value: state.value + delta, log: [...state.log, delta] };
      },
    });
    expect(check(broken, 'historiesKeepInvariants').failed).toBe(true);
  });
});
