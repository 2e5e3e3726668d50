import {
  type ForecastByMonth,
  type ForecastByOwner,
  forecastByCloseMonth,
  forecastByOwner,
  type SalesForecastTables,
} from '@crm/read-models';
import type { Kysely } from 'kysely';
import { count, money } from '../output/format.ts';
import { renderTable } from '../output/table.ts';

/** The weighted pipeline by expected close month and by owner. */
export interface ForecastReport {
  readonly byMonth: ReadonlyArray<ForecastByMonth>;
  readonly byOwner: ReadonlyArray<ForecastByOwner>;
}

export const loadForecast = async (
  db: Kysely<SalesForecastTables>,
  filter: { readonly fromMonth?: string; readonly toMonth?: string } = {},
): Promise<ForecastReport> => ({
  byMonth: await forecastByCloseMonth(db, filter),
  byOwner: await forecastByOwner(db, filter),
});

export const renderForecast = (
  report: ForecastReport,
  options: { readonly months?: number } = {},
): string => {
  const months = report.byMonth.slice(0, options.months ?? report.byMonth.length);
  const byMonth = renderTable({
    head: ['close month', 'open deals', 'pipeline', 'weighted forecast'],
    right: [1, 2, 3],
    rows: months.map((m) => [
      m.closeMonth,
      count(m.deals),
      money(m.valueMinor, m.currency),
      money(m.weightedValueMinor, m.currency),
    ]),
  });
  const owners = [...report.byOwner].sort((a, b) =>
    Number(b.weightedValueMinor - a.weightedValueMinor),
  );
  const byOwner = renderTable({
    head: ['owner', 'open deals', 'pipeline', 'weighted forecast'],
    right: [1, 2, 3],
    rows: owners.map((o) => [
      o.ownerId,
      count(o.deals),
      money(o.valueMinor, o.currency),
      money(o.weightedValueMinor, o.currency),
    ]),
  });
  return `Sales forecast — weighted open pipeline by expected close month\n${byMonth}\nBy owner\n${byOwner}`;
};
