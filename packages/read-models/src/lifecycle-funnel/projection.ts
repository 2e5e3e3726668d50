import {
  type DomainEvent,
  type ForwardStage,
  lifecycleRank,
  type OpenDealStage,
  openDealStages,
} from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Transaction } from 'kysely';
import {
  customerLifecycleEventTypes,
  inMemoryFold,
  isoOf,
  pipelineValueOf,
  replaceRows,
  reportingMonthOf,
  toReportingMinor,
  unappliedEvents,
  utcOf,
  weightedValueOf,
} from '../projection-kit/index.ts';
import { lifecycleFunnelMigrations } from './migrations.ts';
import { type LifecycleFunnelTables, lifecycleFunnelColumnKinds } from './tables.ts';

const eventTypes = [
  ...customerLifecycleEventTypes,
  'DealOpened',
  'DealStageChanged',
  'DealWinProbabilitySet',
  'DealLineItemsRevised',
  'DealWon',
  'DealLost',
  'DealReopened',
  'WonDealCorrected',
] as const satisfies ReadonlyArray<DomainEvent['type']>;

const handled = new Set<string>(eventTypes);

interface CustomerRow {
  customer_id: string;
  registered_at: string;
  cohort_month: string;
  current_stage: string;
  current_since: string;
  furthest_rank: number;
  stay_count: number;
  merged_into: string | null;
}

interface StayRow {
  customer_id: string;
  seq: number;
  stage: string;
  entered_at: string;
  entered_month: string;
  left_at: string | null;
}

interface DealRow {
  deal_id: string;
  status: string;
  stage: string;
  furthest_rank: number;
  currency: string;
  win_probability: number;
  value_minor: bigint;
  weighted_minor: bigint;
  won_reporting_minor: bigint | null;
}

const dealRank = (stage: OpenDealStage): number => openDealStages.indexOf(stage);

/**
 * The rows one batch touches, loaded once, changed in memory, written back once; in a rebuild's
 * fold, every row, kept from batch to batch.
 */
interface Working {
  readonly customers: Map<string, CustomerRow>;
  readonly openStays: Map<string, StayRow>;
  readonly newStays: StayRow[];
  readonly deals: Map<string, DealRow>;
  readonly dirtyCustomers: Set<string>;
  readonly dirtyDeals: Set<string>;
}

const emptyWorking = (): Working => ({
  customers: new Map(),
  openStays: new Map(),
  newStays: [],
  deals: new Map(),
  dirtyCustomers: new Set(),
  dirtyDeals: new Set(),
});

const load = async (
  db: Transaction<LifecycleFunnelTables>,
  events: ReadonlyArray<ProjectedEvent>,
): Promise<Working> => {
  const customerIds = new Set<string>();
  const dealIds = new Set<string>();
  for (const { event } of events) {
    if ('customerId' in event.data && event.type.startsWith('Customer'))
      customerIds.add(event.data.customerId);
    if ('dealId' in event.data && event.data.dealId !== undefined) dealIds.add(event.data.dealId);
  }
  const working = emptyWorking();
  if (customerIds.size > 0) {
    const ids = [...customerIds];
    for (const row of await db
      .selectFrom('customers')
      .selectAll()
      .where('customer_id', 'in', ids)
      .execute()) {
      working.customers.set(row.customer_id, {
        ...row,
        registered_at: isoOf(row.registered_at),
        current_since: isoOf(row.current_since),
      });
    }
    const stays = await db
      .selectFrom('stage_stays')
      .selectAll()
      .where('customer_id', 'in', ids)
      .where('left_at', 'is', null)
      .execute();
    for (const row of stays) {
      working.openStays.set(row.customer_id, {
        ...row,
        entered_at: isoOf(row.entered_at),
        left_at: null,
      });
    }
  }
  if (dealIds.size > 0) {
    for (const row of await db
      .selectFrom('deals')
      .selectAll()
      .where('deal_id', 'in', [...dealIds])
      .execute()) {
      working.deals.set(row.deal_id, {
        ...row,
        value_minor: BigInt(row.value_minor),
        weighted_minor: BigInt(row.weighted_minor),
        won_reporting_minor:
          row.won_reporting_minor === null ? null : BigInt(row.won_reporting_minor),
      });
    }
  }
  return working;
};

/** Ends the customer's current stay at `at` and opens one in `stage`. */
const enterStage = (
  working: Working,
  customer: CustomerRow,
  stage: string,
  at: string,
  timeZone: string,
): void => {
  const open = working.openStays.get(customer.customer_id);
  if (open !== undefined) {
    open.left_at = utcOf(at);
    working.newStays.push(open);
  }
  const stay: StayRow = {
    customer_id: customer.customer_id,
    seq: customer.stay_count,
    stage,
    entered_at: utcOf(at),
    entered_month: reportingMonthOf(at, timeZone),
    left_at: null,
  };
  working.openStays.set(customer.customer_id, stay);
  working.newStays.push(stay);
  customer.stay_count += 1;
  customer.current_stage = stage;
  customer.current_since = utcOf(at);
  working.dirtyCustomers.add(customer.customer_id);
};

const applyCustomerEvent = (working: Working, event: DomainEvent, timeZone: string): void => {
  if (event.type === 'CustomerRegistered') {
    const { customerId, at } = event.data;
    if (working.customers.has(customerId)) return;
    const customer: CustomerRow = {
      customer_id: customerId,
      registered_at: utcOf(at),
      cohort_month: reportingMonthOf(at, timeZone),
      current_stage: 'lead',
      current_since: utcOf(at),
      furthest_rank: 0,
      stay_count: 0,
      merged_into: null,
    };
    working.customers.set(customerId, customer);
    enterStage(working, customer, 'lead', at, timeZone);
    return;
  }
  if (!('customerId' in event.data)) return;
  const customer = working.customers.get(event.data.customerId);
  if (customer === undefined) return;
  switch (event.type) {
    case 'CustomerLifecycleStageAdvanced':
      enterStage(working, customer, event.data.to, event.data.at, timeZone);
      customer.furthest_rank = Math.max(
        customer.furthest_rank,
        lifecycleRank(event.data.to as ForwardStage),
      );
      break;
    case 'CustomerChurned':
      enterStage(working, customer, 'churned', event.data.at, timeZone);
      break;
    case 'CustomerReactivated':
      enterStage(working, customer, 'reactivated', event.data.at, timeZone);
      break;
    case 'CustomerMerged':
      customer.merged_into = event.data.survivorId;
      working.dirtyCustomers.add(customer.customer_id);
      break;
    case 'CustomerMergeReverted':
      customer.merged_into = null;
      working.dirtyCustomers.add(customer.customer_id);
      break;
    default:
      break;
  }
};

const applyDealEvent = (
  working: Working,
  event: DomainEvent,
  settings: ReportingSettings,
): void => {
  if (event.type === 'DealOpened') {
    const { data } = event;
    if (working.deals.has(data.dealId)) return;
    const value = pipelineValueOf(data.lineItems);
    working.deals.set(data.dealId, {
      deal_id: data.dealId,
      status: 'open',
      stage: data.stage,
      furthest_rank: dealRank(data.stage),
      currency: data.currency,
      win_probability: data.winProbabilityPercent,
      value_minor: value,
      weighted_minor: weightedValueOf(value, data.winProbabilityPercent),
      won_reporting_minor: null,
    });
    working.dirtyDeals.add(data.dealId);
    return;
  }
  if (!('dealId' in event.data) || event.data.dealId === undefined) return;
  const deal = working.deals.get(event.data.dealId);
  if (deal === undefined) return;
  working.dirtyDeals.add(deal.deal_id);
  switch (event.type) {
    case 'DealStageChanged':
    case 'DealReopened': {
      const stage = event.type === 'DealStageChanged' ? event.data.to : event.data.stage;
      deal.status = 'open';
      deal.stage = stage;
      deal.furthest_rank = Math.max(deal.furthest_rank, dealRank(stage));
      deal.win_probability = event.data.winProbabilityPercent;
      deal.weighted_minor = weightedValueOf(deal.value_minor, deal.win_probability);
      break;
    }
    case 'DealWinProbabilitySet':
      deal.win_probability = event.data.to;
      deal.weighted_minor = weightedValueOf(deal.value_minor, deal.win_probability);
      break;
    case 'DealLineItemsRevised':
      deal.value_minor = pipelineValueOf(event.data.lineItems);
      deal.weighted_minor = weightedValueOf(deal.value_minor, deal.win_probability);
      break;
    case 'DealWon':
    case 'WonDealCorrected': {
      const figures = event.type === 'DealWon' ? event.data : event.data.corrected;
      const converted = toReportingMinor(
        figures.revenue,
        figures.exchangeRate,
        settings.reportingCurrency,
      );
      deal.status = 'won';
      deal.win_probability = 100;
      if (event.type === 'DealWon') {
        deal.stage = event.data.stage;
        deal.furthest_rank = Math.max(deal.furthest_rank, dealRank(event.data.stage));
      }
      deal.value_minor = BigInt(figures.revenue.amountMinor);
      deal.weighted_minor = deal.value_minor;
      deal.won_reporting_minor = converted === undefined ? null : BigInt(converted);
      break;
    }
    case 'DealLost':
      deal.status = 'lost';
      deal.stage = event.data.stage;
      deal.win_probability = 0;
      deal.weighted_minor = 0n;
      break;
    default:
      break;
  }
};

const applyEvents = (
  working: Working,
  events: ReadonlyArray<ProjectedEvent>,
  settings: ReportingSettings,
): void => {
  for (const { event } of events) {
    if (!handled.has(event.type)) continue;
    if (event.type.startsWith('Customer')) applyCustomerEvent(working, event, settings.timeZone);
    else applyDealEvent(working, event, settings);
  }
};

/** Writes the changed rows and forgets that they changed. */
const write = async (db: Transaction<LifecycleFunnelTables>, working: Working): Promise<void> => {
  await replaceRows(
    db,
    'customers',
    ['customer_id'],
    [...working.dirtyCustomers].flatMap((id) => {
      const row = working.customers.get(id);
      return row === undefined ? [] : [row];
    }),
    lifecycleFunnelColumnKinds.customers,
  );
  // A stay opened and closed in one batch appears twice; the last version wins.
  const stays = new Map(
    working.newStays.map((stay) => [`${stay.customer_id}\u0000${stay.seq}`, stay]),
  );
  await replaceRows(
    db,
    'stage_stays',
    ['customer_id', 'seq'],
    [...stays.values()],
    lifecycleFunnelColumnKinds.stage_stays,
  );
  await replaceRows(
    db,
    'deals',
    ['deal_id'],
    [...working.dirtyDeals].flatMap((id) => {
      const row = working.deals.get(id);
      return row === undefined ? [] : [row];
    }),
    lifecycleFunnelColumnKinds.deals,
  );
  working.dirtyCustomers.clear();
  working.newStays.length = 0;
  working.dirtyDeals.clear();
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<LifecycleFunnelTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const working = await load(
      db,
      fresh.filter(({ event }) => handled.has(event.type)),
    );
    applyEvents(working, fresh, settings);
    await write(db, working);
    await record();
  };

// A rebuild from zero: every customer, open stay and deal stays in memory from batch to batch.
const startFold = (settings: ReportingSettings) =>
  inMemoryFold<LifecycleFunnelTables, Working>({
    start: emptyWorking,
    apply: (working, events) => applyEvents(working, events, settings),
    write,
    rowsHeld: (working) =>
      working.customers.size +
      working.openStays.size +
      working.newStays.length +
      working.deals.size,
  });

/**
 * The lifecycle-funnel projection: every customer's current and furthest stage, each stay in a
 * stage, and each deal's place in the sales pipeline.
 *
 * @example
 * const projection = lifecycleFunnelProjection({ reportingCurrency: 'EUR', timeZone: 'UTC' });
 */
export const lifecycleFunnelProjection = (
  settings: ReportingSettings,
): Projection<LifecycleFunnelTables> => ({
  name: 'lifecycle_funnel',
  version: 1,
  migrations: lifecycleFunnelMigrations,
  eventTypes,
  apply: apply(settings),
  startFold: startFold(settings),
});
