import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { addMoney, compareMoney, type Money, subtractMoney } from '../kernel/money.ts';
import type { IssueInvoice, RecordDelivery, RecordPayment } from './commands-order.ts';
import type { DealError } from './errors.ts';
import { amountNotInDealCurrency, amountNotPositive } from './errors-amounts.ts';
import {
  invoiceAlreadyIssued,
  invoiceDueBeforeIssue,
  invoiceNotFound,
  invoicesExceedOrderRevenue,
  paymentAlreadyRecorded,
  paymentExceedsInvoiceOutstanding,
} from './errors-billing.ts';
import {
  deliveryAlreadyRecorded,
  deliveryExceedsOrder,
  deliveryHasNoLines,
  productNotOrdered,
} from './errors-delivery.ts';
import type { DealEvent } from './events.ts';
import { requireWon } from './guards.ts';
import { quantitiesByProduct, quantityOf } from './line-item.ts';
import type { DealState, WonDeal } from './state.ts';

type Decision = E.Either<DealError, ReadonlyArray<DealEvent>>;

/** An amount must be positive and in the deal currency. */
const checkAmount = (deal: WonDeal, field: string, amount: Money): E.Either<DealError, Money> => {
  if (amount.currency !== deal.currency) {
    return E.left(amountNotInDealCurrency(field, deal.currency, amount.currency));
  }
  return amount.amountMinor > 0 ? E.right(amount) : E.left(amountNotPositive(field, amount));
};

/**
 * Records a delivery: every product must be on the order and no product delivered beyond what
 * was ordered (lines naming one product twice count together). A delivery id is recorded once.
 */
export const decideRecordDelivery = (command: RecordDelivery, state: DealState): Decision =>
  E.flatMap(requireWon(state, command), (deal) => {
    const { deliveryId, lines, at } = command.data;
    if (deal.order.deliveryIds.includes(deliveryId)) {
      return E.left(deliveryAlreadyRecorded(deliveryId));
    }
    if (lines.length === 0) return E.left(deliveryHasNoLines(deliveryId));
    const ordered = quantitiesByProduct(deal.lineItems);
    const requested = quantitiesByProduct(lines);
    for (const { productId, quantity } of requested) {
      const orderedQuantity = quantityOf(ordered, productId);
      if (orderedQuantity === 0) return E.left(productNotOrdered(productId));
      const delivered = quantityOf(deal.order.delivered, productId);
      if (delivered + quantity > orderedQuantity) {
        return E.left(deliveryExceedsOrder(productId, orderedQuantity, delivered, quantity));
      }
    }
    const remaining = ordered.map(({ productId, quantity }) => ({
      productId,
      quantity: (quantity -
        quantityOf(deal.order.delivered, productId) -
        quantityOf(requested, productId)) as t.Int,
    }));
    return E.right([
      {
        type: 'DeliveryRecorded',
        version: 1,
        data: {
          dealId: deal.dealId,
          deliveryId,
          lines,
          remaining,
          fullyDelivered: remaining.every((line) => line.quantity === 0),
          at,
        },
      },
    ]);
  });

/**
 * Issues an invoice of a positive amount in the deal currency, due no earlier than the day it is
 * issued (as written in the command's instant), keeping all invoices within the order revenue.
 */
export const decideIssueInvoice = (command: IssueInvoice, state: DealState): Decision =>
  E.flatMap(requireWon(state, command), (deal) => {
    const { invoiceId, amount, dueDate, at } = command.data;
    if (deal.order.invoices.some((invoice) => invoice.invoiceId === invoiceId)) {
      return E.left(invoiceAlreadyIssued(invoiceId));
    }
    const checked = checkAmount(deal, 'amount', amount);
    if (E.isLeft(checked)) return checked;
    const issuedOn = at.slice(0, 10);
    if (dueDate < issuedOn) return E.left(invoiceDueBeforeIssue(invoiceId, dueDate, issuedOn));
    const invoiced = addMoney(deal.order.invoiced, amount);
    if (E.isLeft(invoiced)) return invoiced;
    const comparison = compareMoney(invoiced.right, deal.revenue);
    if (E.isLeft(comparison)) return comparison;
    if (comparison.right > 0) {
      return E.left(
        invoicesExceedOrderRevenue(invoiceId, deal.revenue, deal.order.invoiced, amount),
      );
    }
    return E.right([
      {
        type: 'InvoiceIssued',
        version: 1,
        data: { dealId: deal.dealId, invoiceId, amount, dueDate, at },
      },
    ]);
  });

/** Records a payment of one issued invoice, never more than that invoice still has outstanding. */
export const decideRecordPayment = (command: RecordPayment, state: DealState): Decision =>
  E.flatMap(requireWon(state, command), (deal) => {
    const { paymentId, invoiceId, amount, at } = command.data;
    if (deal.order.paymentIds.includes(paymentId)) return E.left(paymentAlreadyRecorded(paymentId));
    const invoice = deal.order.invoices.find((candidate) => candidate.invoiceId === invoiceId);
    if (invoice === undefined) return E.left(invoiceNotFound(invoiceId));
    const checked = checkAmount(deal, 'amount', amount);
    if (E.isLeft(checked)) return checked;
    const outstanding = subtractMoney(invoice.amount, invoice.paid);
    if (E.isLeft(outstanding)) return outstanding;
    const afterPayment = subtractMoney(outstanding.right, amount);
    if (E.isLeft(afterPayment)) return afterPayment;
    if (afterPayment.right.amountMinor < 0) {
      return E.left(
        paymentExceedsInvoiceOutstanding(paymentId, invoiceId, outstanding.right, amount),
      );
    }
    return E.right([
      {
        type: 'PaymentRecorded',
        version: 1,
        data: {
          dealId: deal.dealId,
          paymentId,
          invoiceId,
          amount,
          invoiceOutstanding: afterPayment.right,
          at,
        },
      },
    ]);
  });
