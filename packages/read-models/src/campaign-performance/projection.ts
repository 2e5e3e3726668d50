import type { DomainEvent } from '@crm/domain';
import type { Projection, ReportingSettings } from '@crm/projections';
import { applyCampaignEvents, startFold } from './apply-campaign-events.ts';
import { campaignPerformanceMigrations } from './migrations.ts';
import type { CampaignPerformanceTables } from './tables.ts';

/** The events the campaign performance read model reads. */
export const campaignPerformanceEventTypes = [
  'CampaignPlanned',
  'CampaignMembersAdded',
  'CampaignLaunched',
  'CampaignResponseRecorded',
  'CampaignCostRecorded',
  'CampaignCompleted',
  'CampaignCancelled',
  'DealOpened',
  'DealWon',
  'DealLost',
  'DealReopened',
  'WonDealCorrected',
] as const satisfies ReadonlyArray<DomainEvent['type']>;

/**
 * The campaign performance read model (schema `campaign_performance`): per campaign the
 * response funnel, the deals it sourced and what they brought in (reporting currency), the
 * actual cost and the ROI.
 *
 * @example
 * const projection = campaignPerformanceProjection({ reportingCurrency: 'EUR', timeZone: 'UTC' });
 */
export const campaignPerformanceProjection = (
  settings: ReportingSettings,
): Projection<CampaignPerformanceTables> => ({
  name: 'campaign_performance',
  version: 1,
  migrations: campaignPerformanceMigrations,
  eventTypes: campaignPerformanceEventTypes,
  apply: (db, events) => applyCampaignEvents(db, events, settings),
  startFold: startFold(settings),
});
