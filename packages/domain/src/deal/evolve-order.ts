import * as E from 'fp-ts/lib/Either.js';
import { addMoney, subtractMoney, zeroMoney } from '../kernel/money.ts';
import type { DeliveryRecorded, InvoiceIssued, PaymentRecorded } from './events-order.ts';
import { quantitiesByProduct } from './line-item.ts';
import type { OrderInvoice, WonDeal } from './state.ts';

/** Adds a delivery's quantities to what was delivered per product. */
export const applyDelivery = (deal: WonDeal, event: DeliveryRecorded): WonDeal => {
  const { deliveryId, lines } = event.data;
  if (deal.order.deliveryIds.includes(deliveryId)) return deal;
  return {
    ...deal,
    order: {
      ...deal.order,
      delivered: quantitiesByProduct([...deal.order.delivered, ...lines]),
      deliveryIds: [...deal.order.deliveryIds, deliveryId],
    },
  };
};

/** Adds an invoice to the order; an invoice that cannot apply (seen, other currency) is ignored. */
export const applyInvoice = (deal: WonDeal, event: InvoiceIssued): WonDeal => {
  const { invoiceId, amount, dueDate, at } = event.data;
  if (deal.order.invoices.some((invoice) => invoice.invoiceId === invoiceId)) return deal;
  const invoiced = addMoney(deal.order.invoiced, amount);
  const outstanding = addMoney(deal.order.outstanding, amount);
  if (E.isLeft(invoiced) || E.isLeft(outstanding)) return deal;
  const invoice: OrderInvoice = {
    invoiceId,
    amount,
    dueDate,
    issuedAt: at,
    paid: zeroMoney(amount.currency),
  };
  return {
    ...deal,
    order: {
      ...deal.order,
      invoices: [...deal.order.invoices, invoice],
      invoiced: invoiced.right,
      outstanding: outstanding.right,
    },
  };
};

/** Applies a payment to its invoice and the order totals; one that cannot apply is ignored. */
export const applyPayment = (deal: WonDeal, event: PaymentRecorded): WonDeal => {
  const { paymentId, invoiceId, amount } = event.data;
  if (deal.order.paymentIds.includes(paymentId)) return deal;
  const invoice = deal.order.invoices.find((candidate) => candidate.invoiceId === invoiceId);
  if (invoice === undefined) return deal;
  const invoicePaid = addMoney(invoice.paid, amount);
  const paid = addMoney(deal.order.paid, amount);
  const outstanding = subtractMoney(deal.order.outstanding, amount);
  if (E.isLeft(invoicePaid) || E.isLeft(paid) || E.isLeft(outstanding)) return deal;
  return {
    ...deal,
    order: {
      ...deal.order,
      invoices: deal.order.invoices.map((candidate) =>
        candidate === invoice ? { ...candidate, paid: invoicePaid.right } : candidate,
      ),
      paymentIds: [...deal.order.paymentIds, paymentId],
      paid: paid.right,
      outstanding: outstanding.right,
    },
  };
};
