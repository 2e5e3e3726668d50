import * as t from 'io-ts';
import { DealId, EntryId } from '../kernel/ids.ts';
import { Money } from '../kernel/money.ts';
import { CalendarDate, Instant } from '../kernel/time.ts';
import { ProductQuantity } from './line-item.ts';

/** Records a delivery (partial or full) against a won deal's order. */
export const RecordDelivery = t.readonly(
  t.type({
    type: t.literal('RecordDelivery'),
    data: t.readonly(
      t.type({
        dealId: DealId,
        deliveryId: EntryId,
        lines: t.readonlyArray(ProductQuantity),
        at: Instant,
      }),
    ),
  }),
);
export type RecordDelivery = t.TypeOf<typeof RecordDelivery>;

/** Issues an invoice against a won deal's order; all invoices together never exceed its revenue. */
export const IssueInvoice = t.readonly(
  t.type({
    type: t.literal('IssueInvoice'),
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
export type IssueInvoice = t.TypeOf<typeof IssueInvoice>;

/** Records a payment of one invoice; never more than that invoice still has outstanding. */
export const RecordPayment = t.readonly(
  t.type({
    type: t.literal('RecordPayment'),
    data: t.readonly(
      t.type({
        dealId: DealId,
        paymentId: EntryId,
        invoiceId: EntryId,
        amount: Money,
        at: Instant,
      }),
    ),
  }),
);
export type RecordPayment = t.TypeOf<typeof RecordPayment>;
