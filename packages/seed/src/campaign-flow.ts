import type { CampaignId, CustomerId, MinorUnits, Tag } from '@crm/domain';
import { text } from './brands.ts';
import { addMonths, calendarDateOf, day, hour, officeTimeFrom } from './calendar.ts';
import {
  budgetEuros,
  type Channel,
  durationDays,
  funnel,
  type Segment,
  segments,
} from './campaign-plans.ts';
import { interests } from './catalogue.ts';
import { addTag, isActive, removeTag } from './customer-actions.ts';
import { openDeal } from './deal-flow.ts';
import { moneyFromEuros } from './exchange-rates.ts';
import type { CampaignModel, CustomerModel } from './models.ts';
import { campaignCostItems, campaignThemes } from './phrases.ts';
import { campaignConversion } from './policy-reactions.ts';
import type { Simulation } from './simulation.ts';
import { marketers } from './staff.ts';

const matches = (customer: CustomerModel, segment: Segment, channel: Channel): boolean =>
  isActive(customer) &&
  segment.stages.includes(customer.stage) &&
  segment.tags.some((tag) => customer.tags.includes(tag)) &&
  !((channel === 'email' || channel === 'sms') && customer.unsubscribed) &&
  !(channel === 'email' && customer.email === '');

const sample = (simulation: Simulation, pool: CustomerModel[], cap: number): CustomerModel[] => {
  for (let i = 0; i < Math.min(cap, pool.length); i += 1) {
    const j = simulation.random.int(i, pool.length - 1);
    const chosen = pool[j] as CustomerModel;
    pool[j] = pool[i] as CustomerModel;
    pool[i] = chosen;
  }
  return pool.slice(0, cap);
};

const respond = (
  simulation: Simulation,
  campaign: CampaignModel,
  customer: CustomerModel,
  current: string,
  delayMs: number,
): void => {
  const { random } = simulation;
  const options = funnel[campaign.channel][current];
  if (options === undefined) return;
  const response = random.weighted(options);
  const when = simulation.now() + delayMs;
  if (response === 'stop' || when >= campaign.endsAt) return;
  simulation.schedule(when, () => {
    if (!isActive(customer) || campaign.status !== 'launched') return;
    const marketer = random.pick(marketers);
    const trigger = simulation.campaign(
      {
        type: 'RecordCampaignResponse',
        data: { campaignId: campaign.id, customerId: customer.id, response, at: simulation.at() },
      },
      marketer,
    );
    if (response === 'converted') {
      campaignConversion(simulation, trigger, customer, campaign.id);
      if (random.chance(0.45)) {
        const at = simulation.officeTime(simulation.now() + random.between(2, 15) * day, customer);
        simulation.schedule(at, () =>
          openDeal(simulation, customer, {
            repeat: customer.wonDeals.length > 0,
            sourceCampaignId: campaign.id,
          }),
        );
      }
    }
    if (response === 'unsubscribed') {
      customer.unsubscribed = true;
      removeTag(simulation, customer, marketer, 'newsletter');
    }
    if (response === 'clicked' && random.chance(0.3))
      addTag(simulation, customer, marketer, `interest:${random.pick(interests)}`);
    respond(simulation, campaign, customer, response, random.exponential(day) + hour);
  });
};

const plan = (simulation: Simulation): void => {
  const { random, options } = simulation;
  const segment = random.pick(segments);
  const channel = random.pick(segment.channels);
  const theme = random.pick(campaignThemes);
  const marketer = random.pick(marketers);
  const startsAt = officeTimeFrom(simulation.now() + random.between(5, 15) * day, 0, random);
  const [minDays, maxDays] = durationDays[channel];
  const endsAt = startsAt + random.int(minDays, maxDays) * day;
  const [minBudget, maxBudget] = budgetEuros[channel];
  const budget = moneyFromEuros(
    Math.round(random.between(minBudget, maxBudget) / 100) * 100,
    options.reportingCurrency,
    simulation.now(),
    'major',
  );
  const year = new Date(startsAt).getUTCFullYear();
  const campaign: CampaignModel = {
    id: simulation.newId('camp') as CampaignId,
    channel,
    currency: budget.currency,
    budgetMinor: budget.amountMinor,
    startsAt,
    endsAt,
    status: 'planned',
  };
  const name = `${theme.charAt(0).toUpperCase()}${theme.slice(1)} ${year} – ${segment.name} (${channel})`;
  simulation.campaign(
    {
      type: 'PlanCampaign',
      data: {
        campaignId: campaign.id,
        name: text(name),
        channel,
        budget,
        period: { start: calendarDateOf(startsAt), end: calendarDateOf(endsAt) },
        targetSegment: {
          tags: segment.tags as ReadonlyArray<Tag>,
          lifecycleStages: segment.stages,
        },
        at: simulation.at(),
      },
    },
    marketer,
  );
  const cancel = (reason: string) => {
    simulation.campaign(
      {
        type: 'CancelCampaign',
        data: { campaignId: campaign.id, reason: text(reason), at: simulation.at() },
      },
      marketer,
    );
    campaign.status = 'cancelled';
  };
  const cost = (share: number) => {
    const amount = Math.max(1, Math.round(campaign.budgetMinor * share));
    simulation.campaign(
      {
        type: 'RecordCampaignCost',
        data: {
          campaignId: campaign.id,
          amount: { amountMinor: amount as MinorUnits, currency: campaign.currency },
          description: text(random.pick(campaignCostItems[channel] ?? ['Campaign costs'])),
          at: simulation.at(),
        },
      },
      marketer,
    );
  };
  let members: CustomerModel[] = [];
  simulation.schedule(Math.max(simulation.now() + hour, startsAt - 2 * day), () => {
    const pool = simulation.customers.filter((customer) => matches(customer, segment, channel));
    members = sample(
      simulation,
      pool,
      Math.max(10, Math.round(options.campaignReach * options.customers)),
    );
    if (members.length === 0) {
      cancel('No customers in the target segment yet');
      return;
    }
    for (let i = 0; i < members.length; i += 500) {
      const batch = members.slice(i, i + 500).map((member) => member.id) as CustomerId[];
      simulation.campaign(
        {
          type: 'AddCampaignMembers',
          data: { campaignId: campaign.id, customerIds: batch, at: simulation.at() },
        },
        marketer,
      );
    }
    if (random.chance(0.04))
      simulation.schedule(simulation.now() + hour, () =>
        cancel('Budget moved to another campaign'),
      );
  });
  simulation.schedule(startsAt, () => {
    if (campaign.status !== 'planned') return;
    simulation.campaign(
      { type: 'LaunchCampaign', data: { campaignId: campaign.id, at: simulation.at() } },
      marketer,
    );
    campaign.status = 'launched';
    cost(random.between(0.4, 0.6));
    for (const member of members)
      respond(simulation, campaign, member, 'added', random.between(0, 2 * day));
  });
  simulation.schedule(officeTimeFrom(endsAt + day, 0, random), () => {
    if (campaign.status !== 'launched') return;
    cost(random.between(0.5, 0.7));
    simulation.campaign(
      { type: 'CompleteCampaign', data: { campaignId: campaign.id, at: simulation.at() } },
      marketer,
    );
    campaign.status = 'completed';
  });
};

/**
 * Plans campaigns every month across email, SMS, social and events, each for a segment (tags
 * and lifecycle stages): members added from the customers in the segment, a launch, costs,
 * member responses along the funnel (conversions promote the member and some open a deal
 * naming the campaign), unsubscribes, and completion — or now and then a cancellation.
 */
export const startCampaigns = (simulation: Simulation): void => {
  const { options, random } = simulation;
  if (options.campaignsPerMonth === 0) return;
  for (let month = 0; month < options.months; month += 1) {
    const at = officeTimeFrom(
      addMonths(options.startMs, month) + random.between(0, 3) * day,
      0,
      random,
    );
    simulation.schedule(at, () => {
      const count = Math.max(0, Math.round(options.campaignsPerMonth + random.between(-1, 1)));
      for (let i = 0; i < count; i += 1) plan(simulation);
    });
  }
};
