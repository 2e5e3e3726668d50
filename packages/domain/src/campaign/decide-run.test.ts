import { describe, expect, it } from 'vitest';
import { MinorUnits } from '../kernel/money.ts';
import {
  accepted,
  addMembers,
  at,
  campaignId,
  cancel,
  complete,
  cost,
  customer,
  historyOf,
  launched,
  money,
  plan,
  plannedState,
  refused,
  respond,
} from './test-fixtures.ts';

describe('recording responses', () => {
  it('records a response carrying campaign, customer, response and instant', () => {
    expect(accepted(launched(), respond(customer(1), 'converted'))).toEqual([
      {
        type: 'CampaignResponseRecorded',
        version: 1,
        data: { campaignId, customerId: customer(1), response: 'converted', at },
      },
    ]);
  });

  it('moves a member forward along the funnel, steps may be skipped', () => {
    const events = launched(respond(customer(1), 'sent'), respond(customer(1), 'opened'));
    expect(plannedState(events).members).toEqual({ 'customer-1': 'opened', 'customer-2': 'added' });
  });

  it('treats the same response again as a no-op', () => {
    const events = launched(respond(customer(1), 'clicked'));
    expect(accepted(events, respond(customer(1), 'clicked'))).toEqual([]);
  });

  it('refuses a step back', () => {
    const events = launched(respond(customer(1), 'clicked'));
    expect(refused(events, respond(customer(1), 'delivered'))).toMatchObject({
      _tag: 'CampaignResponseOutOfOrder',
      current: 'clicked',
      response: 'delivered',
    });
  });

  it('takes a bounce only before delivery', () => {
    expect(
      accepted(launched(respond(customer(1), 'sent')), respond(customer(1), 'bounced')),
    ).toHaveLength(1);
    expect(accepted(launched(), respond(customer(2), 'bounced'))).toHaveLength(1);
    const delivered = launched(respond(customer(1), 'delivered'));
    expect(refused(delivered, respond(customer(1), 'bounced'))._tag).toBe(
      'CampaignResponseOutOfOrder',
    );
  });

  it('takes an unsubscribe at any point, and nothing after it or a bounce', () => {
    const gone = launched(respond(customer(1), 'converted'), respond(customer(1), 'unsubscribed'));
    expect(plannedState(gone).members['customer-1']).toBe('unsubscribed');
    expect(refused(gone, respond(customer(1), 'converted'))).toMatchObject({
      _tag: 'CampaignMemberUnreachable',
      status: 'unsubscribed',
    });
    expect(accepted(gone, respond(customer(1), 'unsubscribed'))).toEqual([]);
    const bounced = launched(respond(customer(2), 'bounced'));
    expect(refused(bounced, respond(customer(2), 'unsubscribed'))._tag).toBe(
      'CampaignMemberUnreachable',
    );
  });

  it('is for members only', () => {
    expect(refused(launched(), respond(customer(9), 'sent'))).toMatchObject({
      _tag: 'CustomerNotCampaignMember',
      customerId: customer(9),
    });
  });

  it('happens only while the campaign is launched', () => {
    const planned = historyOf(plan(), addMembers(customer(1)));
    expect(refused(planned, respond(customer(1), 'sent'))._tag).toBe('CampaignNotLaunched');
    expect(refused(launched(complete), respond(customer(1), 'sent'))._tag).toBe(
      'CampaignAlreadyEnded',
    );
  });
});

describe('recording costs', () => {
  it('adds up costs in the budget currency, in any status', () => {
    const events = historyOf(plan(), cost(money(10_000)), cancel, cost(money(2_500)));
    expect(events.filter((e) => e.type === 'CampaignCostRecorded')).toHaveLength(2);
    expect(plannedState(events).actualCost).toEqual(money(12_500));
  });

  it('lets the cost go over budget', () => {
    expect(accepted(historyOf(plan({ budget: money(0) })), cost(money(1)))).toHaveLength(1);
  });

  it('refuses another currency', () => {
    expect(refused(historyOf(plan()), cost(money(100, 'USD')))).toMatchObject({
      _tag: 'CurrencyMismatch',
      expected: 'EUR',
      actual: 'USD',
    });
  });

  it('refuses zero or negative amounts', () => {
    expect(refused(historyOf(plan()), cost(money(0)))._tag).toBe('CampaignCostNotPositive');
    expect(refused(historyOf(plan()), cost(money(-5)))._tag).toBe('CampaignCostNotPositive');
  });

  it('refuses an amount that would overflow the total', () => {
    const max = money(Number.MAX_SAFE_INTEGER);
    expect(refused(historyOf(plan(), cost(max)), cost(money(1)))._tag).toBe('MoneyOutOfRange');
    expect(MinorUnits.is(Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe('completing', () => {
  it('completes a launched campaign, once', () => {
    const events = launched(complete);
    expect(events.at(-1)).toEqual({
      type: 'CampaignCompleted',
      version: 1,
      data: { campaignId, at },
    });
    expect(plannedState(events)).toMatchObject({ status: 'completed', endedAt: at });
    expect(accepted(events, complete)).toEqual([]);
  });

  it('needs a launch first, and no cancellation', () => {
    expect(refused(historyOf(plan()), complete)._tag).toBe('CampaignNotLaunched');
    expect(refused(historyOf(plan(), cancel), complete)._tag).toBe('CampaignAlreadyEnded');
  });
});

describe('cancelling', () => {
  it('cancels a planned or launched campaign, once', () => {
    const events = historyOf(plan(), cancel);
    expect(events.at(-1)).toEqual({
      type: 'CampaignCancelled',
      version: 1,
      data: { campaignId, reason: 'Product recalled', at },
    });
    expect(accepted(events, cancel)).toEqual([]);
    expect(accepted(launched(), cancel)).toHaveLength(1);
  });

  it('cannot undo a completion', () => {
    const completed = launched(complete);
    expect(refused(completed, cancel)).toMatchObject({
      _tag: 'CampaignAlreadyEnded',
      status: 'completed',
    });
  });
});
