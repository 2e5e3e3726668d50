import type { DomainEvent } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Insertable, Transaction } from 'kysely';
import {
  addToRows,
  replaceRows,
  reportingMonthOf,
  unappliedEvents,
  yearOfMonth,
} from '../projection-kit/index.ts';
import { type Amounts, type Contribution, contributionsOf } from './contributions.ts';
import { profitTiersMigrations } from './migrations.ts';
import {
  type CustomerMonthsTable,
  type ProductMonthsTable,
  type ProfitTiersTables,
  profitTiersColumnKinds,
  type UnconvertedAmountsTable,
} from './tables.ts';

const eventTypes = [
  'DealWon',
  'WonDealCorrected',
  'CustomerMerged',
  'CustomerMergeReverted',
] as const satisfies ReadonlyArray<DomainEvent['type']>;

interface Totals {
  readonly key: ReadonlyArray<string>;
  readonly amounts: Amounts;
}

/** Sums a batch's contributions in memory, one entry per row they will add to. */
class BatchTotals {
  readonly #entries = new Map<string, Totals>();

  add(month: string, contribution: Contribution): void {
    const { subject, subjectId, bucket, amounts } = contribution;
    const key = bucket.converted
      ? [subject, subjectId, month]
      : ['unconverted', subject, subjectId, month, bucket.currency];
    const id = key.join('\u0000');
    const entry = this.#entries.get(id);
    if (entry === undefined) {
      this.#entries.set(id, { key, amounts: { ...amounts } });
      return;
    }
    entry.amounts.revenue += amounts.revenue;
    entry.amounts.cost += amounts.cost;
    entry.amounts.profit += amounts.profit;
    entry.amounts.quantity += amounts.quantity;
    entry.amounts.orders += amounts.orders;
  }

  rows(): {
    readonly customers: ReadonlyArray<Insertable<CustomerMonthsTable>>;
    readonly products: ReadonlyArray<Insertable<ProductMonthsTable>>;
    readonly unconverted: ReadonlyArray<Insertable<UnconvertedAmountsTable>>;
  } {
    const customers: Insertable<CustomerMonthsTable>[] = [];
    const products: Insertable<ProductMonthsTable>[] = [];
    const unconverted: Insertable<UnconvertedAmountsTable>[] = [];
    for (const { key, amounts } of this.#entries.values()) {
      const money = { revenue: amounts.revenue, cost: amounts.cost, profit: amounts.profit };
      const [kind = '', a = '', b = '', c = '', d = ''] = key;
      if (kind === 'customer') {
        customers.push({
          customer_id: a,
          month: b,
          year: yearOfMonth(b),
          ...money,
          orders: amounts.orders,
        });
      } else if (kind === 'product') {
        products.push({
          product_id: a,
          month: b,
          year: yearOfMonth(b),
          ...money,
          quantity: amounts.quantity,
          orders: amounts.orders,
        });
      } else {
        unconverted.push({
          subject: a === 'product' ? 'product' : 'customer',
          subject_id: b,
          month: c,
          year: yearOfMonth(c),
          currency: d,
          ...money,
          deals: amounts.orders,
        });
      }
    }
    return { customers, products, unconverted };
  }
}

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<ProfitTiersTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const correctedIds = fresh.flatMap(({ event }) =>
      event.type === 'WonDealCorrected' ? [event.data.dealId] : [],
    );
    const wonMonths = new Map<string, string>();
    if (correctedIds.length > 0) {
      const rows = await db
        .selectFrom('won_deals')
        .select(['deal_id', 'won_month'])
        .where('deal_id', 'in', correctedIds)
        .execute();
      for (const row of rows) wonMonths.set(row.deal_id, row.won_month);
    }
    const totals = new BatchTotals();
    const newWins: Array<{ deal_id: string; customer_id: string; won_month: string }> = [];
    const merges = new Map<string, string | null>();
    const reporting = settings.reportingCurrency;
    for (const { event } of fresh) {
      switch (event.type) {
        case 'DealWon': {
          const { data } = event;
          const month = reportingMonthOf(data.at, settings.timeZone);
          if (wonMonths.has(data.dealId)) break;
          wonMonths.set(data.dealId, month);
          newWins.push({ deal_id: data.dealId, customer_id: data.customerId, won_month: month });
          for (const part of contributionsOf(data.customerId, data, reporting, 1n))
            totals.add(month, part);
          break;
        }
        case 'WonDealCorrected': {
          const { data } = event;
          // A correction restates the month of the win, so every month keeps comparing like with like.
          const month = wonMonths.get(data.dealId) ?? reportingMonthOf(data.at, settings.timeZone);
          const deal = { currency: data.previous.revenue.currency };
          const retracted = contributionsOf(
            data.customerId,
            { ...deal, ...data.previous },
            reporting,
            -1n,
          );
          const added = contributionsOf(
            data.customerId,
            { ...deal, ...data.corrected },
            reporting,
            1n,
          );
          for (const part of [...retracted, ...added]) totals.add(month, part);
          break;
        }
        case 'CustomerMerged':
          merges.set(event.data.customerId, event.data.survivorId);
          break;
        case 'CustomerMergeReverted':
          merges.set(event.data.customerId, null);
          break;
        default:
          break;
      }
    }
    const rows = totals.rows();
    const kinds = profitTiersColumnKinds;
    await replaceRows(db, 'won_deals', ['deal_id'], newWins, kinds.won_deals);
    const merged = [...merges].map(([customer_id, merged_into]) => ({ customer_id, merged_into }));
    await replaceRows(db, 'customers', ['customer_id'], merged, kinds.customers);
    const summed = ['revenue', 'cost', 'profit', 'orders'] as const;
    const customerKey = ['customer_id', 'month'] as const;
    await addToRows(
      db,
      'customer_months',
      customerKey,
      summed,
      rows.customers,
      kinds.customer_months,
    );
    const productKey = ['product_id', 'month'] as const;
    const productSums = [...summed, 'quantity'] as const;
    await addToRows(
      db,
      'product_months',
      productKey,
      productSums,
      rows.products,
      kinds.product_months,
    );
    await addToRows(
      db,
      'unconverted_amounts',
      ['subject', 'subject_id', 'month', 'currency'],
      ['revenue', 'cost', 'profit', 'deals'],
      rows.unconverted,
      kinds.unconverted_amounts,
    );
    await record();
  };

/**
 * The profit-tiers projection: revenue, cost and profit of every customer and product per
 * calendar month (reporting currency and time zone), from won deals and their corrections.
 *
 * @example
 * const projection = profitTiersProjection({ reportingCurrency: 'EUR', timeZone: 'Europe/Berlin' });
 */
export const profitTiersProjection = (
  settings: ReportingSettings,
): Projection<ProfitTiersTables> => ({
  name: 'profit_tiers',
  version: 1,
  migrations: profitTiersMigrations,
  eventTypes,
  apply: apply(settings),
});
