import type { StoredQuantity } from './tables.ts';

/** How far a won deal's order has been delivered. */
export type DeliveryStatus = 'not_delivered' | 'partially_delivered' | 'fully_delivered';

/** How far a won deal's order has been paid. */
export type PaymentStatus = 'not_invoiced' | 'unpaid' | 'partially_paid' | 'paid';

/** Quantities summed per product, in order of first appearance. */
export const addQuantities = (
  into: ReadonlyArray<StoredQuantity>,
  lines: ReadonlyArray<StoredQuantity>,
): StoredQuantity[] => {
  const totals = into.map((entry) => ({ ...entry }));
  for (const line of lines) {
    const existing = totals.find((entry) => entry.productId === line.productId);
    if (existing === undefined) totals.push({ productId: line.productId, quantity: line.quantity });
    else existing.quantity += line.quantity;
  }
  return totals;
};

/**
 * Nothing delivered yet; every ordered product delivered in full; or something in between. It is
 * recomputed from quantities (not taken from the last delivery) so a correction of the order
 * moves it too.
 */
export const deliveryStatusOf = (
  ordered: ReadonlyArray<StoredQuantity>,
  delivered: ReadonlyArray<StoredQuantity>,
): DeliveryStatus => {
  if (delivered.length === 0) return 'not_delivered';
  const complete = ordered.every(
    (line) =>
      (delivered.find((entry) => entry.productId === line.productId)?.quantity ?? 0) >=
      line.quantity,
  );
  return complete ? 'fully_delivered' : 'partially_delivered';
};

/**
 * `paid` once payments cover the order's revenue; `partially_paid` after any payment; `unpaid`
 * when invoiced but nothing paid; `not_invoiced` before the first invoice.
 */
export const paymentStatusOf = (revenue: number, invoiced: number, paid: number): PaymentStatus =>
  paid >= revenue && (paid > 0 || revenue === 0)
    ? 'paid'
    : paid > 0
      ? 'partially_paid'
      : invoiced > 0
        ? 'unpaid'
        : 'not_invoiced';
