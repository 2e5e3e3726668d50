import { type DomainEvent, type EventEnvelope, reactTo } from '@crm/domain';
import type { PolicyFunction } from '../policies/policy-runner.ts';

/**
 * The domain's policies of §4.5 (deal opened or won, campaign conversion, merges) as the
 * policy runner runs them. The domain derives each command id from the triggering event.
 */
export const crmPolicies: ReadonlyArray<PolicyFunction> = [
  // The runner hands over events its routes decoded, so they are domain events.
  (event) => reactTo(event as unknown as EventEnvelope<DomainEvent>),
];

/** The event types the policies react to: the runner's subscription reads only these. */
export const crmPolicyEventTypes: ReadonlyArray<string> = [
  'DealOpened',
  'DealWon',
  'CampaignResponseRecorded',
  'CustomerMerged',
  'CustomerMergeReverted',
];
