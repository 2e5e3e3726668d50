import type { CommandId, ForwardStage, PolicyName } from '@crm/domain';
import { text } from './brands.ts';
import { ensureAtLeast } from './lifecycle.ts';
import type { CustomerModel } from './models.ts';
import type { Simulation } from './simulation.ts';

/*
 * The domain's policies (§4.5), sent inline right after the command whose event triggers them,
 * with exactly the command the policy would send (same data, same reason, same instant), so the
 * history holds the lifecycle moves the policies make whether or not a policy runner runs.
 */

const promote = (
  simulation: Simulation,
  trigger: CommandId,
  policy: PolicyName,
  customer: CustomerModel,
  stage: ForwardStage,
  reason: string,
): void => {
  const expected = ensureAtLeast(customer, stage);
  simulation.react(
    trigger,
    policy,
    {
      type: 'EnsureLifecycleStageAtLeast',
      data: { customerId: customer.id, stage, at: simulation.at(), reason: text(reason) },
    },
    expected,
  );
};

/** A deal opened moves its customer to at least `opportunity`. */
export const dealOpened = (
  simulation: Simulation,
  trigger: CommandId,
  customer: CustomerModel,
  dealId: string,
): void =>
  promote(
    simulation,
    trigger,
    'deal-opened-promotes-customer',
    customer,
    'opportunity',
    `Deal ${dealId} was opened.`,
  );

/** A deal won moves its customer to at least `customer`. */
export const dealWon = (
  simulation: Simulation,
  trigger: CommandId,
  customer: CustomerModel,
  dealId: string,
): void =>
  promote(
    simulation,
    trigger,
    'deal-won-promotes-customer',
    customer,
    'customer',
    `Deal ${dealId} was won.`,
  );

/** A campaign conversion moves the member to at least `marketing_qualified`. */
export const campaignConversion = (
  simulation: Simulation,
  trigger: CommandId,
  customer: CustomerModel,
  campaignId: string,
): void =>
  promote(
    simulation,
    trigger,
    'campaign-conversion-promotes-customer',
    customer,
    'marketing_qualified',
    `Converted in campaign ${campaignId}.`,
  );

/** A merge makes the survivor record the duplicate it absorbed. */
export const customerMerged = (
  simulation: Simulation,
  trigger: CommandId,
  duplicate: CustomerModel,
  survivor: CustomerModel,
): void => {
  simulation.react(
    trigger,
    'customer-merge-notifies-survivor',
    {
      type: 'RecordDuplicateAbsorbed',
      data: { customerId: survivor.id, duplicateId: duplicate.id, at: simulation.at() },
    },
    1,
  );
};
