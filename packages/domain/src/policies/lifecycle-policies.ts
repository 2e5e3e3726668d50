import type { ForwardStage } from '../customer/lifecycle-stage.ts';
import type { EventEnvelope } from '../kernel/envelope.ts';
import type { CustomerId } from '../kernel/ids.ts';
import type { NonEmptyString } from '../kernel/text.ts';
import type { Instant } from '../kernel/time.ts';
import { type DomainEvent, type PolicyCommand, type PolicyName, toCustomer } from './policy.ts';

// `EnsureLifecycleStageAtLeast` is a no-op for a customer already at or beyond the stage, so
// these policies never move anyone backwards and need not know where the customer stands.
const ensureStage = (
  policy: PolicyName,
  envelope: EventEnvelope<DomainEvent>,
  customerId: CustomerId,
  stage: ForwardStage,
  reason: string,
  at: Instant,
): PolicyCommand =>
  toCustomer(policy, envelope, customerId, {
    type: 'EnsureLifecycleStageAtLeast',
    // The reasons are built around non-empty ids, so they are never blank.
    data: { customerId, stage, at, reason: reason as NonEmptyString },
  });

/** A deal opened for a customer moves the customer to at least `opportunity`. */
export const dealOpenedPromotesCustomer = (
  envelope: EventEnvelope<DomainEvent>,
): ReadonlyArray<PolicyCommand> =>
  envelope.type === 'DealOpened'
    ? [
        ensureStage(
          'deal-opened-promotes-customer',
          envelope,
          envelope.data.customerId,
          'opportunity',
          `Deal ${envelope.data.dealId} was opened.`,
          envelope.data.at,
        ),
      ]
    : [];

/** A deal won moves its customer to at least `customer`. */
export const dealWonPromotesCustomer = (
  envelope: EventEnvelope<DomainEvent>,
): ReadonlyArray<PolicyCommand> =>
  envelope.type === 'DealWon'
    ? [
        ensureStage(
          'deal-won-promotes-customer',
          envelope,
          envelope.data.customerId,
          'customer',
          `Deal ${envelope.data.dealId} was won.`,
          envelope.data.at,
        ),
      ]
    : [];

/** A campaign member who converted moves to at least `marketing_qualified`. */
export const campaignConversionPromotesCustomer = (
  envelope: EventEnvelope<DomainEvent>,
): ReadonlyArray<PolicyCommand> =>
  envelope.type === 'CampaignResponseRecorded' && envelope.data.response === 'converted'
    ? [
        ensureStage(
          'campaign-conversion-promotes-customer',
          envelope,
          envelope.data.customerId,
          'marketing_qualified',
          `Converted in campaign ${envelope.data.campaignId}.`,
          envelope.data.at,
        ),
      ]
    : [];
