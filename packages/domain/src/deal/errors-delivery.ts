import type { DomainError } from '../kernel/domain-error.ts';
import type { EntryId, ProductId } from '../kernel/ids.ts';
import type { Money } from '../kernel/money.ts';
import { moneyText } from './money-text.ts';

/** A correction would order less of a product than has already been delivered. */
export interface CorrectionBelowDelivered extends DomainError<'CorrectionBelowDelivered'> {
  readonly productId: ProductId;
  readonly delivered: number;
  readonly ordered: number;
}
export const correctionBelowDelivered = (
  productId: ProductId,
  delivered: number,
  ordered: number,
): CorrectionBelowDelivered => ({
  _tag: 'CorrectionBelowDelivered',
  productId,
  delivered,
  ordered,
  message: `The correction orders ${ordered} of ${productId}, but ${delivered} are already delivered.`,
});

/** A correction would bring the order's revenue below what has already been invoiced. */
export interface CorrectionBelowInvoiced extends DomainError<'CorrectionBelowInvoiced'> {
  readonly invoiced: Money;
  readonly revenue: Money;
}
export const correctionBelowInvoiced = (
  invoiced: Money,
  revenue: Money,
): CorrectionBelowInvoiced => ({
  _tag: 'CorrectionBelowInvoiced',
  invoiced,
  revenue,
  message: `The corrected revenue ${moneyText(revenue)} is below the ${moneyText(invoiced)} already invoiced.`,
});

/** A delivery id was recorded before (recording is not repeated: each delivery is recorded once). */
export interface DeliveryAlreadyRecorded extends DomainError<'DeliveryAlreadyRecorded'> {
  readonly deliveryId: EntryId;
}
export const deliveryAlreadyRecorded = (deliveryId: EntryId): DeliveryAlreadyRecorded => ({
  _tag: 'DeliveryAlreadyRecorded',
  deliveryId,
  message: `Delivery ${deliveryId} is already recorded.`,
});

/** A delivery names no lines. */
export interface DeliveryHasNoLines extends DomainError<'DeliveryHasNoLines'> {
  readonly deliveryId: EntryId;
}
export const deliveryHasNoLines = (deliveryId: EntryId): DeliveryHasNoLines => ({
  _tag: 'DeliveryHasNoLines',
  deliveryId,
  message: `Delivery ${deliveryId} delivers nothing; name at least one product.`,
});

/** A delivery names a product the order does not contain. */
export interface ProductNotOrdered extends DomainError<'ProductNotOrdered'> {
  readonly productId: ProductId;
}
export const productNotOrdered = (productId: ProductId): ProductNotOrdered => ({
  _tag: 'ProductNotOrdered',
  productId,
  message: `Product ${productId} is not part of this order.`,
});

/** A delivery would deliver more of a product than was ordered. */
export interface DeliveryExceedsOrder extends DomainError<'DeliveryExceedsOrder'> {
  readonly productId: ProductId;
  readonly ordered: number;
  readonly delivered: number;
  readonly requested: number;
}
export const deliveryExceedsOrder = (
  productId: ProductId,
  ordered: number,
  delivered: number,
  requested: number,
): DeliveryExceedsOrder => ({
  _tag: 'DeliveryExceedsOrder',
  productId,
  ordered,
  delivered,
  requested,
  message: `Delivering ${requested} of ${productId} exceeds the order: ${ordered} ordered, ${delivered} already delivered.`,
});
