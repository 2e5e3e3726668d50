import {
  type CalendarDate,
  type CurrencyCode,
  type DealCommand,
  type DealError,
  type DealEvent,
  type DealId,
  type DealState,
  dealDecider,
  type Instant,
} from '@crm/domain';
import * as fc from 'fast-check';
import { type DecidedHistory, historyFrom } from '../history.ts';
import { type DealCommandSources, dealCommandArbitraries } from './command-arbitraries.ts';
import { lineItemArbitrary } from './value-arbitraries.ts';

/** A valid history of one deal, with the state it folds to. */
export type DealHistory = DecidedHistory<DealCommand, DealEvent, DealState, DealError>;

const dealOne = 'deal-1' as DealId;
const from = Date.UTC(2025, 0, 1);
const until = Date.UTC(2025, 5, 30);

// Instants are drawn beside each command and handed out in order, so a history reads forwards in
// time like a real one (a deal is won after it was opened); invoices fall due in the second half.
const sourcesFor = (currency: CurrencyCode): DealCommandSources => ({
  dealId: fc.constant(dealOne),
  currency: fc.constant(currency),
  at: fc.constant(new Date(from).toISOString() as Instant),
  dueDate: fc
    .integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2025, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10) as CalendarDate),
});

const withAt = <TCommand extends DealCommand>(command: TCommand, at: Instant): TCommand => ({
  ...command,
  data: { ...command.data, at },
});

// Enough instants for the longest history drawn (1 + 10 + 15 × 4 commands).
const maxCommands = 80;

const inTimeOrder = (
  commands: fc.Arbitrary<ReadonlyArray<DealCommand>>,
): fc.Arbitrary<ReadonlyArray<DealCommand>> =>
  fc
    .tuple(
      commands,
      fc.array(fc.integer({ min: from, max: until }), {
        minLength: maxCommands,
        maxLength: maxCommands,
      }),
    )
    .map(([list, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return list.map((command, i) =>
        withAt(command, new Date(sorted[i] ?? until).toISOString() as Instant),
      );
    });

const commandMixes = (currency: CurrencyCode) => {
  const a = dealCommandArbitraries(sourcesFor(currency));
  const open = fc
    .tuple(
      a.OpenDeal,
      fc.array(lineItemArbitrary(fc.constant(currency)), { minLength: 1, maxLength: 4 }),
    )
    .map(([command, lineItems]) => ({ ...command, data: { ...command.data, lineItems } }));
  const pipeline = fc.oneof(
    { weight: 3, arbitrary: a.AdvanceDealStage },
    a.MoveDealToStage,
    a.SetDealWinProbability,
    a.ReviseLineItems,
    a.MoveExpectedCloseDate,
    a.ReassignDeal,
  );
  // An invoice followed by payments of that invoice, so payments mostly find what they pay.
  const billing = fc.tuple(a.IssueInvoice, fc.array(a.RecordPayment, { maxLength: 3 })).map(
    ([invoice, payments]): ReadonlyArray<DealCommand> => [
      invoice,
      ...payments.map((payment) => ({
        ...payment,
        data: { ...payment.data, invoiceId: invoice.data.invoiceId },
      })),
    ],
  );
  const execution = fc.oneof(
    { weight: 2, arbitrary: a.RecordDelivery.map((command) => [command]) },
    { weight: 3, arbitrary: billing },
    a.RecordPayment.map((command) => [command]),
    a.CorrectWonDeal.map((command) => [command]),
  );
  const closing = fc.oneof({ weight: 3, arbitrary: a.WinDeal }, a.LoseDeal, a.ReopenDeal);
  return { a, open, pipeline, execution, closing };
};

const currencies = fc.constantFrom('EUR', 'USD', 'JPY', 'KWD').map((code) => code as CurrencyCode);

/**
 * Valid histories of deal `deal-1`: opened with line items in one currency, then a mix of
 * pipeline moves, wins, losses, reopenings, corrections, deliveries, invoices and payments in
 * time order, keeping only what the decider accepts.
 */
export const dealHistoryArbitrary: fc.Arbitrary<DealHistory> = currencies
  .chain((currency) => {
    const { open, pipeline, execution, closing } = commandMixes(currency);
    // Two phases, so that order execution mostly comes after a win and gets exercised.
    const selling = fc.array(
      fc.oneof({ weight: 3, arbitrary: pipeline }, { weight: 2, arbitrary: closing }),
      { maxLength: 10 },
    );
    const executing = fc.array(
      fc.oneof(
        pipeline.map((command) => [command]),
        closing.map((command) => [command]),
        { weight: 5, arbitrary: execution },
      ),
      { maxLength: 15 },
    );
    return inTimeOrder(
      fc
        .tuple(open, selling, executing)
        .map(([first, moves, rest]) => [first, ...moves, ...rest.flat()]),
    );
  })
  .map((commands) => historyFrom(dealDecider, commands));

/**
 * Valid histories that end with the deal won: opened, moved through the pipeline, won (with or
 * without a rate), then corrected and executed (deliveries, invoices, payments).
 */
export const wonDealHistoryArbitrary: fc.Arbitrary<DealHistory> = currencies
  .chain((currency) => {
    const { a, open, pipeline, execution } = commandMixes(currency);
    return inTimeOrder(
      fc
        .tuple(
          open,
          fc.array(pipeline, { maxLength: 6 }),
          a.WinDeal,
          fc.array(execution, { maxLength: 15 }),
        )
        .map(([first, moves, win, afterwards]) => [first, ...moves, win, ...afterwards.flat()]),
    );
  })
  .map((commands) => historyFrom(dealDecider, commands))
  .filter((history) => history.state.status === 'won');
