import {
  type DealPipelineFunnel,
  dealPipelineFunnel,
  type LifecycleFunnelTables,
  lifecycleStagesNow,
  type StageConversion,
  type StageNow,
  stageConversionRates,
  type TimeInStage,
  timeInStage,
} from '@crm/read-models';
import type { Kysely } from 'kysely';
import { count, decimal, money, percent } from '../output/format.ts';
import { renderTable } from '../output/table.ts';

/** The lifecycle funnel beside the deal pipeline. */
export interface FunnelReport {
  readonly stages: ReadonlyArray<StageNow>;
  readonly conversions: ReadonlyArray<StageConversion>;
  readonly timeInStage: ReadonlyArray<TimeInStage>;
  readonly pipeline: DealPipelineFunnel;
}

export const loadFunnel = async (db: Kysely<LifecycleFunnelTables>): Promise<FunnelReport> => ({
  stages: await lifecycleStagesNow(db),
  conversions: await stageConversionRates(db),
  timeInStage: await timeInStage(db),
  pipeline: await dealPipelineFunnel(db),
});

/** Customers per stage now (current and furthest kept apart), conversion, time in stage; the pipeline. */
export const renderFunnel = (report: FunnelReport, reportingCurrency: string): string => {
  const conversionTo = new Map(report.conversions.map((c) => [c.to, c]));
  const days = new Map(report.timeInStage.map((t) => [t.stage, t]));
  const customers = renderTable({
    head: ['stage', 'now', 'furthest here', 'ever reached', 'from previous', 'median days'],
    right: [1, 2, 3, 4, 5],
    rows: report.stages.map((s) => [
      s.stage,
      count(s.current),
      count(s.furthest),
      count(s.reached),
      percent(conversionTo.get(s.stage as never)?.rate),
      decimal(days.get(s.stage)?.medianDays, 0),
    ]),
  });
  const pipeline = renderTable({
    head: ['deal stage', 'open now', 'ever reached', 'open value', 'weighted'],
    right: [1, 2, 3, 4],
    rows: [
      ...report.pipeline.stages.map((s) => [
        s.stage,
        count(s.open),
        count(s.reached),
        s.value.map((v) => money(v.valueMinor, v.currency)).join('\n') || '–',
        s.value.map((v) => money(v.weightedMinor, v.currency)).join('\n') || '–',
      ]),
      [
        'won',
        count(report.pipeline.won.count),
        '',
        money(report.pipeline.won.revenueMinor, reportingCurrency),
        report.pipeline.won.unconverted === 0
          ? ''
          : `${report.pipeline.won.unconverted} not converted`,
      ],
      ['lost', count(report.pipeline.lost.count), '', '', ''],
    ],
  });
  return `Lifecycle funnel (customers)\n${customers}\nDeal pipeline\n${pipeline}`;
};
