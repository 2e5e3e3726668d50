import {
  type Customer360Tables,
  customerProfitTiers,
  type ProfitPeriod,
  type ProfitTiersTables,
  productProfitTiers,
  summariseTiers,
  type TieredProduct,
  type TieredSubject,
} from '@crm/read-models';
import { type Kysely, sql } from 'kysely';
import { count, money, percent, truncate } from '../output/format.ts';
import { renderTable } from '../output/table.ts';

/** Customers and products graded by profit contribution in one period. */
export interface TiersReport {
  readonly period: ProfitPeriod;
  readonly customers: ReadonlyArray<TieredSubject>;
  readonly products: ReadonlyArray<TieredProduct>;
  /** Display names of the customers, from the customer-360 read model (erased ones have none). */
  readonly names: Readonly<Record<string, string>>;
}

/** Display names by customer id, where the customer-360 read model has them. */
const namesOf = async (
  db: Kysely<Customer360Tables> | undefined,
  ids: ReadonlyArray<string>,
): Promise<Readonly<Record<string, string>>> => {
  if (db === undefined || ids.length === 0) return {};
  const rows = await db
    .selectFrom('customers')
    .select(['customer_id', 'display_name'])
    .where('customer_id', 'in', [...ids])
    .execute()
    .catch(() => []);
  return Object.fromEntries(
    rows.flatMap((row) => (row.display_name === null ? [] : [[row.customer_id, row.display_name]])),
  );
};

/** The latest year with profit recorded, or the current one. */
export const latestYear = async (db: Kysely<ProfitTiersTables>): Promise<number> => {
  const row = await db
    .selectFrom('customer_months')
    .select(sql<number | null>`max(year)`.as('year'))
    .executeTakeFirst();
  return row?.year ?? new Date().getUTCFullYear();
};

export const loadTiers = async (
  db: Kysely<ProfitTiersTables>,
  period: ProfitPeriod,
  customers360?: Kysely<Customer360Tables>,
  named = 50,
): Promise<TiersReport> => {
  const customers = await customerProfitTiers(db, period);
  return {
    period,
    customers,
    products: await productProfitTiers(db, period),
    names: await namesOf(
      customers360,
      customers.slice(0, named).map((c) => c.id),
    ),
  };
};

const periodName = (period: ProfitPeriod): string =>
  'month' in period
    ? period.month
    : 'year' in period
      ? String(period.year)
      : `${period.fromMonth}…${period.toMonth}`;

/** Tier summary (how many, how much profit), then the top customers and every product graded. */
export const renderTiers = (report: TiersReport, reportingCurrency: string, top = 10): string => {
  const summary = (rows: ReadonlyArray<TieredSubject>) => {
    const tiers = summariseTiers(rows);
    const total = rows.reduce(
      (sum, row) => sum + (row.profitMinor > 0n ? row.profitMinor : 0n),
      0n,
    );
    return renderTable({
      head: ['tier', 'count', 'profit', 'share of profit'],
      right: [1, 2, 3],
      rows: (['A', 'B', 'C', 'D'] as const).map((tier) => [
        tier,
        count(tiers[tier].count),
        money(tiers[tier].profitMinor, reportingCurrency),
        total === 0n ? '–' : percent(Number(tiers[tier].profitMinor) / Number(total)),
      ]),
    });
  };
  const name = periodName(report.period);
  const customers = renderTable({
    head: ['rank', 'customer', 'name', 'tier', 'orders', 'revenue', 'profit', 'cumulative'],
    right: [0, 4, 5, 6, 7],
    rows: report.customers
      .slice(0, top)
      .map((c) => [
        c.rank,
        c.id,
        truncate(report.names[c.id] ?? '', 28),
        c.tier,
        count(c.orders),
        money(c.revenueMinor, reportingCurrency),
        money(c.profitMinor, reportingCurrency),
        percent(c.cumulativeShare),
      ]),
  });
  const products = renderTable({
    head: ['rank', 'product', 'tier', 'units', 'orders', 'revenue', 'profit', 'cumulative'],
    right: [0, 3, 4, 5, 6, 7],
    rows: report.products.map((p) => [
      p.rank,
      p.id,
      p.tier,
      count(p.quantity),
      count(p.orders),
      money(p.revenueMinor, reportingCurrency),
      money(p.profitMinor, reportingCurrency),
      percent(p.cumulativeShare),
    ]),
  });
  return [
    `Profit tiers ${name} — customers (A: top 80 % of profit, B: next 15 %, C: the rest, D: loss-making)`,
    summary(report.customers),
    `Top ${Math.min(top, report.customers.length)} customers by profit (not by order count)`,
    customers,
    `Products by profit ${name}`,
    products,
  ].join('\n');
};
