import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomerCommand } from '../customer/commands.ts';
import { CommandId } from '../kernel/ids.ts';
import {
  campaignConversionPromotesCustomer,
  dealOpenedPromotesCustomer,
  dealWonPromotesCustomer,
} from './lifecycle-policies.ts';
import type { DomainEvent, Policy } from './policy.ts';
import {
  at,
  campaignResponse,
  dealOpened,
  dealWon,
  stored,
  unrelatedEvents,
} from './test-fixtures.ts';

const cases: ReadonlyArray<{
  readonly name: string;
  readonly policy: Policy;
  readonly trigger: DomainEvent;
  readonly customerId: string;
  readonly stage: string;
  readonly reason: string;
}> = [
  {
    name: 'deal-opened-promotes-customer',
    policy: dealOpenedPromotesCustomer,
    trigger: dealOpened,
    customerId: 'customer-1',
    stage: 'opportunity',
    reason: 'Deal deal-1 was opened.',
  },
  {
    name: 'deal-won-promotes-customer',
    policy: dealWonPromotesCustomer,
    trigger: dealWon,
    customerId: 'customer-1',
    stage: 'customer',
    reason: 'Deal deal-1 was won.',
  },
  {
    name: 'campaign-conversion-promotes-customer',
    policy: campaignConversionPromotesCustomer,
    trigger: campaignResponse('converted'),
    customerId: 'customer-2',
    stage: 'marketing_qualified',
    reason: 'Converted in campaign spring-promo.',
  },
];

describe.each(cases)('$name', ({ name, policy, trigger, customerId, stage, reason }) => {
  it(`ensures the customer is at least ${stage}`, () => {
    expect(policy(stored(trigger, 'evt-9'))).toEqual([
      {
        policy: name,
        commandId: `policy.${name}.evt-9`,
        aggregate: 'customer',
        streamName: `customer-${customerId}`,
        command: {
          type: 'EnsureLifecycleStageAtLeast',
          data: { customerId, stage, at, reason },
        },
        correlationId: 'corr-7',
        causationId: 'evt-9',
        actor: { id: `policy:${name}`, role: 'system' },
      },
    ]);
  });

  it('sends a command the customer aggregate decodes, with a valid command id', () => {
    for (const sent of policy(stored(trigger))) {
      expect(decodeCustomerCommand(sent.command)).toEqual(E.right(sent.command));
      expect(CommandId.is(sent.commandId)).toBe(true);
    }
  });

  it('reacts to one event twice with identical commands', () => {
    expect(policy(stored(trigger, 'evt-3'))).toEqual(policy(stored(trigger, 'evt-3')));
  });

  it('derives a different command id from a different event', () => {
    const [first] = policy(stored(trigger, 'evt-3'));
    const [second] = policy(stored(trigger, 'evt-4'));
    expect(first?.commandId).not.toBe(second?.commandId);
  });

  it.each(unrelatedEvents.map((e) => [e.type, e] as const))('ignores %s', (_, event) => {
    expect(policy(stored(event))).toEqual([]);
  });
});

describe('the deal policies', () => {
  it('ignore each other’s event', () => {
    expect(dealOpenedPromotesCustomer(stored(dealWon))).toEqual([]);
    expect(dealWonPromotesCustomer(stored(dealOpened))).toEqual([]);
  });
});

describe('campaign-conversion-promotes-customer', () => {
  it.each(['sent', 'delivered', 'opened', 'clicked', 'responded', 'unsubscribed', 'bounced'])(
    'ignores a %s response',
    (response) => {
      expect(campaignConversionPromotesCustomer(stored(campaignResponse(response)))).toEqual([]);
    },
  );
});
