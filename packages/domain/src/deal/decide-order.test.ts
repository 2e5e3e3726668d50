import { describe, expect, it } from 'vitest';
import type { EntryId, ProductId } from '../kernel/ids.ts';
import type { Money } from '../kernel/money.ts';
import type { Quantity } from './line-item.ts';
import {
  accepted,
  at,
  day,
  dealId,
  entry,
  eur,
  gadget,
  historyOf,
  lost,
  money,
  openDeal,
  opened,
  refusal,
  stateOf,
  widget,
  win,
  won,
} from './test-fixtures.ts';

const t1 = at('2025-06-02T10:00:00Z');
const deliver = (deliveryId: string, lines: ReadonlyArray<readonly [ProductId, number]>) =>
  ({
    type: 'RecordDelivery',
    data: {
      dealId,
      deliveryId: entry(deliveryId),
      lines: lines.map(([productId, quantity]) => ({ productId, quantity: quantity as Quantity })),
      at: t1,
    },
  }) as const;
const invoice = (invoiceId: string, amount: Money, dueDate = '2025-07-02') =>
  ({
    type: 'IssueInvoice',
    data: { dealId, invoiceId: entry(invoiceId), amount, dueDate: day(dueDate), at: t1 },
  }) as const;
const pay = (paymentId: string, invoiceId: string, amount: Money) =>
  ({
    type: 'RecordPayment',
    data: {
      dealId,
      paymentId: entry(paymentId),
      invoiceId: entry(invoiceId) as EntryId,
      amount,
      at: t1,
    },
  }) as const;

describe('RecordDelivery', () => {
  it('records a partial delivery with what remains of each product', () => {
    expect(accepted(won, deliver('dlv-1', [[widget, 2]]))).toEqual([
      {
        type: 'DeliveryRecorded',
        version: 1,
        data: {
          dealId,
          deliveryId: 'dlv-1',
          lines: [{ productId: widget, quantity: 2 }],
          remaining: [
            { productId: widget, quantity: 1 },
            { productId: gadget, quantity: 2 },
          ],
          fullyDelivered: false,
          at: t1,
        },
      },
    ]);
  });

  it('says when the order is fully delivered, counting lines of one product together', () => {
    const partly = historyOf(openDeal(), win(), deliver('dlv-1', [[widget, 2]]));
    const [event] = accepted(
      partly,
      deliver('dlv-2', [
        [widget, 1],
        [gadget, 1],
        [gadget, 1],
      ]),
    );
    expect(event?.type === 'DeliveryRecorded' && event.data).toMatchObject({
      remaining: [
        { productId: widget, quantity: 0 },
        { productId: gadget, quantity: 0 },
      ],
      fullyDelivered: true,
    });
    const state = stateOf([...partly, ...(event ? [event] : [])]);
    expect(state.status === 'won' && state.order.delivered).toEqual([
      { productId: widget, quantity: 3 },
      { productId: gadget, quantity: 2 },
    ]);
  });

  it('refuses to deliver more than ordered, naming the product', () => {
    const partly = historyOf(openDeal(), win(), deliver('dlv-1', [[widget, 2]]));
    expect(refusal(partly, deliver('dlv-2', [[widget, 2]]))).toMatchObject({
      _tag: 'DeliveryExceedsOrder',
      productId: widget,
      ordered: 3,
      delivered: 2,
      requested: 2,
    });
    expect(
      refusal(
        won,
        deliver('dlv-1', [
          [gadget, 1],
          [gadget, 2],
        ]),
      )._tag,
    ).toBe('DeliveryExceedsOrder');
  });

  it('refuses a product not on the order, an empty delivery and a delivery id seen before', () => {
    expect(refusal(won, deliver('dlv-1', [['prod-other' as ProductId, 1]]))).toMatchObject({
      _tag: 'ProductNotOrdered',
      productId: 'prod-other',
    });
    expect(refusal(won, deliver('dlv-1', []))._tag).toBe('DeliveryHasNoLines');
    const once = historyOf(openDeal(), win(), deliver('dlv-1', [[widget, 1]]));
    expect(refusal(once, deliver('dlv-1', [[widget, 1]]))).toMatchObject({
      _tag: 'DeliveryAlreadyRecorded',
      deliveryId: 'dlv-1',
    });
  });

  it('is refused on a deal that is not won', () => {
    expect(refusal(opened, deliver('dlv-1', [[widget, 1]]))).toMatchObject({
      _tag: 'DealNotWon',
      command: 'RecordDelivery',
    });
    expect(refusal(lost, deliver('dlv-1', [[widget, 1]]))._tag).toBe('DealNotWon');
  });
});

describe('IssueInvoice', () => {
  it('issues an invoice and tracks what is invoiced and outstanding', () => {
    expect(accepted(won, invoice('inv-1', eur(50_00)))).toEqual([
      {
        type: 'InvoiceIssued',
        version: 1,
        data: { dealId, invoiceId: 'inv-1', amount: eur(50_00), dueDate: '2025-07-02', at: t1 },
      },
    ]);
    const state = stateOf(historyOf(openDeal(), win(), invoice('inv-1', eur(50_00))));
    expect(state.status === 'won' && state.order).toMatchObject({
      invoiced: eur(50_00),
      outstanding: eur(50_00),
      invoices: [{ invoiceId: 'inv-1', paid: eur(0), issuedAt: t1, dueDate: '2025-07-02' }],
    });
  });

  it('allows invoices up to the order revenue and refuses beyond', () => {
    const first = historyOf(openDeal(), win(), invoice('inv-1', eur(50_00)));
    expect(accepted(first, invoice('inv-2', eur(30_00)))).toHaveLength(1);
    expect(refusal(first, invoice('inv-2', eur(30_01)))).toMatchObject({
      _tag: 'InvoicesExceedOrderRevenue',
      revenue: eur(80_00),
      invoiced: eur(50_00),
      requested: eur(30_01),
    });
  });

  it('refuses an amount that is not positive or not in the deal currency', () => {
    expect(refusal(won, invoice('inv-1', eur(0)))).toMatchObject({
      _tag: 'AmountNotPositive',
      field: 'amount',
    });
    expect(refusal(won, invoice('inv-1', money(10, 'USD')))).toMatchObject({
      _tag: 'AmountNotInDealCurrency',
      expected: 'EUR',
      actual: 'USD',
    });
  });

  it('refuses a due date before the day of issue and an invoice id seen before', () => {
    expect(refusal(won, invoice('inv-1', eur(10_00), '2025-06-01'))).toMatchObject({
      _tag: 'InvoiceDueBeforeIssue',
      issuedOn: '2025-06-02',
    });
    expect(accepted(won, invoice('inv-1', eur(10_00), '2025-06-02'))).toHaveLength(1);
    const once = historyOf(openDeal(), win(), invoice('inv-1', eur(10_00)));
    expect(refusal(once, invoice('inv-1', eur(10_00)))._tag).toBe('InvoiceAlreadyIssued');
  });

  it('is refused on a deal that is not won', () => {
    expect(refusal(opened, invoice('inv-1', eur(10_00)))._tag).toBe('DealNotWon');
  });
});

describe('RecordPayment', () => {
  const invoiced = historyOf(
    openDeal(),
    win(),
    invoice('inv-1', eur(50_00)),
    invoice('inv-2', eur(30_00)),
  );

  it('records a payment with what the invoice still owes', () => {
    expect(accepted(invoiced, pay('pay-1', 'inv-1', eur(20_00)))).toEqual([
      {
        type: 'PaymentRecorded',
        version: 1,
        data: {
          dealId,
          paymentId: 'pay-1',
          invoiceId: 'inv-1',
          amount: eur(20_00),
          invoiceOutstanding: eur(30_00),
          at: t1,
        },
      },
    ]);
    const state = stateOf([...invoiced, ...accepted(invoiced, pay('pay-1', 'inv-1', eur(20_00)))]);
    expect(state.status === 'won' && state.order).toMatchObject({
      invoiced: eur(80_00),
      paid: eur(20_00),
      outstanding: eur(60_00),
      paymentIds: ['pay-1'],
    });
  });

  it('allows paying an invoice in full and refuses paying more than it owes', () => {
    const partly = [...invoiced, ...accepted(invoiced, pay('pay-1', 'inv-2', eur(20_00)))];
    const [full] = accepted(partly, pay('pay-2', 'inv-2', eur(10_00)));
    expect(full?.type === 'PaymentRecorded' && full.data.invoiceOutstanding).toEqual(eur(0));
    expect(refusal(partly, pay('pay-2', 'inv-2', eur(10_01)))).toMatchObject({
      _tag: 'PaymentExceedsInvoiceOutstanding',
      invoiceId: 'inv-2',
      outstanding: eur(10_00),
      requested: eur(10_01),
    });
  });

  it('refuses an unknown invoice, a payment id seen before and a bad amount', () => {
    expect(refusal(invoiced, pay('pay-1', 'inv-9', eur(1)))).toMatchObject({
      _tag: 'InvoiceNotFound',
      invoiceId: 'inv-9',
    });
    const once = [...invoiced, ...accepted(invoiced, pay('pay-1', 'inv-1', eur(1)))];
    expect(refusal(once, pay('pay-1', 'inv-1', eur(1)))._tag).toBe('PaymentAlreadyRecorded');
    expect(refusal(invoiced, pay('pay-1', 'inv-1', eur(-1)))._tag).toBe('AmountNotPositive');
    expect(refusal(invoiced, pay('pay-1', 'inv-1', money(1, 'GBP')))._tag).toBe(
      'AmountNotInDealCurrency',
    );
  });

  it('is refused on a deal that is not won', () => {
    expect(refusal(opened, pay('pay-1', 'inv-1', eur(1)))._tag).toBe('DealNotWon');
  });
});
