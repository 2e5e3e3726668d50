import type { KernelError } from '../kernel/domain-error.ts';
import type {
  AmountNotInDealCurrency,
  AmountNotPositive,
  DealHasNoLineItems,
  ExchangeRateNotFromDealCurrency,
  LineItemAmountNegative,
  LineItemNotInDealCurrency,
} from './errors-amounts.ts';
import type {
  InvoiceAlreadyIssued,
  InvoiceDueBeforeIssue,
  InvoiceNotFound,
  InvoicesExceedOrderRevenue,
  PaymentAlreadyRecorded,
  PaymentExceedsInvoiceOutstanding,
} from './errors-billing.ts';
import type {
  CorrectionBelowDelivered,
  CorrectionBelowInvoiced,
  DeliveryAlreadyRecorded,
  DeliveryExceedsOrder,
  DeliveryHasNoLines,
  ProductNotOrdered,
} from './errors-delivery.ts';
import type {
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

/** Every error the deal decider can answer with: the kernel's and the deal's own. */
export type DealError =
  | KernelError
  | DealNotOpened
  | DealAlreadyOpened
  | DealIdMismatch
  | DealAlreadyWon
  | DealAlreadyLost
  | DealNotWon
  | DealNotLost
  | DealInLastOpenStage
  | DealClosedBeforeOpened
  | NothingToCorrect
  | LineItemNotInDealCurrency
  | LineItemAmountNegative
  | DealHasNoLineItems
  | ExchangeRateNotFromDealCurrency
  | AmountNotInDealCurrency
  | AmountNotPositive
  | CorrectionBelowDelivered
  | CorrectionBelowInvoiced
  | DeliveryAlreadyRecorded
  | DeliveryHasNoLines
  | ProductNotOrdered
  | DeliveryExceedsOrder
  | InvoiceAlreadyIssued
  | InvoiceDueBeforeIssue
  | InvoicesExceedOrderRevenue
  | InvoiceNotFound
  | PaymentAlreadyRecorded
  | PaymentExceedsInvoiceOutstanding;

/** The `_tag` of every deal error. */
export type DealErrorTag = DealError['_tag'];
