import type { DomainEvent } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Insertable, Transaction } from 'kysely';
import {
  addToRows,
  inMemoryFold,
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
  type ProfitWonDealsTable,
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

/**
 * Sums the contributions not written yet (a batch's, or a fold's since its last flush) in
 * memory, one entry per row they will add to.
 */
class PendingTotals {
  readonly #entries = new Map<string, Totals>();

  /** Rows the sums will add to. */
  get size(): number {
    return this.#entries.size;
  }

  /** Forgets the sums once written: the rows hold them now. */
  clear(): void {
    this.#entries.clear();
  }

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

/**
 * What one batch works on: the month of each win it knows (loaded for the deals it corrects),
 * and what it will write. In a rebuild's fold, the month of every win, kept from batch to batch,
 * and what is still to write since the last flush.
 */
interface Working {
  /** The reporting month of each won deal known, so a correction restates that month. */
  readonly wonMonths: Map<string, string>;
  readonly newWins: ProfitWonDealsTable[];
  /** The survivor of each customer merged (null once the merge is reverted), last one wins. */
  readonly merges: Map<string, string | null>;
  /** Amounts to add to the monthly rows: deltas, never running totals, so no flush adds twice. */
  readonly totals: PendingTotals;
}

const emptyWorking = (): Working => ({
  wonMonths: new Map(),
  newWins: [],
  merges: new Map(),
  totals: new PendingTotals(),
});

/** Loads the month of each win the events correct. */
const load = async (
  db: Transaction<ProfitTiersTables>,
  events: ReadonlyArray<ProjectedEvent>,
): Promise<Working> => {
  const working = emptyWorking();
  const correctedIds = events.flatMap(({ event }) =>
    event.type === 'WonDealCorrected' ? [event.data.dealId] : [],
  );
  if (correctedIds.length > 0) {
    const rows = await db
      .selectFrom('won_deals')
      .select(['deal_id', 'won_month'])
      .where('deal_id', 'in', correctedIds)
      .execute();
    for (const row of rows) working.wonMonths.set(row.deal_id, row.won_month);
  }
  return working;
};

/** Applies events, in log order, to the working state; reads nothing from the database. */
const applyEvents = (
  working: Working,
  events: ReadonlyArray<ProjectedEvent>,
  settings: ReportingSettings,
): void => {
  const { wonMonths, totals } = working;
  const reporting = settings.reportingCurrency;
  for (const { event } of events) {
    switch (event.type) {
      case 'DealWon': {
        const { data } = event;
        const month = reportingMonthOf(data.at, settings.timeZone);
        if (wonMonths.has(data.dealId)) break;
        wonMonths.set(data.dealId, month);
        working.newWins.push({
          deal_id: data.dealId,
          customer_id: data.customerId,
          won_month: month,
        });
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
        working.merges.set(event.data.customerId, event.data.survivorId);
        break;
      case 'CustomerMergeReverted':
        working.merges.set(event.data.customerId, null);
        break;
      default:
        break;
    }
  }
};

/** Writes the new wins and merges, adds the pending amounts, and forgets all three. */
const write = async (db: Transaction<ProfitTiersTables>, working: Working): Promise<void> => {
  const rows = working.totals.rows();
  const kinds = profitTiersColumnKinds;
  await replaceRows(db, 'won_deals', ['deal_id'], working.newWins, kinds.won_deals);
  const merged = [...working.merges].map(([customer_id, merged_into]) => ({
    customer_id,
    merged_into,
  }));
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
  working.newWins.length = 0;
  working.merges.clear();
  working.totals.clear();
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<ProfitTiersTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const working = await load(db, fresh);
    applyEvents(working, fresh, settings);
    await write(db, working);
    await record();
  };

// A rebuild from zero: the month of every win stays in memory, so a correction in a later
// flush needs no look-up; the amounts are added once per flush (and forgotten), not per batch.
const startFold = (settings: ReportingSettings) =>
  inMemoryFold<ProfitTiersTables, Working>({
    start: emptyWorking,
    apply: (working, events) => applyEvents(working, events, settings),
    write,
    rowsHeld: (working) =>
      working.wonMonths.size + working.newWins.length + working.merges.size + working.totals.size,
  });

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
  startFold: startFold(settings),
});
