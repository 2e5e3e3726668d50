import {
  type CurrencyCode,
  type DealCommand,
  DealCommand as DealCommandCodec,
  DealEvent,
  type DealId,
  type DealState,
  dealDecider,
  dealInvariantBreaches,
  decodeDealCommand,
  decodeDealEvent,
  type LineItem,
  type WonDeal,
} from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deciderLaws } from '../decider-laws.ts';
import {
  dealCommandArbitraries,
  dealCommandArbitrary,
  defaultDealCommandSources,
} from './command-arbitraries.ts';
import * as events from './event-arbitraries.ts';
import { dealHistoryArbitrary, wonDealHistoryArbitrary } from './history-arbitraries.ts';

const numRuns = 100;
const dealOne = 'deal-1' as DealId;

/** Commands for deal-1 in the given currency, by type. */
const commandsFor = (currency: CurrencyCode) =>
  dealCommandArbitraries({
    ...defaultDealCommandSources,
    dealId: fc.constant(dealOne),
    currency: fc.constant(currency),
  });
const anyOf = (arbitraries: Readonly<Record<string, fc.Arbitrary<DealCommand>>>) =>
  fc.oneof(...Object.values(arbitraries));

/** A won history together with commands in its own currency. */
const wonDealAnd = (
  pick: (commands: ReturnType<typeof commandsFor>) => fc.Arbitrary<DealCommand>,
) =>
  wonDealHistoryArbitrary.chain((history) =>
    fc.tuple(fc.constant(history), pick(commandsFor((history.state as WonDeal).currency))),
  );

/** Every state a history passes through, after each event. */
const statesAlong = (history: ReadonlyArray<DealEvent>): ReadonlyArray<DealState> => {
  const states: DealState[] = [];
  let state = dealDecider.initialState;
  for (const event of history) {
    state = dealDecider.evolve(state, event);
    states.push(state);
  }
  return states;
};
const wonStatesAlong = (history: ReadonlyArray<DealEvent>): ReadonlyArray<WonDeal> =>
  statesAlong(history).filter((state): state is WonDeal => state.status === 'won');

// Independent of the kernel's Money functions: plain bigint sums over the line items.
const sumOver = (lineItems: ReadonlyArray<LineItem>, unit: 'unitPrice' | 'unitCost'): bigint =>
  lineItems.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line[unit].amountMinor), 0n);
const orderedOf = (lineItems: ReadonlyArray<LineItem>, productId: string): number =>
  lineItems
    .filter((line) => line.productId === productId)
    .reduce((n, line) => n + line.quantity, 0);

describe('deal decider laws', () => {
  const laws = deciderLaws({
    decider: dealDecider,
    histories: dealHistoryArbitrary,
    commands: dealCommandArbitrary,
    events: events.dealEventArbitrary,
    isEvent: DealEvent.is,
    invariantBreaches: dealInvariantBreaches,
  });
  for (const law of Object.keys(laws) as ReadonlyArray<keyof typeof laws>) {
    it(law, () => {
      // Each law has its own argument types; fc runs any of them as a raw property.
      const property: fc.IRawProperty<unknown[], false> = laws[law];
      fc.assert(property, { numRuns });
    });
  }

  it('decidedEventsApply to won deals, for commands in the deal currency', () => {
    fc.assert(
      fc.property(wonDealAnd(anyOf), ([history, command]) => {
        const result = dealDecider.decide(command, history.state);
        if (E.isLeft(result)) return;
        const after = result.right.reduce(dealDecider.evolve, history.state);
        expect(result.right.every((event) => DealEvent.is(event))).toBe(true);
        expect(dealInvariantBreaches(after)).toEqual([]);
      }),
      { numRuns },
    );
  });
});

describe('deal rules', () => {
  it('for every won deal, revenue − cost = profit exactly, each the sum over the line items', () => {
    fc.assert(
      fc.property(fc.oneof(dealHistoryArbitrary, wonDealHistoryArbitrary), (history) => {
        for (const deal of wonStatesAlong(history.events)) {
          const revenue = sumOver(deal.lineItems, 'unitPrice');
          const cost = sumOver(deal.lineItems, 'unitCost');
          expect(BigInt(deal.revenue.amountMinor)).toBe(revenue);
          expect(BigInt(deal.cost.amountMinor)).toBe(cost);
          expect(BigInt(deal.profit.amountMinor)).toBe(revenue - cost);
          expect(
            new Set([deal.revenue.currency, deal.cost.currency, deal.profit.currency]),
          ).toEqual(new Set([deal.currency]));
        }
        for (const event of history.events) {
          const figures =
            event.type === 'DealWon'
              ? [event.data]
              : event.type === 'WonDealCorrected'
                ? [event.data.previous, event.data.corrected]
                : [];
          for (const { lineItems, revenue, cost, profit } of figures) {
            expect(BigInt(revenue.amountMinor) - BigInt(cost.amountMinor)).toBe(
              BigInt(profit.amountMinor),
            );
            expect(BigInt(revenue.amountMinor)).toBe(sumOver(lineItems, 'unitPrice'));
          }
        }
      }),
      { numRuns },
    );
  });

  it('a won deal refuses every command but corrections, deliveries, invoices and payments', () => {
    const changes = (c: ReturnType<typeof commandsFor>) =>
      fc.oneof(
        c.OpenDeal,
        c.AdvanceDealStage,
        c.MoveDealToStage,
        c.SetDealWinProbability,
        c.ReviseLineItems,
        c.MoveExpectedCloseDate,
        c.ReassignDeal,
        c.WinDeal,
        c.LoseDeal,
        c.ReopenDeal,
      );
    fc.assert(
      fc.property(wonDealAnd(changes), ([history, command]) => {
        const result = dealDecider.decide(command, history.state);
        expect(E.isLeft(result) && result.left._tag).toBe(
          command.type === 'OpenDeal' ? 'DealAlreadyOpened' : 'DealAlreadyWon',
        );
      }),
      { numRuns },
    );
  });

  it('once won, a deal stays won with its customer, owner, stage and win instant', () => {
    fc.assert(
      fc.property(wonDealHistoryArbitrary, (history) => {
        const [first, ...later] = wonStatesAlong(history.events);
        for (const deal of later) {
          expect(deal).toMatchObject({
            customerId: first?.customerId,
            ownerId: first?.ownerId,
            stage: first?.stage,
            wonAt: first?.wonAt,
            expectedCloseDate: first?.expectedCloseDate,
          });
        }
        expect(history.state.status).toBe('won');
      }),
      { numRuns },
    );
  });

  it('no product is ever delivered beyond what was ordered', () => {
    fc.assert(
      fc.property(fc.oneof(dealHistoryArbitrary, wonDealHistoryArbitrary), (history) => {
        for (const deal of wonStatesAlong(history.events)) {
          for (const { productId, quantity } of deal.order.delivered) {
            expect(quantity).toBeLessThanOrEqual(orderedOf(deal.lineItems, productId));
          }
        }
        for (const event of history.events) {
          if (event.type !== 'DeliveryRecorded') continue;
          expect(event.data.remaining.every(({ quantity }) => quantity >= 0)).toBe(true);
          expect(event.data.fullyDelivered).toBe(
            event.data.remaining.every(({ quantity }) => quantity === 0),
          );
        }
      }),
      { numRuns },
    );
  });

  it('no invoice is ever paid beyond its amount, and paid ≤ invoiced ≤ revenue', () => {
    fc.assert(
      fc.property(fc.oneof(dealHistoryArbitrary, wonDealHistoryArbitrary), (history) => {
        for (const { order, revenue } of wonStatesAlong(history.events)) {
          for (const invoice of order.invoices) {
            expect(invoice.paid.amountMinor).toBeLessThanOrEqual(invoice.amount.amountMinor);
          }
          expect(order.paid.amountMinor).toBeLessThanOrEqual(order.invoiced.amountMinor);
          expect(order.invoiced.amountMinor).toBeLessThanOrEqual(revenue.amountMinor);
          expect(order.outstanding.amountMinor).toBe(
            order.invoiced.amountMinor - order.paid.amountMinor,
          );
        }
      }),
      { numRuns },
    );
  });

  it('the generated won histories reach deliveries, invoices, payments and corrections', () => {
    const types = new Set(
      fc
        .sample(wonDealHistoryArbitrary, { numRuns: 60, seed: 42 })
        .flatMap((history) => history.events.map((event) => event.type)),
    );
    for (const type of [
      'DeliveryRecorded',
      'InvoiceIssued',
      'PaymentRecorded',
      'WonDealCorrected',
    ]) {
      expect(types).toContain(type);
    }
  });
});

describe('deal codecs', () => {
  const commandArbitraries = Object.entries(dealCommandArbitraries());
  for (const [type, arbitrary] of commandArbitraries) {
    it(`decode(encode(${type})) is the command`, () => {
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<DealCommand>, (command) => {
          const stored = JSON.parse(JSON.stringify(DealCommandCodec.encode(command)));
          expect(decodeDealCommand(stored)).toEqual(E.right(command));
        }),
        { numRuns: 30 },
      );
    });
  }

  const eventArbitraries = Object.entries(events).filter(([name]) => name !== 'dealEventArbitrary');
  for (const [name, arbitrary] of eventArbitraries) {
    it(`decode(encode(x)) is x for ${name}`, () => {
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<DealEvent>, (event) => {
          const stored = JSON.parse(JSON.stringify(DealEvent.encode(event)));
          expect(decodeDealEvent(stored)).toEqual(E.right(event));
        }),
        { numRuns: 30 },
      );
    });
  }

  it('every event of a decided history reads back as itself', () => {
    fc.assert(
      fc.property(dealHistoryArbitrary, (history) => {
        for (const event of history.events) {
          const stored = JSON.parse(JSON.stringify(DealEvent.encode(event)));
          expect(decodeDealEvent(stored)).toEqual(E.right(event));
        }
      }),
      { numRuns: 50 },
    );
  });
});
