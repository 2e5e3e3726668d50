import type { DomainError } from '../kernel/domain-error.ts';
import type { EntryId } from '../kernel/ids.ts';
import type { Money } from '../kernel/money.ts';
import type { CalendarDate } from '../kernel/time.ts';
import { moneyText } from './money-text.ts';

/** An invoice id was issued before. */
export interface InvoiceAlreadyIssued extends DomainError<'InvoiceAlreadyIssued'> {
  readonly invoiceId: EntryId;
}
export const invoiceAlreadyIssued = (invoiceId: EntryId): InvoiceAlreadyIssued => ({
  _tag: 'InvoiceAlreadyIssued',
  invoiceId,
  message: `Invoice ${invoiceId} is already issued.`,
});

/** An invoice would fall due before the day it is issued. */
export interface InvoiceDueBeforeIssue extends DomainError<'InvoiceDueBeforeIssue'> {
  readonly invoiceId: EntryId;
  readonly dueDate: CalendarDate;
  readonly issuedOn: string;
}
export const invoiceDueBeforeIssue = (
  invoiceId: EntryId,
  dueDate: CalendarDate,
  issuedOn: string,
): InvoiceDueBeforeIssue => ({
  _tag: 'InvoiceDueBeforeIssue',
  invoiceId,
  dueDate,
  issuedOn,
  message: `Invoice ${invoiceId} would be due on ${dueDate}, before it is issued on ${issuedOn}.`,
});

/** Invoices together would exceed the order's revenue. */
export interface InvoicesExceedOrderRevenue extends DomainError<'InvoicesExceedOrderRevenue'> {
  readonly invoiceId: EntryId;
  readonly revenue: Money;
  readonly invoiced: Money;
  readonly requested: Money;
}
export const invoicesExceedOrderRevenue = (
  invoiceId: EntryId,
  revenue: Money,
  invoiced: Money,
  requested: Money,
): InvoicesExceedOrderRevenue => ({
  _tag: 'InvoicesExceedOrderRevenue',
  invoiceId,
  revenue,
  invoiced,
  requested,
  message: `Invoice ${invoiceId} of ${moneyText(requested)} would take invoices above the order revenue ${moneyText(revenue)} (${moneyText(invoiced)} already invoiced).`,
});

/** A payment names an invoice this order does not have. */
export interface InvoiceNotFound extends DomainError<'InvoiceNotFound'> {
  readonly invoiceId: EntryId;
}
export const invoiceNotFound = (invoiceId: EntryId): InvoiceNotFound => ({
  _tag: 'InvoiceNotFound',
  invoiceId,
  message: `Invoice ${invoiceId} has not been issued for this order.`,
});

/** A payment id was recorded before. */
export interface PaymentAlreadyRecorded extends DomainError<'PaymentAlreadyRecorded'> {
  readonly paymentId: EntryId;
}
export const paymentAlreadyRecorded = (paymentId: EntryId): PaymentAlreadyRecorded => ({
  _tag: 'PaymentAlreadyRecorded',
  paymentId,
  message: `Payment ${paymentId} is already recorded.`,
});

/** A payment is more than its invoice still has outstanding. */
export interface PaymentExceedsInvoiceOutstanding
  extends DomainError<'PaymentExceedsInvoiceOutstanding'> {
  readonly paymentId: EntryId;
  readonly invoiceId: EntryId;
  readonly outstanding: Money;
  readonly requested: Money;
}
export const paymentExceedsInvoiceOutstanding = (
  paymentId: EntryId,
  invoiceId: EntryId,
  outstanding: Money,
  requested: Money,
): PaymentExceedsInvoiceOutstanding => ({
  _tag: 'PaymentExceedsInvoiceOutstanding',
  paymentId,
  invoiceId,
  outstanding,
  requested,
  message: `Payment ${paymentId} of ${moneyText(requested)} exceeds the ${moneyText(outstanding)} outstanding on invoice ${invoiceId}.`,
});
