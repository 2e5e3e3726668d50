import {
  type CurrencyCode,
  type DealEvent,
  type DealExpectedCloseDateMoved,
  DealId,
  type DealLineItemsRevised,
  type DealLost,
  type DealOpened,
  type DealReassigned,
  type DealReopened,
  type DealStageChanged,
  type DealWinProbabilitySet,
  type DealWon,
  type DeliveryRecorded,
  type InvoiceIssued,
  type PaymentRecorded,
  type WonDealCorrected,
  type WonDealFigures,
} from '@crm/domain';
import * as fc from 'fast-check';
import type * as t from 'io-ts';
import {
  instantArbitrary as at,
  calendarDateArbitrary,
  idFrom,
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
  productIdArbitrary,
  productQuantityArbitrary,
  winProbabilityArbitrary,
} from './value-arbitraries.ts';

const dealId = idFrom(DealId, 'deal-', 2);
const currency: fc.Arbitrary<CurrencyCode> = mostlyEuro;
const lineItems = fc.array(lineItemArbitrary(currency), { maxLength: 4 });
const signedAmount = amountIn(currency, -1_000_000, 4_000_000);
const positiveAmount = amountIn(currency, 1, 300_000);
const rateOrNull = fc.option(exchangeRateArbitrary(currency), { nil: null });

const event =
  <TType extends DealEvent['type']>(type: TType) =>
  <TData>(data: fc.Arbitrary<TData>) =>
    data.map((d) => ({ type, version: 1 as const, data: d }));

/** `DealOpened` events with any well-formed data, applicable or not. */
export const dealOpenedArbitrary: fc.Arbitrary<DealOpened> = event('DealOpened')(
  plainRecord({
    dealId,
    customerId: customerIdArbitrary,
    ownerId: userIdArbitrary,
    title: textArbitrary,
    expectedCloseDate: calendarDateArbitrary,
    sourceCampaignId: fc.option(campaignIdArbitrary, { nil: null }),
    currency,
    lineItems,
    stage: openDealStageArbitrary,
    winProbabilityPercent: winProbabilityArbitrary,
    at,
  }),
);

/** `DealStageChanged` events with any well-formed data, applicable or not. */
export const dealStageChangedArbitrary: fc.Arbitrary<DealStageChanged> = event('DealStageChanged')(
  plainRecord({
    dealId,
    from: openDealStageArbitrary,
    to: openDealStageArbitrary,
    winProbabilityPercent: winProbabilityArbitrary,
    at,
  }),
);

/** `DealWinProbabilitySet` events with any well-formed data, applicable or not. */
export const dealWinProbabilitySetArbitrary: fc.Arbitrary<DealWinProbabilitySet> = event(
  'DealWinProbabilitySet',
)(plainRecord({ dealId, from: winProbabilityArbitrary, to: winProbabilityArbitrary, at }));

/** `DealLineItemsRevised` events with any well-formed data, applicable or not. */
export const dealLineItemsRevisedArbitrary: fc.Arbitrary<DealLineItemsRevised> = event(
  'DealLineItemsRevised',
)(plainRecord({ dealId, lineItems, at }));

/** `DealExpectedCloseDateMoved` events with any well-formed data, applicable or not. */
export const dealExpectedCloseDateMovedArbitrary: fc.Arbitrary<DealExpectedCloseDateMoved> = event(
  'DealExpectedCloseDateMoved',
)(plainRecord({ dealId, from: calendarDateArbitrary, to: calendarDateArbitrary, at }));

/** `DealReassigned` events with any well-formed data, applicable or not. */
export const dealReassignedArbitrary: fc.Arbitrary<DealReassigned> = event('DealReassigned')(
  plainRecord({ dealId, previousOwnerId: userIdArbitrary, ownerId: userIdArbitrary, at }),
);

/** `DealWon` events with any well-formed data, applicable or not. */
export const dealWonArbitrary: fc.Arbitrary<DealWon> = event('DealWon')(
  plainRecord({
    dealId,
    customerId: customerIdArbitrary,
    ownerId: userIdArbitrary,
    sourceCampaignId: fc.option(campaignIdArbitrary, { nil: null }),
    stage: openDealStageArbitrary,
    currency,
    lineItems,
    revenue: signedAmount,
    cost: signedAmount,
    profit: signedAmount,
    exchangeRate: rateOrNull,
    at,
  }),
);

/** `DealLost` events with any well-formed data, applicable or not. */
export const dealLostArbitrary: fc.Arbitrary<DealLost> = event('DealLost')(
  plainRecord({
    dealId,
    stage: openDealStageArbitrary,
    reason: textArbitrary,
    competitor: fc.option(textArbitrary, { nil: null }),
    at,
  }),
);

/** `DealReopened` events with any well-formed data, applicable or not. */
export const dealReopenedArbitrary: fc.Arbitrary<DealReopened> = event('DealReopened')(
  plainRecord({
    dealId,
    stage: openDealStageArbitrary,
    winProbabilityPercent: winProbabilityArbitrary,
    at,
  }),
);

const figures: fc.Arbitrary<WonDealFigures> = plainRecord({
  lineItems,
  revenue: signedAmount,
  cost: signedAmount,
  profit: signedAmount,
  exchangeRate: rateOrNull,
});

/** `WonDealCorrected` events with any well-formed data, applicable or not. */
export const wonDealCorrectedArbitrary: fc.Arbitrary<WonDealCorrected> = event('WonDealCorrected')(
  plainRecord({
    dealId,
    customerId: customerIdArbitrary,
    reason: textArbitrary,
    previous: figures,
    corrected: figures,
    at,
  }),
);

/** `DeliveryRecorded` events with any well-formed data, applicable or not. */
export const deliveryRecordedArbitrary: fc.Arbitrary<DeliveryRecorded> = event('DeliveryRecorded')(
  plainRecord({
    dealId,
    deliveryId: entryIdArbitrary('dlv-', 4),
    lines: fc.array(productQuantityArbitrary, { maxLength: 3 }),
    remaining: fc.array(
      plainRecord({
        productId: productIdArbitrary,
        quantity: fc.nat(40).map((n) => n as t.Int),
      }),
      { maxLength: 3 },
    ),
    fullyDelivered: fc.boolean(),
    at,
  }),
);

/** `InvoiceIssued` events with any well-formed data, applicable or not. */
export const invoiceIssuedArbitrary: fc.Arbitrary<InvoiceIssued> = event('InvoiceIssued')(
  plainRecord({
    dealId,
    invoiceId: entryIdArbitrary('inv-', 4),
    amount: positiveAmount,
    dueDate: calendarDateArbitrary,
    at,
  }),
);

/** `PaymentRecorded` events with any well-formed data, applicable or not. */
export const paymentRecordedArbitrary: fc.Arbitrary<PaymentRecorded> = event('PaymentRecorded')(
  plainRecord({
    dealId,
    paymentId: entryIdArbitrary('pay-', 8),
    invoiceId: entryIdArbitrary('inv-', 4),
    amount: positiveAmount,
    invoiceOutstanding: amountIn(currency, 0, 300_000),
    at,
  }),
);

/** Any deal event, well-formed but not necessarily applicable to a given state. */
export const dealEventArbitrary: fc.Arbitrary<DealEvent> = fc.oneof(
  dealOpenedArbitrary,
  dealStageChangedArbitrary,
  dealWinProbabilitySetArbitrary,
  dealLineItemsRevisedArbitrary,
  dealExpectedCloseDateMovedArbitrary,
  dealReassignedArbitrary,
  dealWonArbitrary,
  dealLostArbitrary,
  dealReopenedArbitrary,
  wonDealCorrectedArbitrary,
  deliveryRecordedArbitrary,
  invoiceIssuedArbitrary,
  paymentRecordedArbitrary,
);
