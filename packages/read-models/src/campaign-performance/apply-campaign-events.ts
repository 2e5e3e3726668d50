import {
  type CampaignMemberStatus,
  type DomainEvent,
  funnelRank,
  judgeResponse,
  responseFunnel,
} from '@crm/domain';
import type { ProjectedEvent, ReportingSettings } from '@crm/projections';
import { type Insertable, sql, type Transaction } from 'kysely';
import {
  anyOf,
  inMemoryFold,
  isoOf,
  isoOrNull,
  replaceRows,
  toReportingMinor,
  unappliedEvents,
  utcOf,
} from '../projection-kit/index.ts';
import {
  type CampaignRecord,
  campaignFromRow,
  campaignToRow,
  emptyCounters,
  funnelSteps,
} from './campaign-state.ts';
import {
  type CampaignDealTable,
  type CampaignMemberTable,
  type CampaignPerformanceTables,
  campaignKinds,
  dealKinds,
  memberKinds,
} from './tables.ts';

type Db = Transaction<CampaignPerformanceTables>;
type MemberRow = Insertable<CampaignMemberTable> & { status: CampaignMemberStatus };
type DealRow = Insertable<CampaignDealTable>;

const memberKey = (campaignId: string, customerId: string): string =>
  `${campaignId}\u0000${customerId}`;

/**
 * The campaigns, members and attributed deals one batch touches, loaded once, changed in memory,
 * written back once; in a rebuild's fold, every one of them, kept from batch to batch.
 */
interface Working {
  readonly campaigns: Map<string, CampaignRecord>;
  readonly members: Map<string, MemberRow>;
  readonly deals: Map<string, DealRow>;
  readonly dirtyCampaigns: Set<string>;
  readonly dirtyMembers: Set<string>;
  readonly dirtyDeals: Set<string>;
}

const emptyWorking = (): Working => ({
  campaigns: new Map(),
  members: new Map(),
  deals: new Map(),
  dirtyCampaigns: new Set(),
  dirtyMembers: new Set(),
  dirtyDeals: new Set(),
});

/** The campaigns, members and deals a batch touches. */
interface Keys {
  readonly campaignIds: Set<string>;
  readonly memberKeys: Map<string, readonly [string, string]>;
  readonly dealIds: Set<string>;
}

const collectKeys = (event: DomainEvent, keys: Keys): void => {
  switch (event.type) {
    case 'CampaignResponseRecorded': {
      const { campaignId, customerId } = event.data;
      keys.memberKeys.set(memberKey(campaignId, customerId), [campaignId, customerId]);
      keys.campaignIds.add(campaignId);
      return;
    }
    case 'CampaignPlanned':
    case 'CampaignMembersAdded':
    case 'CampaignLaunched':
    case 'CampaignCostRecorded':
    case 'CampaignCompleted':
    case 'CampaignCancelled':
      keys.campaignIds.add(event.data.campaignId);
      return;
    case 'DealOpened':
    case 'DealWon':
    case 'DealLost':
    case 'DealReopened':
    case 'WonDealCorrected':
      keys.dealIds.add(event.data.dealId);
      return;
    default:
      return;
  }
};

const loadCampaigns = async (db: Db, ids: ReadonlyArray<string>, working: Working) => {
  const rows = await db
    .selectFrom('campaign')
    .selectAll()
    .where('campaign_id', '=', anyOf(ids))
    .execute();
  for (const row of rows) working.campaigns.set(row.campaign_id, campaignFromRow(row));
};

const loadMembers = async (
  db: Db,
  keys: ReadonlyArray<readonly [string, string]>,
  working: Working,
) => {
  const campaignIds = keys.map(([campaignId]) => campaignId);
  const customerIds = keys.map(([, customerId]) => customerId);
  const rows = await db
    .selectFrom('campaign_member')
    .selectAll()
    .where(
      sql<boolean>`(campaign_id, customer_id) in (select * from unnest(${campaignIds}::text[], ${customerIds}::text[]))`,
    )
    .execute();
  for (const row of rows) {
    working.members.set(memberKey(row.campaign_id, row.customer_id), {
      ...row,
      status: row.status as CampaignMemberStatus,
      changed_at: isoOf(row.changed_at),
    });
  }
};

const loadDeals = async (db: Db, ids: ReadonlyArray<string>, working: Working) => {
  const rows = await db
    .selectFrom('campaign_deal')
    .selectAll()
    .where('deal_id', '=', anyOf(ids))
    .execute();
  for (const row of rows) {
    working.deals.set(row.deal_id, {
      ...row,
      won_at: isoOrNull(row.won_at),
    });
  }
};

/** Loads the campaigns, members and attributed deals the events touch. */
const load = async (db: Db, events: ReadonlyArray<ProjectedEvent>): Promise<Working> => {
  const keys: Keys = { campaignIds: new Set(), memberKeys: new Map(), dealIds: new Set() };
  for (const { event } of events) collectKeys(event, keys);
  const working = emptyWorking();
  await loadCampaigns(db, [...keys.campaignIds], working);
  await loadMembers(db, [...keys.memberKeys.values()], working);
  await loadDeals(db, [...keys.dealIds], working);
  return working;
};

/** Moves a member to `status`, keeping the campaign's counters in step. */
const moveMember = (
  campaign: CampaignRecord,
  member: MemberRow,
  status: CampaignMemberStatus,
  at: string,
): void => {
  campaign.now[member.status] -= 1;
  campaign.now[status] += 1;
  const rank = funnelRank(status);
  if (rank !== undefined && rank > member.furthest_rank) {
    for (const step of funnelSteps) {
      const stepRank = responseFunnel.indexOf(step);
      if (stepRank > member.furthest_rank && stepRank <= rank) campaign.reached[step] += 1;
    }
    member.furthest_rank = rank;
  }
  member.status = status;
  member.changed_at = utcOf(at);
};

type CampaignEvent = Extract<DomainEvent, { data: { campaignId: string } }>;

/** Folds one campaign event into its campaign (and members); false when nothing changed. */
const applyToCampaign = (
  working: Working,
  event: CampaignEvent,
  settings: ReportingSettings,
): boolean => {
  const { campaigns, members } = working;
  if (event.type === 'CampaignPlanned') {
    const { data } = event;
    if (campaigns.has(data.campaignId)) return false;
    campaigns.set(data.campaignId, {
      campaignId: data.campaignId,
      name: data.name,
      channel: data.channel,
      status: 'planned',
      currency: data.budget.currency,
      budgetMinor: BigInt(data.budget.amountMinor),
      actualCostMinor: 0n,
      costInReportingCurrency: data.budget.currency === settings.reportingCurrency,
      costEntries: 0,
      periodStart: data.period.start,
      periodEnd: data.period.end,
      plannedAt: data.at,
      launchedAt: null,
      endedAt: null,
      ...emptyCounters(),
    });
    return true;
  }
  const campaign = campaigns.get(event.data.campaignId);
  if (campaign === undefined) return false;
  switch (event.type) {
    case 'CampaignMembersAdded':
      for (const customerId of event.data.customerIds) {
        const key = memberKey(campaign.campaignId, customerId);
        if (members.has(key)) continue;
        members.set(key, {
          campaign_id: campaign.campaignId,
          customer_id: customerId,
          status: 'added',
          furthest_rank: 0,
          changed_at: utcOf(event.data.at),
        });
        working.dirtyMembers.add(key);
        campaign.members += 1;
        campaign.now.added += 1;
      }
      return true;
    case 'CampaignResponseRecorded': {
      const key = memberKey(campaign.campaignId, event.data.customerId);
      const member = members.get(key);
      // The decider already refused anything else; this keeps a stray event harmless.
      if (member === undefined || judgeResponse(member.status, event.data.response) !== 'moves') {
        return false;
      }
      moveMember(campaign, member, event.data.response, event.data.at);
      working.dirtyMembers.add(key);
      return true;
    }
    case 'CampaignCostRecorded':
      campaign.actualCostMinor += BigInt(event.data.amount.amountMinor);
      campaign.costEntries += 1;
      return true;
    case 'CampaignLaunched':
      campaign.status = 'launched';
      campaign.launchedAt = event.data.at;
      return true;
    case 'CampaignCompleted':
    case 'CampaignCancelled':
      campaign.status = event.type === 'CampaignCompleted' ? 'completed' : 'cancelled';
      campaign.endedAt = event.data.at;
      return true;
    default:
      return false;
  }
};

/** Folds one deal event into the attributed deals; the deal id when its row changed. */
const applyToDeal = (
  { deals }: Working,
  event: DomainEvent,
  settings: ReportingSettings,
): string | undefined => {
  switch (event.type) {
    case 'DealOpened': {
      const { data } = event;
      if (data.sourceCampaignId === null || deals.has(data.dealId)) return undefined;
      deals.set(data.dealId, {
        deal_id: data.dealId,
        campaign_id: data.sourceCampaignId,
        customer_id: data.customerId,
        status: 'open',
        currency: data.currency,
        won_at: null,
        revenue_minor: null,
        profit_minor: null,
        reporting_revenue_minor: null,
        reporting_profit_minor: null,
      });
      return data.dealId;
    }
    case 'DealWon':
    case 'WonDealCorrected': {
      let deal = deals.get(event.data.dealId);
      if (deal === undefined && event.type === 'DealWon' && event.data.sourceCampaignId !== null) {
        // The opening was not seen: the win carries everything the row needs.
        deal = {
          deal_id: event.data.dealId,
          campaign_id: event.data.sourceCampaignId,
          customer_id: event.data.customerId,
          status: 'open',
          currency: event.data.currency,
          won_at: null,
          revenue_minor: null,
          profit_minor: null,
          reporting_revenue_minor: null,
          reporting_profit_minor: null,
        };
        deals.set(event.data.dealId, deal);
      }
      if (deal === undefined) return undefined;
      const figures = event.type === 'DealWon' ? event.data : event.data.corrected;
      const reporting = settings.reportingCurrency;
      const revenue = toReportingMinor(figures.revenue, figures.exchangeRate, reporting);
      const cost = toReportingMinor(figures.cost, figures.exchangeRate, reporting);
      if (event.type === 'DealWon') {
        deal.status = 'won';
        deal.won_at = utcOf(event.data.at);
      }
      deal.revenue_minor = figures.revenue.amountMinor;
      deal.profit_minor = figures.profit.amountMinor;
      // Profit is converted revenue − converted cost, so the three add up after conversion.
      const converted = revenue !== undefined && cost !== undefined;
      deal.reporting_revenue_minor = converted ? revenue : null;
      deal.reporting_profit_minor = converted ? BigInt(revenue) - BigInt(cost) : null;
      return deal.deal_id;
    }
    case 'DealLost':
    case 'DealReopened': {
      const deal = deals.get(event.data.dealId);
      if (deal === undefined) return undefined;
      deal.status = event.type === 'DealLost' ? 'lost' : 'open';
      return deal.deal_id;
    }
    default:
      return undefined;
  }
};

const isCampaignEvent = (event: DomainEvent): event is CampaignEvent =>
  event.type.startsWith('Campaign');

/** Folds events, in log order, into the working rows, marking the rows they change. */
const applyEvents = (
  working: Working,
  events: ReadonlyArray<ProjectedEvent>,
  settings: ReportingSettings,
): void => {
  for (const { event } of events) {
    if (isCampaignEvent(event)) {
      if (applyToCampaign(working, event, settings)) {
        working.dirtyCampaigns.add(event.data.campaignId);
      }
    } else {
      const dealId = applyToDeal(working, event, settings);
      if (dealId !== undefined) working.dirtyDeals.add(dealId);
    }
  }
};

/** Writes the changed rows, a multi-row upsert per table, and forgets that they changed. */
const write = async (db: Db, working: Working): Promise<void> => {
  const pick = <T>(ids: Set<string>, rows: Map<string, T>): T[] =>
    [...ids].flatMap((id) => {
      const row = rows.get(id);
      return row === undefined ? [] : [row];
    });
  const campaignRows = pick(working.dirtyCampaigns, working.campaigns).map(campaignToRow);
  await replaceRows(db, 'campaign', ['campaign_id'], campaignRows, campaignKinds);
  const memberRows = pick(working.dirtyMembers, working.members);
  await replaceRows(db, 'campaign_member', ['campaign_id', 'customer_id'], memberRows, memberKinds);
  const dealRows = pick(working.dirtyDeals, working.deals);
  await replaceRows(db, 'campaign_deal', ['deal_id'], dealRows, dealKinds);
  working.dirtyCampaigns.clear();
  working.dirtyMembers.clear();
  working.dirtyDeals.clear();
};

/**
 * Applies a batch: loads the campaigns, members and attributed deals it touches, folds the
 * events not applied before into them in memory, then writes each table back with multi-row
 * upserts (a few statements per batch, however many events it holds).
 */
export const applyCampaignEvents = async (
  db: Db,
  events: ReadonlyArray<ProjectedEvent>,
  settings: ReportingSettings,
): Promise<void> => {
  const { fresh, record } = await unappliedEvents(db, events);
  const working = await load(db, fresh);
  applyEvents(working, fresh, settings);
  await write(db, working);
  await record();
};

/**
 * The fold of a rebuild from empty tables: every campaign, member and attributed deal stays in
 * memory from batch to batch, so nothing is loaded, and each flush writes the rows changed since
 * the last one. Every column is a value, not an increment, so a row written twice stays right.
 */
export const startFold = (settings: ReportingSettings) =>
  inMemoryFold<CampaignPerformanceTables, Working>({
    start: emptyWorking,
    apply: (working, events) => applyEvents(working, events, settings),
    write,
    rowsHeld: (working) => working.campaigns.size + working.members.size + working.deals.size,
  });
