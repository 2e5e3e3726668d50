import type { AnyProjection, ReportingSettings } from '@crm/projections';
import { campaignPerformanceProjection } from '../campaign-performance/projection.ts';
import { customer360Projection } from '../customer-360/projection.ts';
import { customerRfmProjection } from '../customer-rfm/projection.ts';
import { kpiBoardProjection } from '../kpi-board/projection.ts';
import { lifecycleFunnelProjection } from '../lifecycle-funnel/projection.ts';
import { profitTiersProjection } from '../profit-tiers/projection.ts';
import { repPerformanceProjection } from '../rep-performance/projection.ts';
import { salesForecastProjection } from '../sales-forecast/projection.ts';
import { serviceSlaProjection } from '../service-sla/projection.ts';

/**
 * Every read model of brief §6, configured with one set of reporting settings: what the
 * projector runs and what `crm rebuild` and `crm verify` replay.
 *
 * @example
 * const projections = allProjections({ reportingCurrency: 'EUR', timeZone: 'Europe/Berlin' });
 */
export const allProjections = (settings: ReportingSettings): ReadonlyArray<AnyProjection> => [
  customer360Projection(settings),
  lifecycleFunnelProjection(settings),
  profitTiersProjection(settings),
  campaignPerformanceProjection(settings),
  salesForecastProjection(settings),
  repPerformanceProjection(settings),
  serviceSlaProjection(settings),
  customerRfmProjection(settings),
  kpiBoardProjection(settings),
];
