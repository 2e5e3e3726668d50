import type { EventEnvelope } from '../kernel/envelope.ts';
import {
  campaignConversionPromotesCustomer,
  dealOpenedPromotesCustomer,
  dealWonPromotesCustomer,
} from './lifecycle-policies.ts';
import {
  customerMergeNotifiesSurvivor,
  customerMergeRevertNotifiesSurvivor,
} from './merge-policies.ts';
import type { DomainEvent, Policy, PolicyCommand, PolicyName } from './policy.ts';

/**
 * Every policy of §4.5 by name. Each is a pure reaction to one stored event; the command ids it
 * derives make it idempotent.
 */
export const policies: Readonly<Record<PolicyName, Policy>> = {
  'deal-opened-promotes-customer': dealOpenedPromotesCustomer,
  'deal-won-promotes-customer': dealWonPromotesCustomer,
  'campaign-conversion-promotes-customer': campaignConversionPromotesCustomer,
  'customer-merge-notifies-survivor': customerMergeNotifiesSurvivor,
  'customer-merge-revert-notifies-survivor': customerMergeRevertNotifiesSurvivor,
};

/**
 * Runs every policy on one stored event and returns all the commands they send, in the order of
 * the registry. Reacting twice to the same event returns equal commands with equal ids.
 *
 * @example
 * for (const { streamName, commandId, command } of reactTo(envelope)) {
 *   await handle(streamName, commandId, command);
 * }
 */
export const reactTo = (envelope: EventEnvelope<DomainEvent>): ReadonlyArray<PolicyCommand> =>
  Object.values(policies).flatMap((policy) => policy(envelope));
