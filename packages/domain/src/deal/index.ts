export type { DealCommandType } from './commands.ts';
export { DealCommand, dealCommandCodecs, decodeDealCommand } from './commands.ts';
export { CorrectWonDeal, LoseDeal, ReopenDeal, WinDeal } from './commands-closing.ts';
export { IssueInvoice, RecordDelivery, RecordPayment } from './commands-order.ts';
export {
  AdvanceDealStage,
  MoveDealToStage,
  MoveExpectedCloseDate,
  OpenDeal,
  ReassignDeal,
  ReviseLineItems,
  SetDealWinProbability,
} from './commands-pipeline.ts';
export { dealDecider, dealInvariantBreaches } from './decider.ts';
export type { DealError, DealErrorTag } from './errors.ts';
export type {
  AmountNotInDealCurrency,
  AmountNotPositive,
  DealHasNoLineItems,
  ExchangeRateNotFromDealCurrency,
  LineItemAmountNegative,
  LineItemNotInDealCurrency,
} from './errors-amounts.ts';
export type {
  InvoiceAlreadyIssued,
  InvoiceDueBeforeIssue,
  InvoiceNotFound,
  InvoicesExceedOrderRevenue,
  PaymentAlreadyRecorded,
  PaymentExceedsInvoiceOutstanding,
} from './errors-billing.ts';
export type {
  CorrectionBelowDelivered,
  CorrectionBelowInvoiced,
  DeliveryAlreadyRecorded,
  DeliveryExceedsOrder,
  DeliveryHasNoLines,
  ProductNotOrdered,
} from './errors-delivery.ts';
export type {
  DealAlreadyLost,
  DealAlreadyOpened,
  DealAlreadyWon,
  DealClosedBeforeOpened,
  DealIdMismatch,
  DealInLastOpenStage,
  DealNotLost,
  DealNotOpened,
  DealNotWon,
  NothingToCorrect,
} from './errors-lifecycle.ts';
export type { DealEventType } from './events.ts';
export { DealEvent, dealEventCodecs, dealUpcasters, decodeDealEvent } from './events.ts';
export {
  DealLost,
  DealReopened,
  DealWon,
  WonDealCorrected,
  WonDealFigures,
} from './events-closing.ts';
export { DeliveryRecorded, InvoiceIssued, PaymentRecorded } from './events-order.ts';
export {
  DealExpectedCloseDateMoved,
  DealLineItemsRevised,
  DealOpened,
  DealReassigned,
  DealStageChanged,
  DealWinProbabilitySet,
} from './events-pipeline.ts';
export {
  DealTotals,
  dealTotalsOf,
  LineItem,
  ProductQuantity,
  Quantity,
  RemainingQuantity,
} from './line-item.ts';
export {
  defaultWinProbabilities,
  nextOpenStage,
  OpenDealStage,
  openDealStages,
  WinProbabilityPercent,
} from './stage.ts';
export type {
  DealFacts,
  DealState,
  LostDeal,
  OpenedDeal,
  OrderExecution,
  OrderInvoice,
  PipelineDeal,
  UnopenedDeal,
  WonDeal,
} from './state.ts';
export { initialDealState } from './state.ts';
