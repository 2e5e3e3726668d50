import type {
  CalendarDate,
  CsatValue,
  DecimalRate,
  LoyaltyPoints,
  MinorUnits,
  ProductId,
  Quantity,
} from '@crm/domain';
import { entry, text } from './brands.ts';
import { calendarDateOf, day, hour } from './calendar.ts';
import { isActive } from './customer-actions.ts';
import { revenueOf } from './deal-lines.ts';
import { eurosOf } from './exchange-rates.ts';
import type { CustomerModel, DealModel } from './models.ts';
import type { Simulation } from './simulation.ts';
import { backOffice, salesManager, serviceAgents } from './staff.ts';
import { openTicket } from './ticket-flow.ts';

type Invoice = DealModel['invoices'][number];

const money = (deal: DealModel, amountMinor: number) => ({
  amountMinor: amountMinor as MinorUnits,
  currency: deal.currency,
});

/** A CSAT answer: mostly happy, less so for a customer with grievances. */
export const csatFor = (simulation: Simulation, customer: CustomerModel): CsatValue =>
  simulation.random.weighted<number>(
    customer.grievances > 0
      ? [
          [5, 15],
          [4, 30],
          [3, 30],
          [2, 15],
          [1, 10],
        ]
      : [
          [5, 45],
          [4, 35],
          [3, 12],
          [2, 5],
          [1, 3],
        ],
  ) as CsatValue;

const earnPoints = (simulation: Simulation, deal: DealModel, invoice: Invoice): void => {
  const customer = deal.customer;
  if (!isActive(customer)) return;
  if (customer.identity.kind === 'company' && !simulation.random.chance(0.3)) return;
  const points = Math.max(1, Math.floor(eurosOf(money(deal, invoice.amount), simulation.now())));
  simulation.customer(
    {
      type: 'EarnLoyaltyPoints',
      data: {
        customerId: customer.id,
        points: points as LoyaltyPoints,
        reason: text('Points for a paid order'),
        reference: text(`${deal.id}/${invoice.id}`),
        at: simulation.at(),
      },
    },
    backOffice,
  );
  customer.loyalty += points;
};

const pay = (simulation: Simulation, deal: DealModel, invoice: Invoice, share: number): void => {
  const outstanding = invoice.amount - invoice.paid;
  const amount = share >= 1 ? outstanding : Math.max(1, Math.floor(invoice.amount * share));
  if (outstanding <= 0 || amount > outstanding) return;
  simulation.deal(
    {
      type: 'RecordPayment',
      data: {
        dealId: deal.id,
        paymentId: entry(simulation.newId('pay')),
        invoiceId: invoice.id,
        amount: money(deal, amount),
        at: simulation.at(),
      },
    },
    backOffice,
  );
  invoice.paid += amount;
  if (invoice.paid === invoice.amount) earnPoints(simulation, deal, invoice);
};

const later = (
  simulation: Simulation,
  deal: DealModel,
  fromDays: number,
  toDays: number,
  run: () => void,
) =>
  simulation.schedule(
    simulation.officeTime(
      simulation.now() + simulation.random.between(fromDays, toDays) * day,
      deal.customer,
    ),
    run,
  );

/** Issues an invoice for `amountMinor` (all that is left when omitted), with how it will be paid. */
const invoice = (simulation: Simulation, deal: DealModel, amountMinor?: number): void => {
  const { random } = simulation;
  const amount = amountMinor ?? deal.revenueMinor - deal.invoicedMinor;
  if (amount <= 0 || deal.invoicedMinor + amount > deal.revenueMinor) return;
  const termDays = deal.customer.identity.kind === 'company' ? 30 : 14;
  const issued: Invoice = { id: entry(simulation.newId('inv')), amount, paid: 0 };
  simulation.deal(
    {
      type: 'IssueInvoice',
      data: {
        dealId: deal.id,
        invoiceId: issued.id,
        amount: money(deal, amount),
        dueDate: calendarDateOf(simulation.now() + termDays * day) as CalendarDate,
        at: simulation.at(),
      },
    },
    backOffice,
  );
  deal.invoices.push(issued);
  deal.invoicedMinor += amount;
  const behaviour = random.next();
  if (behaviour < 0.78)
    later(simulation, deal, 2, termDays + 10, () => pay(simulation, deal, issued, 1));
  else if (behaviour < 0.86) {
    const share = random.between(0.4, 0.7);
    later(simulation, deal, 5, termDays, () => {
      pay(simulation, deal, issued, share);
      later(simulation, deal, 10, 40, () => pay(simulation, deal, issued, 1));
    });
  } else if (behaviour < 0.93)
    later(simulation, deal, termDays + 20, termDays + 60, () => pay(simulation, deal, issued, 1));
  // Otherwise it stays outstanding: the 360° view shows what the customer still owes.
};

const deliver = (simulation: Simulation, deal: DealModel, afterFull: () => void): void => {
  const { random } = simulation;
  const partial = random.chance(0.3) && [...deal.undelivered.values()].some((q) => q >= 2);
  const lines: Array<{ productId: ProductId; quantity: Quantity }> = [];
  for (const [productId, remaining] of deal.undelivered) {
    const quantity = partial ? Math.floor(remaining / 2) : remaining;
    if (quantity > 0)
      lines.push({ productId: productId as ProductId, quantity: quantity as Quantity });
  }
  if (lines.length === 0) return;
  simulation.deal(
    {
      type: 'RecordDelivery',
      data: {
        dealId: deal.id,
        deliveryId: entry(simulation.newId('dlv')),
        lines,
        at: simulation.at(),
      },
    },
    backOffice,
  );
  for (const { productId, quantity } of lines)
    deal.undelivered.set(productId, (deal.undelivered.get(productId) ?? 0) - quantity);
  if ([...deal.undelivered.values()].every((q) => q === 0)) afterFull();
  else later(simulation, deal, 7, 30, () => deliver(simulation, deal, afterFull));
};

const afterDelivery = (simulation: Simulation, deal: DealModel, finalInvoice: boolean): void => {
  const { random } = simulation;
  const customer = deal.customer;
  if (finalInvoice) later(simulation, deal, 1, 3, () => invoice(simulation, deal));
  if (random.chance(0.25))
    later(simulation, deal, 3, 10, () => {
      if (!isActive(customer)) return;
      simulation.customer(
        {
          type: 'RecordSatisfactionScore',
          data: {
            customerId: customer.id,
            surveyId: entry(simulation.newId('srv')),
            score: { kind: 'csat', value: csatFor(simulation, customer) },
            at: simulation.at(),
          },
        },
        random.pick(serviceAgents),
      );
    });
  if (random.chance(0.1 * customer.activity))
    later(simulation, deal, 5, 60, () => openTicket(simulation, customer, 'after_sales', deal));
};

const correct = (simulation: Simulation, deal: DealModel): void => {
  const { random } = simulation;
  const at = simulation.at();
  if (deal.exchangeRate !== null) {
    const old = deal.exchangeRate;
    const moved = (
      Number(old.rate) *
      (1 + random.pick([-1, 1]) * random.between(0.005, 0.02))
    ).toFixed(6);
    if (moved === old.rate) return;
    deal.exchangeRate = { ...old, rate: moved as DecimalRate };
    simulation.deal(
      {
        type: 'CorrectWonDeal',
        data: {
          dealId: deal.id,
          exchangeRate: deal.exchangeRate,
          reason: text("Rate corrected to the bank's rate on the order date"),
          at,
        },
      },
      salesManager,
    );
    return;
  }
  const [first, ...rest] = deal.lines;
  if (first === undefined) return;
  const price = Math.floor(first.unitPrice.amountMinor * (1 - random.between(0.03, 0.08)));
  if (price === first.unitPrice.amountMinor) return;
  deal.lines = [{ ...first, unitPrice: money(deal, price) }, ...rest];
  deal.revenueMinor = revenueOf(deal.lines);
  simulation.deal(
    {
      type: 'CorrectWonDeal',
      data: {
        dealId: deal.id,
        lineItems: deal.lines,
        reason: text('The agreed discount was missing from the order'),
        at,
      },
    },
    salesManager,
  );
};

/**
 * Runs a won deal's order: now and then an audited correction first, then invoices (one, or a
 * deposit and the balance on delivery for some companies), deliveries (full, or in two parts),
 * payments (on time, in parts, late, or never), loyalty points for paid invoices, a CSAT
 * survey and now and then an after-sales ticket.
 */
export const startOrder = (simulation: Simulation, deal: DealModel): void => {
  const { random } = simulation;
  for (const line of deal.lines)
    deal.undelivered.set(
      line.productId,
      (deal.undelivered.get(line.productId) ?? 0) + line.quantity,
    );
  const begin = (): void => {
    const split =
      deal.customer.identity.kind === 'company' && random.chance(0.4) && deal.revenueMinor >= 200;
    later(simulation, deal, 1, 3, () =>
      invoice(simulation, deal, split ? Math.floor(deal.revenueMinor / 2) : undefined),
    );
    later(simulation, deal, 2, 10, () =>
      deliver(simulation, deal, () => afterDelivery(simulation, deal, split)),
    );
  };
  if (!random.chance(0.015)) {
    begin();
    return;
  }
  // The correction comes before anything is invoiced or delivered, so it always still fits.
  simulation.schedule(simulation.officeTime(simulation.now() + 2 * hour, deal.customer), () => {
    correct(simulation, deal);
    begin();
  });
};
