import {
  type AdvanceDealStage,
  type CalendarDate,
  type CorrectWonDeal,
  type CurrencyCode,
  type DealCommand,
  DealId,
  type Instant,
  type IssueInvoice,
  type LoseDeal,
  type MoveDealToStage,
  type MoveExpectedCloseDate,
  type OpenDeal,
  type ReassignDeal,
  type RecordDelivery,
  type RecordPayment,
  type ReopenDeal,
  type ReviseLineItems,
  type SetDealWinProbability,
  type WinDeal,
} from '@crm/domain';
import * as fc from 'fast-check';
import {
  calendarDateArbitrary,
  idFrom,
  instantArbitrary,
  textArbitrary,
  userIdArbitrary,
} from '../kernel-arbitraries.ts';
import {
  amountIn,
  campaignIdArbitrary,
  customerIdArbitrary,
  entryIdArbitrary,
  exchangeRateArbitrary,
  lineItemArbitrary,
  mostlyEuro,
  openDealStageArbitrary,
  plainRecord,
  productQuantityArbitrary,
  winProbabilityArbitrary,
} from './value-arbitraries.ts';

/** What deal command arbitraries draw their deal id, currency, instants and due dates from. */
export interface DealCommandSources {
  readonly dealId: fc.Arbitrary<DealId>;
  readonly currency: fc.Arbitrary<CurrencyCode>;
  readonly at: fc.Arbitrary<Instant>;
  readonly dueDate: fc.Arbitrary<CalendarDate>;
}

/** The default sources: two deals, mostly EUR, instants and dates 2024–2027. */
export const defaultDealCommandSources: DealCommandSources = {
  dealId: idFrom(DealId, 'deal-', 2),
  currency: mostlyEuro,
  at: instantArbitrary,
  dueDate: calendarDateArbitrary,
};

/** One arbitrary per deal command, drawing from `sources`. */
export const dealCommandArbitraries = (sources: DealCommandSources = defaultDealCommandSources) => {
  const { dealId, currency, at } = sources;
  const lineItems = (minLength: number) =>
    fc.array(lineItemArbitrary(currency), { minLength, maxLength: 4 });
  const rate = exchangeRateArbitrary(currency);
  return {
    OpenDeal: fc
      .record(
        {
          dealId,
          customerId: customerIdArbitrary,
          ownerId: userIdArbitrary,
          title: textArbitrary,
          expectedCloseDate: calendarDateArbitrary,
          currency,
          lineItems: lineItems(0),
          at,
          sourceCampaignId: campaignIdArbitrary,
        },
        {
          requiredKeys: [
            'dealId',
            'customerId',
            'ownerId',
            'title',
            'expectedCloseDate',
            'currency',
            'lineItems',
            'at',
          ],
        },
      )
      .map((data): OpenDeal => ({ type: 'OpenDeal', data })),
    AdvanceDealStage: fc
      .record({ dealId, at })
      .map((data): AdvanceDealStage => ({ type: 'AdvanceDealStage', data })),
    MoveDealToStage: fc
      .record({ dealId, stage: openDealStageArbitrary, at })
      .map((data): MoveDealToStage => ({ type: 'MoveDealToStage', data })),
    SetDealWinProbability: fc
      .record({ dealId, winProbabilityPercent: winProbabilityArbitrary, at })
      .map((data): SetDealWinProbability => ({ type: 'SetDealWinProbability', data })),
    ReviseLineItems: fc
      .record({ dealId, lineItems: lineItems(0), at })
      .map((data): ReviseLineItems => ({ type: 'ReviseLineItems', data })),
    MoveExpectedCloseDate: fc
      .record({ dealId, expectedCloseDate: calendarDateArbitrary, at })
      .map((data): MoveExpectedCloseDate => ({ type: 'MoveExpectedCloseDate', data })),
    ReassignDeal: fc
      .record({ dealId, ownerId: userIdArbitrary, at })
      .map((data): ReassignDeal => ({ type: 'ReassignDeal', data })),
    WinDeal: fc
      .record({ dealId, at, exchangeRate: rate }, { requiredKeys: ['dealId', 'at'] })
      .map((data): WinDeal => ({ type: 'WinDeal', data })),
    LoseDeal: fc
      .record(
        { dealId, reason: textArbitrary, at, competitor: textArbitrary },
        { requiredKeys: ['dealId', 'reason', 'at'] },
      )
      .map((data): LoseDeal => ({ type: 'LoseDeal', data })),
    ReopenDeal: fc
      .record({ dealId, at, stage: openDealStageArbitrary }, { requiredKeys: ['dealId', 'at'] })
      .map((data): ReopenDeal => ({ type: 'ReopenDeal', data })),
    CorrectWonDeal: fc
      .record(
        { dealId, reason: textArbitrary, at, lineItems: lineItems(0), exchangeRate: rate },
        { requiredKeys: ['dealId', 'reason', 'at'] },
      )
      .map((data): CorrectWonDeal => ({ type: 'CorrectWonDeal', data })),
    RecordDelivery: fc
      .record({
        dealId,
        deliveryId: entryIdArbitrary('dlv-', 4),
        lines: fc.array(productQuantityArbitrary, { maxLength: 3 }),
        at,
      })
      .map((data): RecordDelivery => ({ type: 'RecordDelivery', data })),
    IssueInvoice: fc
      .record({
        dealId,
        invoiceId: entryIdArbitrary('inv-', 4),
        amount: amountIn(currency, 0, 300_000),
        dueDate: sources.dueDate,
        at,
      })
      .map((data): IssueInvoice => ({ type: 'IssueInvoice', data })),
    RecordPayment: fc
      .record({
        dealId,
        paymentId: entryIdArbitrary('pay-', 8),
        invoiceId: entryIdArbitrary('inv-', 4),
        amount: fc.oneof(amountIn(currency, 0, 5_000), amountIn(currency, 0, 200_000)),
        at,
      })
      .map((data): RecordPayment => ({ type: 'RecordPayment', data })),
  } satisfies {
    readonly [K in DealCommand['type']]: fc.Arbitrary<Extract<DealCommand, { type: K }>>;
  };
};

const defaults = dealCommandArbitraries();

/** OpenDeal for one of two deals, with 0–4 line items mostly in EUR. */
export const openDealArbitrary = defaults.OpenDeal;
export const advanceDealStageArbitrary = defaults.AdvanceDealStage;
export const moveDealToStageArbitrary = defaults.MoveDealToStage;
export const setDealWinProbabilityArbitrary = defaults.SetDealWinProbability;
export const reviseLineItemsArbitrary = defaults.ReviseLineItems;
export const moveExpectedCloseDateArbitrary = defaults.MoveExpectedCloseDate;
export const reassignDealArbitrary = defaults.ReassignDeal;
/** WinDeal, with a rate to a reporting currency or without. */
export const winDealArbitrary = defaults.WinDeal;
export const loseDealArbitrary = defaults.LoseDeal;
export const reopenDealArbitrary = defaults.ReopenDeal;
export const correctWonDealArbitrary = defaults.CorrectWonDeal;
export const recordDeliveryArbitrary = defaults.RecordDelivery;
export const issueInvoiceArbitrary = defaults.IssueInvoice;
export const recordPaymentArbitrary = defaults.RecordPayment;

/** Any deal command, valid for a given deal or not. */
export const dealCommandArbitrary: fc.Arbitrary<DealCommand> = fc.oneof(
  ...Object.values(defaults).map((arbitrary) => arbitrary as fc.Arbitrary<DealCommand>),
);
