export type { DealCommandSources } from './command-arbitraries.ts';
export {
  advanceDealStageArbitrary,
  correctWonDealArbitrary,
  dealCommandArbitraries,
  dealCommandArbitrary,
  defaultDealCommandSources,
  issueInvoiceArbitrary,
  loseDealArbitrary,
  moveDealToStageArbitrary,
  moveExpectedCloseDateArbitrary,
  openDealArbitrary,
  reassignDealArbitrary,
  recordDeliveryArbitrary,
  recordPaymentArbitrary,
  reopenDealArbitrary,
  reviseLineItemsArbitrary,
  setDealWinProbabilityArbitrary,
  winDealArbitrary,
} from './command-arbitraries.ts';
export {
  dealEventArbitrary,
  dealExpectedCloseDateMovedArbitrary,
  dealLineItemsRevisedArbitrary,
  dealLostArbitrary,
  dealOpenedArbitrary,
  dealReassignedArbitrary,
  dealReopenedArbitrary,
  dealStageChangedArbitrary,
  dealWinProbabilitySetArbitrary,
  dealWonArbitrary,
  deliveryRecordedArbitrary,
  invoiceIssuedArbitrary,
  paymentRecordedArbitrary,
  wonDealCorrectedArbitrary,
} from './event-arbitraries.ts';
export type { DealHistory } from './history-arbitraries.ts';
export { dealHistoryArbitrary, wonDealHistoryArbitrary } from './history-arbitraries.ts';
export { dealSpecification } from './spec.ts';
export {
  exchangeRateArbitrary,
  lineItemArbitrary,
  openDealStageArbitrary,
  productIdArbitrary,
  winProbabilityArbitrary,
} from './value-arbitraries.ts';
