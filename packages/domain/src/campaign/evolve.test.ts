import { describe, expect, it } from 'vitest';
import { fold } from '../kernel/decider.ts';
import { CalendarDate } from '../kernel/time.ts';
import { campaignDecider, campaignInvariantBreaches } from './decider.ts';
import type { CampaignEvent } from './events.ts';
import { funnelRank, judgeResponse, responseFunnel } from './member-progress.ts';
import type { PlannedCampaign } from './state.ts';
import {
  addMembers,
  cancel,
  complete,
  cost,
  customer,
  historyOf,
  launched,
  money,
  otherCampaignId,
  plan,
  plannedState,
  respond,
  valid,
} from './test-fixtures.ts';

const full = launched(
  respond(customer(1), 'delivered'),
  respond(customer(2), 'bounced'),
  cost(money(700)),
  complete,
  cost(money(300)),
);

const eventOf = (type: CampaignEvent['type'], events = full): CampaignEvent => {
  const found = [...events, ...historyOf(plan(), cancel)].find((e) => e.type === type);
  if (found === undefined) throw new Error(`no ${type}`);
  return found;
};

describe('evolving a campaign', () => {
  it('folds a full history into a sound state', () => {
    const state = plannedState(full);
    expect(state).toMatchObject({
      status: 'completed',
      members: { 'customer-1': 'delivered', 'customer-2': 'bounced' },
      actualCost: money(1_000),
    });
    expect(campaignInvariantBreaches(state)).toEqual([]);
  });

  it('ignores every event before the plan', () => {
    for (const event of full.slice(1)) {
      expect(campaignDecider.evolve(campaignDecider.initialState, event)).toEqual({
        status: 'unplanned',
      });
    }
  });

  it("ignores another campaign's events", () => {
    const state = fold(campaignDecider, historyOf(plan()));
    const stray = eventOf('CampaignLaunched');
    const foreign = { ...stray, data: { ...stray.data, campaignId: otherCampaignId } };
    expect(campaignDecider.evolve(state, foreign as CampaignEvent)).toBe(state);
  });

  it('ignores moves the status does not allow', () => {
    const planned = fold(campaignDecider, historyOf(plan(), addMembers(customer(1))));
    const ended = fold(campaignDecider, full);
    const stays = (state: typeof planned, type: CampaignEvent['type']) =>
      expect(campaignDecider.evolve(state, eventOf(type))).toBe(state);
    stays(planned, 'CampaignPlanned');
    stays(planned, 'CampaignResponseRecorded');
    stays(planned, 'CampaignCompleted');
    stays(ended, 'CampaignMembersAdded');
    stays(ended, 'CampaignLaunched');
    stays(ended, 'CampaignCancelled');
    const unknown = JSON.parse(
      '{"type":"CampaignArchived","version":1,"data":{"campaignId":"campaign-1"}}',
    ) as CampaignEvent;
    expect(campaignDecider.evolve(planned, unknown)).toBe(planned);
  });

  it('ignores a response that would move a member back, and costs it cannot add', () => {
    const state = fold(campaignDecider, launched(respond(customer(1), 'clicked')));
    const back = eventOf('CampaignResponseRecorded'); // customer-1 delivered
    expect(campaignDecider.evolve(state, back)).toBe(state);
    const dollars = { ...eventOf('CampaignCostRecorded') };
    const inUsd = { ...dollars, data: { ...dollars.data, amount: money(5, 'USD') } };
    expect(campaignDecider.evolve(state, inUsd as CampaignEvent)).toBe(state);
    const negative = { ...dollars, data: { ...dollars.data, amount: money(-5) } };
    expect(campaignDecider.evolve(state, negative as CampaignEvent)).toBe(state);
  });
});

describe('member progress', () => {
  it('ranks the funnel in order and leaves the two ends unranked', () => {
    expect(responseFunnel.map(funnelRank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([funnelRank('unsubscribed'), funnelRank('bounced')]).toEqual([undefined, undefined]);
  });

  it('judges responses', () => {
    expect(judgeResponse('added', 'sent')).toBe('moves');
    expect(judgeResponse('opened', 'opened')).toBe('repeat');
    expect(judgeResponse('opened', 'sent')).toBe('out_of_order');
    expect(judgeResponse('added', 'bounced')).toBe('moves');
    expect(judgeResponse('delivered', 'bounced')).toBe('out_of_order');
    expect(judgeResponse('converted', 'unsubscribed')).toBe('moves');
    expect(judgeResponse('bounced', 'sent')).toBe('unreachable');
  });
});

describe('campaign invariants', () => {
  const sound = plannedState(launched(respond(customer(1), 'sent')));
  const broken = (change: Partial<PlannedCampaign>) =>
    campaignInvariantBreaches({ ...sound, ...change });

  it('hold for an unplanned campaign and a sound one', () => {
    expect(campaignInvariantBreaches({ status: 'unplanned' })).toEqual([]);
    expect(campaignInvariantBreaches(sound)).toEqual([]);
  });

  it('catch an invalid member status, or a response before the launch', () => {
    const corrupted = JSON.parse('{"members":{"customer-1":"forwarded"}}') as PlannedCampaign;
    expect(broken({ members: corrupted.members })).toHaveLength(1);
    expect(broken({ status: 'planned', launchedAt: null })).toEqual([
      'campaign campaign-1: member customer-1 responded before the launch',
    ]);
  });

  it('catch costs in another currency or below zero, and a negative budget', () => {
    expect(broken({ actualCost: money(5, 'USD') })).toHaveLength(1);
    expect(broken({ actualCost: money(-5) })).toHaveLength(1);
    expect(broken({ budget: money(-5) })).toHaveLength(1);
  });

  it('catch a period ending before it starts, and a status the instants deny', () => {
    const period = {
      start: valid(CalendarDate, '2025-05-02'),
      end: valid(CalendarDate, '2025-05-01'),
    };
    expect(broken({ period })).toHaveLength(1);
    expect(broken({ launchedAt: null })).toHaveLength(2);
    expect(broken({ status: 'completed' })).toHaveLength(1);
  });
});
