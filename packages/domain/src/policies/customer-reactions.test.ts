// The policies' commands run through the real customer decider: what a process manager would do.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { customerDecider } from '../customer/decider.ts';
import type { CustomerEvent } from '../customer/events.ts';
import { extend, register } from '../customer/test-fixtures.ts';
import { fold } from '../kernel/decider.ts';
import type { DomainEvent } from './policy.ts';
import { reactTo } from './registry.ts';
import {
  campaignResponse,
  customerMerged,
  customerMergeReverted,
  dealOpened,
  dealWon,
  stored,
} from './test-fixtures.ts';

/** The events the customer stream gets when the reactions to `trigger` are decided on `history`. */
const outcome = (
  history: ReadonlyArray<CustomerEvent>,
  trigger: DomainEvent,
): ReadonlyArray<CustomerEvent> =>
  reactTo(stored(trigger)).flatMap(({ command }) => {
    const result = customerDecider.decide(command, fold(customerDecider, history));
    if (E.isLeft(result)) throw new Error(result.left.message);
    return result.right;
  });

const stagesOf = (events: ReadonlyArray<CustomerEvent>) =>
  events.flatMap((e) => (e.type === 'CustomerLifecycleStageAdvanced' ? [e.data.to] : []));

describe('policy reactions decided by the customer aggregate', () => {
  const registered = extend([], register);

  it('a deal opened for a lead makes it an opportunity', () => {
    expect(stagesOf(outcome(registered, dealOpened))).toEqual(['opportunity']);
  });

  it('a repeated reaction changes nothing once the first has landed', () => {
    const once = [...registered, ...outcome(registered, dealOpened)];
    expect(outcome(once, dealOpened)).toEqual([]);
  });

  it('a deal won makes an opportunity a customer', () => {
    const opportunity = [...registered, ...outcome(registered, dealOpened)];
    expect(stagesOf(outcome(opportunity, dealWon))).toEqual(['customer']);
  });

  it('a campaign conversion makes a lead marketing-qualified', () => {
    expect(stagesOf(outcome(registered, campaignResponse('converted', 'customer-1')))).toEqual([
      'marketing_qualified',
    ]);
  });

  it('a campaign conversion never moves a customer backwards', () => {
    const customer = [...registered, ...outcome(registered, dealWon)];
    expect(outcome(customer, campaignResponse('converted', 'customer-1'))).toEqual([]);
  });

  it('a merge and its revert are recorded on the survivor', () => {
    const absorbed = outcome(registered, customerMerged);
    expect(absorbed.map((e) => e.type)).toEqual(['CustomerDuplicateAbsorbed']);
    const released = outcome([...registered, ...absorbed], customerMergeReverted);
    expect(released.map((e) => e.type)).toEqual(['CustomerDuplicateReleased']);
  });
});
