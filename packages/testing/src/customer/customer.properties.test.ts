import {
  CustomerCommand,
  CustomerEvent,
  type CustomerState,
  customerDecider,
  customerInvariantBreaches,
  decodeCustomerCommand,
  decodeCustomerEvent,
  type ForwardStage,
  fold,
  isForwardStage,
  type LifecycleStage,
  lifecycleRank,
} from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deciderLaws } from '../decider-laws.ts';
import {
  customerCommandArbitrary,
  ensureLifecycleStageAtLeastArbitrary,
  mergeCustomerIntoArbitrary,
  revertCustomerMergeArbitrary,
} from './command-arbitraries.ts';
import { customerEventArbitraries, customerEventArbitrary } from './event-arbitraries.ts';
import { customerHistoryArbitrary } from './history-arbitrary.ts';
import { customerSpecification } from './spec.ts';
import { streamCustomerId } from './values.ts';

const registeredAfter = (state: CustomerState) =>
  state.status === 'registered' ? state : undefined;

describe('customer decider laws', () => {
  // Each law as a property fc can run whatever its own argument types.
  const laws: Readonly<Record<string, fc.IRawProperty<unknown[], false>>> = deciderLaws({
    decider: customerDecider,
    histories: customerHistoryArbitrary,
    commands: customerCommandArbitrary,
    events: customerEventArbitrary,
    isEvent: CustomerEvent.is,
    invariantBreaches: customerInvariantBreaches,
  });
  for (const [law, property] of Object.entries(laws)) {
    it(law, () => fc.assert(property));
  }
});

describe('customer invariants', () => {
  it('the lifecycle never moves backwards except through churn and reactivation', () => {
    fc.assert(
      fc.property(customerHistoryArbitrary, ({ events }) => {
        let stage: LifecycleStage | undefined;
        let lastForward: ForwardStage = 'lead';
        let furthest = 0;
        for (const event of events) {
          if (event.type === 'CustomerRegistered') stage = 'lead';
          if (event.type === 'CustomerLifecycleStageAdvanced') {
            const { from, to } = event.data;
            expect(from).toBe(stage);
            // Forward: strictly later. After reactivation: the stage held before churn, or later.
            if (isForwardStage(from))
              expect(lifecycleRank(to)).toBeGreaterThan(lifecycleRank(from));
            else expect(from).toBe('reactivated');
            if (from === 'reactivated') {
              expect(lifecycleRank(to)).toBeGreaterThanOrEqual(lifecycleRank(lastForward));
            }
            stage = to;
            lastForward = to;
            furthest = Math.max(furthest, lifecycleRank(to));
          }
          if (event.type === 'CustomerChurned') {
            expect(event.data.from).toBe(stage);
            stage = 'churned';
          }
          if (event.type === 'CustomerReactivated') {
            expect(stage).toBe('churned');
            stage = 'reactivated';
          }
        }
        const state = registeredAfter(fold(customerDecider, events));
        if (state !== undefined) {
          expect(state.lifecycle.stage).toBe(stage);
          expect(lifecycleRank(state.lifecycle.furthestStage)).toBe(furthest);
        }
      }),
    );
  });

  it('the loyalty balance is never negative, after any history and any prefix of it', () => {
    fc.assert(
      fc.property(customerHistoryArbitrary, ({ events }) => {
        let state = customerDecider.initialState;
        for (const event of events) {
          state = customerDecider.evolve(state, event);
          if (state.status === 'registered') {
            expect(state.loyalty.balance).toBeGreaterThanOrEqual(0);
            expect(state.loyalty.balance).toBe(state.loyalty.earned - state.loyalty.redeemed);
          }
        }
      }),
    );
  });

  it('a merged-away customer accepts no command but the revert', () => {
    fc.assert(
      fc.property(
        customerHistoryArbitrary,
        mergeCustomerIntoArbitrary,
        fc.array(customerCommandArbitrary, { minLength: 1, maxLength: 20 }),
        (history, merge, commands) => {
          // The history may already end merged; if not, the merge command usually makes it so.
          const mergeEvents = E.getOrElseW(() => [])(customerDecider.decide(merge, history.state));
          const merged = fold(customerDecider, mergeEvents, history.state);
          const tombstone = registeredAfter(merged);
          fc.pre(tombstone?.mergedInto != null);
          for (const command of commands) {
            const result = customerDecider.decide(command, merged);
            if (command.type === 'RevertCustomerMerge') {
              expect(E.isRight(result)).toBe(true);
            } else {
              expect(result).toEqual(
                E.left(
                  expect.objectContaining({
                    _tag: 'CustomerMergedAway',
                    survivorId: tombstone?.mergedInto,
                  }),
                ),
              );
            }
          }
        },
      ),
    );
  });

  it('reverting a merge restores the customer as it was before the merge', () => {
    fc.assert(
      fc.property(
        customerHistoryArbitrary,
        mergeCustomerIntoArbitrary,
        revertCustomerMergeArbitrary,
        (history, merge, revert) => {
          const merged = customerDecider.decide(merge, history.state);
          fc.pre(E.isRight(merged));
          const tombstone = fold(customerDecider, E.getOrElseW(() => [])(merged), history.state);
          const reverted = E.getOrElseW(() => [])(customerDecider.decide(revert, tombstone));
          expect(fold(customerDecider, reverted, tombstone)).toEqual(history.state);
        },
      ),
    );
  });

  it('EnsureLifecycleStageAtLeast is idempotent: a second run records nothing', () => {
    fc.assert(
      fc.property(
        customerHistoryArbitrary,
        ensureLifecycleStageAtLeastArbitrary,
        (history, ensure) => {
          const first = customerDecider.decide(ensure, history.state);
          fc.pre(E.isRight(first));
          const after = fold(customerDecider, E.getOrElseW(() => [])(first), history.state);
          expect(customerDecider.decide(ensure, after)).toEqual(E.right([]));
        },
      ),
    );
  });
});

describe('customer codecs', () => {
  const viaStorage = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

  it('decode(encode(command)) is the command, for every command', () => {
    fc.assert(
      fc.property(customerCommandArbitrary, (command) => {
        expect(decodeCustomerCommand(viaStorage(CustomerCommand.encode(command)))).toEqual(
          E.right(command),
        );
      }),
    );
  });

  it('decode(encode(event)) is the event, for every event', () => {
    fc.assert(
      fc.property(customerEventArbitrary, (event) => {
        expect(decodeCustomerEvent(viaStorage(CustomerEvent.encode(event)))).toEqual(
          E.right(event),
        );
      }),
    );
  });

  it('generates every event type', () => {
    const types = new Set(
      fc.sample(customerEventArbitrary, { numRuns: 2000, seed: 42 }).map((event) => event.type),
    );
    expect([...types].sort()).toEqual(Object.keys(customerEventArbitraries).sort());
  });

  // A fixed seed keeps these coverage checks of the arbitraries deterministic.
  it('decides every event type somewhere in generated histories', () => {
    const types = new Set(
      fc
        .sample(customerHistoryArbitrary, { numRuns: 400, seed: 42 })
        .flatMap((h) => h.events.map((e) => e.type)),
    );
    expect([...types].sort()).toEqual(Object.keys(customerEventArbitraries).sort());
  });
});

describe('customerSpecification', () => {
  it('reads like the rule: a merged-away customer refuses a churn', () => {
    const [registered] = fc.sample(customerEventArbitraries.CustomerRegistered, 1);
    const merged = {
      type: 'CustomerMerged',
      version: 1,
      data: { customerId: streamCustomerId, survivorId: 'customer-2', at: '2025-01-02T00:00:00Z' },
    } as CustomerEvent;
    const churn = decodeCustomerCommand({
      type: 'ChurnCustomer',
      data: { customerId: streamCustomerId, reason: 'moved away', at: '2025-01-03T00:00:00Z' },
    });
    if (registered === undefined || E.isLeft(churn)) throw new Error('bad fixtures');
    const error = customerSpecification
      .given([registered, merged])
      .when(churn.right)
      .thenFails('CustomerMergedAway');
    expect(error).toMatchObject({ survivorId: 'customer-2' });
    customerSpecification
      .given([registered])
      .when(churn.right)
      .then([
        {
          type: 'CustomerChurned',
          version: 1,
          data: {
            customerId: streamCustomerId,
            from: 'lead',
            reason: 'moved away' as never,
            at: '2025-01-03T00:00:00Z' as never,
          },
        },
      ]);
  });
});
