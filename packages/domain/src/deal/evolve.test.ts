import { describe, expect, it } from 'vitest';
import type { DealId } from '../kernel/ids.ts';
import type { DealEvent } from './events.ts';
import { evolveDeal } from './evolve.ts';
import type { Quantity } from './line-item.ts';
import type { WinProbabilityPercent } from './stage.ts';
import { initialDealState } from './state.ts';
import {
  accepted,
  at,
  day,
  dealId,
  entry,
  eur,
  historyOf,
  lost,
  money,
  openDeal,
  opened,
  stateOf,
  text,
  widget,
  win,
  won,
} from './test-fixtures.ts';

const t1 = at('2025-06-02T10:00:00Z');
const [dealOpened] = opened;
const [, dealWon] = won;
const [, dealLost] = lost;
const invoiceIssued: DealEvent = {
  type: 'InvoiceIssued',
  version: 1,
  data: {
    dealId,
    invoiceId: entry('inv-1'),
    amount: eur(10_00),
    dueDate: day('2025-07-01'),
    at: t1,
  },
};
const paymentRecorded: DealEvent = {
  type: 'PaymentRecorded',
  version: 1,
  data: {
    dealId,
    paymentId: entry('pay-1'),
    invoiceId: entry('inv-1'),
    amount: eur(4_00),
    invoiceOutstanding: eur(6_00),
    at: t1,
  },
};
const deliveryRecorded: DealEvent = {
  type: 'DeliveryRecorded',
  version: 1,
  data: {
    dealId,
    deliveryId: entry('dlv-1'),
    lines: [{ productId: widget, quantity: 1 as Quantity }],
    remaining: [],
    fullyDelivered: false,
    at: t1,
  },
};
const pipelineEvents: ReadonlyArray<DealEvent> = [
  {
    type: 'DealStageChanged',
    version: 1,
    data: {
      dealId,
      from: 'qualification',
      to: 'proposal',
      winProbabilityPercent: 50 as WinProbabilityPercent,
      at: t1,
    },
  },
  { type: 'DealLineItemsRevised', version: 1, data: { dealId, lineItems: [], at: t1 } },
  {
    type: 'DealExpectedCloseDateMoved',
    version: 1,
    data: { dealId, from: day('2025-06-30'), to: day('2025-07-31'), at: t1 },
  },
  ...(dealLost ? [dealLost] : []),
];
const orderEvents = [deliveryRecorded, invoiceIssued, paymentRecorded];

describe('evolveDeal', () => {
  it('ignores every event but DealOpened before the deal is opened', () => {
    for (const event of [...pipelineEvents, ...orderEvents, ...(dealWon ? [dealWon] : [])]) {
      expect(evolveDeal(initialDealState, event)).toBe(initialDealState);
    }
  });

  it('ignores a second DealOpened and events naming another deal', () => {
    const state = stateOf(opened);
    if (dealOpened) expect(evolveDeal(state, dealOpened)).toBe(state);
    for (const event of pipelineEvents) {
      const foreign = {
        ...event,
        data: { ...event.data, dealId: 'deal-9' as DealId },
      } as DealEvent;
      expect(evolveDeal(state, foreign)).toBe(state);
    }
  });

  it('ignores order events on a deal that is not won, and pipeline events on a won deal', () => {
    const open = stateOf(opened);
    for (const event of orderEvents) expect(evolveDeal(open, event)).toBe(open);
    const wonState = stateOf(won);
    for (const event of pipelineEvents) expect(evolveDeal(wonState, event)).toBe(wonState);
  });

  it('ignores a delivery, invoice or payment recorded twice', () => {
    const executed = stateOf([...won, deliveryRecorded, invoiceIssued, paymentRecorded]);
    for (const event of orderEvents) expect(evolveDeal(executed, event)).toBe(executed);
  });

  it('ignores an invoice or payment it cannot apply', () => {
    const wonState = stateOf(won);
    const dollarInvoice = {
      ...invoiceIssued,
      data: { ...invoiceIssued.data, amount: money(1, 'USD') },
    } as DealEvent;
    expect(evolveDeal(wonState, dollarInvoice)).toBe(wonState);
    expect(evolveDeal(wonState, paymentRecorded)).toBe(wonState);
    const invoiced = stateOf([...won, invoiceIssued]);
    const dollarPayment = {
      ...paymentRecorded,
      data: { ...paymentRecorded.data, amount: money(1, 'USD') },
    } as DealEvent;
    expect(evolveDeal(invoiced, dollarPayment)).toBe(invoiced);
  });

  it('keeps the pipeline facts through lose, reopen and win', () => {
    const history = historyOf(
      openDeal(),
      {
        type: 'LoseDeal',
        data: { dealId, reason: text('Paused'), at: at('2025-04-01T00:00:00Z') },
      },
      {
        type: 'ReopenDeal',
        data: { dealId, stage: 'negotiation', at: at('2025-05-01T00:00:00Z') },
      },
      win(),
    );
    expect(stateOf(history)).toMatchObject({
      status: 'won',
      stage: 'negotiation',
      openedAt: '2025-03-01T09:00:00Z',
      title: 'Fleet renewal',
    });
    expect(
      accepted(history, {
        type: 'IssueInvoice',
        data: {
          dealId,
          invoiceId: entry('i'),
          amount: eur(1),
          dueDate: day('2025-06-01'),
          at: at('2025-06-01T13:00:00Z'),
        },
      }),
    ).toHaveLength(1);
  });
});
