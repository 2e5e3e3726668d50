import type {
  AdvanceDealStage,
  CalendarDate,
  CorrectWonDeal,
  CurrencyCode,
  DealCommand,
  DealId,
  Instant,
  IssueInvoice,
  LoseDeal,
  MoveDealToStage,
  MoveExpectedCloseDate,
  OpenDeal,
  ReassignDeal,
  RecordDelivery,
  RecordPayment,
  ReopenDeal,
  ReviseLineItems,
  SetDealWinProbability,
  WinDeal,
} from '@crm/domain';
import * as fc from 'fast-check';
import {
  calendarDateArbitrary,
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

/** The default sources: mostly deal-1 (sometimes deal-2), mostly EUR, instants and dates 2024–2027. */
export const defaultDealCommandSources: DealCommandSources = {
  dealId: fc.oneof(
    { weight: 4, arbitrary: fc.constant('deal-1' as DealId) },
    { weight: 1, arbitrary: fc.constant('deal-2' as DealId) },
  ),
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
    OpenDeal: plainRecord(
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
    ).map((data): OpenDeal => ({ type: 'OpenDeal', data })),
    AdvanceDealStage: plainRecord({ dealId, at }).map(
      (data): AdvanceDealStage => ({ type: 'AdvanceDealStage', data }),
    ),
    MoveDealToStage: plainRecord({ dealId, stage: openDealStageArbitrary, at }).map(
      (data): MoveDealToStage => ({ type: 'MoveDealToStage', data }),
    ),
    SetDealWinProbability: plainRecord({
      dealId,
      winProbabilityPercent: winProbabilityArbitrary,
      at,
    }).map((data): SetDealWinProbability => ({ type: 'SetDealWinProbability', data })),
    ReviseLineItems: plainRecord({ dealId, lineItems: lineItems(0), at }).map(
      (data): ReviseLineItems => ({ type: 'ReviseLineItems', data }),
    ),
    MoveExpectedCloseDate: plainRecord({
      dealId,
      expectedCloseDate: calendarDateArbitrary,
      at,
    }).map((data): MoveExpectedCloseDate => ({ type: 'MoveExpectedCloseDate', data })),
    ReassignDeal: plainRecord({ dealId, ownerId: userIdArbitrary, at }).map(
      (data): ReassignDeal => ({ type: 'ReassignDeal', data }),
    ),
    WinDeal: plainRecord(
      { dealId, at, exchangeRate: rate },
      { requiredKeys: ['dealId', 'at'] },
    ).map((data): WinDeal => ({ type: 'WinDeal', data })),
    LoseDeal: plainRecord(
      { dealId, reason: textArbitrary, at, competitor: textArbitrary },
      { requiredKeys: ['dealId', 'reason', 'at'] },
    ).map((data): LoseDeal => ({ type: 'LoseDeal', data })),
    ReopenDeal: plainRecord(
      { dealId, at, stage: openDealStageArbitrary },
      { requiredKeys: ['dealId', 'at'] },
    ).map((data): ReopenDeal => ({ type: 'ReopenDeal', data })),
    CorrectWonDeal: plainRecord(
      { dealId, reason: textArbitrary, at, lineItems: lineItems(0), exchangeRate: rate },
      { requiredKeys: ['dealId', 'reason', 'at'] },
    ).map((data): CorrectWonDeal => ({ type: 'CorrectWonDeal', data })),
    RecordDelivery: plainRecord({
      dealId,
      deliveryId: entryIdArbitrary('dlv-', 4),
      lines: fc.oneof(fc.constant([]), {
        weight: 5,
        arbitrary: fc.array(productQuantityArbitrary, { minLength: 1, maxLength: 3 }),
      }),
      at,
    }).map((data): RecordDelivery => ({ type: 'RecordDelivery', data })),
    IssueInvoice: plainRecord({
      dealId,
      invoiceId: entryIdArbitrary('inv-', 3),
      amount: amountIn(currency, 0, 300_000),
      dueDate: sources.dueDate,
      at,
    }).map((data): IssueInvoice => ({ type: 'IssueInvoice', data })),
    RecordPayment: plainRecord({
      dealId,
      paymentId: entryIdArbitrary('pay-', 8),
      invoiceId: entryIdArbitrary('inv-', 3),
      amount: fc.oneof(amountIn(currency, 0, 5_000), amountIn(currency, 0, 200_000)),
      at,
    }).map((data): RecordPayment => ({ type: 'RecordPayment', data })),
  } satisfies {
    readonly [K in DealCommand['type']]: fc.Arbitrary<Extract<DealCommand, { type: K }>>;
  };
};

const defaults = dealCommandArbitraries();

/** `OpenDeal` commands with 0–4 line items, mostly in EUR. */
export const openDealArbitrary = defaults.OpenDeal;
/** `AdvanceDealStage` commands drawn from the default sources. */
export const advanceDealStageArbitrary = defaults.AdvanceDealStage;
/** `MoveDealToStage` commands drawn from the default sources. */
export const moveDealToStageArbitrary = defaults.MoveDealToStage;
/** `SetDealWinProbability` commands drawn from the default sources. */
export const setDealWinProbabilityArbitrary = defaults.SetDealWinProbability;
/** `ReviseLineItems` commands drawn from the default sources. */
export const reviseLineItemsArbitrary = defaults.ReviseLineItems;
/** `MoveExpectedCloseDate` commands drawn from the default sources. */
export const moveExpectedCloseDateArbitrary = defaults.MoveExpectedCloseDate;
/** `ReassignDeal` commands drawn from the default sources. */
export const reassignDealArbitrary = defaults.ReassignDeal;
/** WinDeal, with a rate to a reporting currency or without. */
export const winDealArbitrary = defaults.WinDeal;
/** `LoseDeal` commands drawn from the default sources. */
export const loseDealArbitrary = defaults.LoseDeal;
/** `ReopenDeal` commands drawn from the default sources. */
export const reopenDealArbitrary = defaults.ReopenDeal;
/** `CorrectWonDeal` commands drawn from the default sources. */
export const correctWonDealArbitrary = defaults.CorrectWonDeal;
/** `RecordDelivery` commands drawn from the default sources. */
export const recordDeliveryArbitrary = defaults.RecordDelivery;
/** `IssueInvoice` commands drawn from the default sources. */
export const issueInvoiceArbitrary = defaults.IssueInvoice;
/** `RecordPayment` commands drawn from the default sources. */
export const recordPaymentArbitrary = defaults.RecordPayment;

/** Any deal command, valid for a given deal or not. */
export const dealCommandArbitrary: fc.Arbitrary<DealCommand> = fc.oneof(
  ...Object.values(defaults).map((arbitrary) => arbitrary as fc.Arbitrary<DealCommand>),
);
