import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CustomerId } from '../kernel/ids.ts';
import type { CampaignCommand } from './commands.ts';
import { campaignDecider } from './decider.ts';
import {
  accepted,
  addMembers,
  at,
  campaignId,
  cancel,
  complete,
  customer,
  historyOf,
  launch,
  launched,
  money,
  otherCampaignId,
  plan,
  plannedState,
  refused,
  respond,
  valid,
} from './test-fixtures.ts';

describe('planning a campaign', () => {
  it('records the plan, with each tag and stage of the segment once', () => {
    expect(accepted([], plan())).toEqual([
      {
        type: 'CampaignPlanned',
        version: 1,
        data: {
          campaignId,
          name: 'Spring newsletter',
          channel: 'email',
          budget: money(500_000),
          period: { start: '2025-04-01', end: '2025-04-30' },
          targetSegment: { tags: ['newsletter', 'vip'], lifecycleStages: ['lead', 'customer'] },
          at,
        },
      },
    ]);
    const state = plannedState(historyOf(plan()));
    expect([state.status, state.actualCost, state.members]).toEqual(['planned', money(0), {}]);
  });

  it('takes a one-day period and a zero budget', () => {
    expect(accepted([], plan({ end: '2025-04-01', budget: money(0) }))).toHaveLength(1);
  });

  it('refuses a period that ends before it starts', () => {
    expect(refused([], plan({ start: '2025-04-02', end: '2025-04-01' }))).toMatchObject({
      _tag: 'CampaignPeriodEndsBeforeStart',
      start: '2025-04-02',
      end: '2025-04-01',
    });
  });

  it('refuses a negative budget', () => {
    expect(refused([], plan({ budget: money(-1) }))._tag).toBe('CampaignBudgetNegative');
  });

  it('is done once', () => {
    expect(refused(historyOf(plan()), plan())._tag).toBe('CampaignAlreadyPlanned');
  });
});

describe('every other command', () => {
  it('needs a planned campaign', () => {
    expect(refused([], launch)._tag).toBe('CampaignNotPlanned');
  });

  it('must be for the campaign of the stream', () => {
    const command: CampaignCommand = {
      type: 'LaunchCampaign',
      data: { campaignId: otherCampaignId, at },
    };
    expect(refused(historyOf(plan()), command)).toMatchObject({
      _tag: 'CampaignIdMismatch',
      expected: campaignId,
      actual: otherCampaignId,
    });
  });

  it('is refused with InvalidInput when its type is unknown', () => {
    const stray = JSON.parse('{"type":"ArchiveCampaign","data":{}}') as CampaignCommand;
    const result = campaignDecider.decide(stray, campaignDecider.initialState);
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'InvalidInput', field: 'type' });
  });
});

describe('adding members', () => {
  it('adds new customers once each, skipping members', () => {
    const events = historyOf(plan(), addMembers(customer(1)));
    expect(accepted(events, addMembers(customer(1), customer(2), customer(2)))).toEqual([
      {
        type: 'CampaignMembersAdded',
        version: 1,
        data: { campaignId, customerIds: [customer(2)], at },
      },
    ]);
  });

  it('changes nothing when every customer is a member already', () => {
    expect(accepted(historyOf(plan(), addMembers(customer(1))), addMembers(customer(1)))).toEqual(
      [],
    );
  });

  it('refuses an empty list, naming the field', () => {
    expect(refused(historyOf(plan()), addMembers())).toMatchObject({
      _tag: 'InvalidInput',
      field: 'data.customerIds',
    });
  });

  it('treats an id like `constructor` as any other customer', () => {
    const tricky = valid(CustomerId, 'constructor');
    expect(accepted(historyOf(plan()), addMembers(tricky))).toHaveLength(1);
    const events = historyOf(plan(), addMembers(tricky), launch, respond(tricky, 'sent'));
    expect(plannedState(events).members).toEqual({ constructor: 'sent' });
  });

  it('goes on after the launch but not after the end', () => {
    expect(accepted(launched(), addMembers(customer(3)))).toHaveLength(1);
    expect(refused(historyOf(plan(), cancel), addMembers(customer(3)))).toMatchObject({
      _tag: 'CampaignAlreadyEnded',
      status: 'cancelled',
    });
  });
});

describe('launching', () => {
  it('launches a planned campaign with members, once', () => {
    const events = launched();
    expect(events.at(-1)).toEqual({
      type: 'CampaignLaunched',
      version: 1,
      data: { campaignId, at },
    });
    expect(plannedState(events)).toMatchObject({ status: 'launched', launchedAt: at });
    expect(accepted(events, launch)).toEqual([]);
  });

  it('needs members', () => {
    expect(refused(historyOf(plan()), launch)._tag).toBe('CampaignHasNoMembers');
  });

  it('is refused once the campaign has ended', () => {
    expect(refused(launched(complete), launch)._tag).toBe('CampaignAlreadyEnded');
  });
});
