import * as t from 'io-ts';
import { DealId, EntryId } from '../kernel/ids.ts';
import { Money } from '../kernel/money.ts';
import { CalendarDate, Instant } from '../kernel/time.ts';
import { ProductQuantity, RemainingQuantity } from './line-item.ts';

/**
 * A delivery against a won deal's order: `lines` (one per product), what `remaining` of every
 * ordered product is still to deliver afterwards, and whether the order is now fully delivered.
 */
export const DeliveryRecorded = t.readonly(
  t.type({
    type: t.literal('DeliveryRecorded'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        deliveryId: EntryId,
        lines: t.readonlyArray(ProductQuantity),
        remaining: t.readonlyArray(RemainingQuantity),
        fullyDelivered: t.boolean,
        at: Instant,
      }),
    ),
  }),
);
export type DeliveryRecorded = t.TypeOf<typeof DeliveryRecorded>;

/** An invoice was issued against a won deal's order. */
export const InvoiceIssued = t.readonly(
  t.type({
    type: t.literal('InvoiceIssued'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        invoiceId: EntryId,
        amount: Money,
        dueDate: CalendarDate,
        at: Instant,
      }),
    ),
  }),
);
export type InvoiceIssued = t.TypeOf<typeof InvoiceIssued>;

/** A payment of one invoice was recorded; `invoiceOutstanding` is what that invoice still owes. */
export const PaymentRecorded = t.readonly(
  t.type({
    type: t.literal('PaymentRecorded'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        paymentId: EntryId,
        invoiceId: EntryId,
        amount: Money,
        invoiceOutstanding: Money,
        at: Instant,
      }),
    ),
  }),
);
export type PaymentRecorded = t.TypeOf<typeof PaymentRecorded>;
