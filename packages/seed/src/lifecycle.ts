import { type ForwardStage, isForwardStage, lifecycleRank } from '@crm/domain';
import type { CustomerModel } from './models.ts';

/*
 * The customer decider's lifecycle rules, mirrored on the model so the generator knows which
 * stage moves are accepted and how many events a policy's `EnsureLifecycleStageAtLeast` records.
 */

/** Whether a customer who is not churned may move to `target` now. */
export const canAdvance = (customer: CustomerModel, target: ForwardStage): boolean =>
  isForwardStage(customer.stage)
    ? lifecycleRank(target) > lifecycleRank(customer.stage)
    : customer.stage === 'reactivated' &&
      lifecycleRank(target) >= lifecycleRank(customer.lastForward);

/** Records an accepted move to a forward stage. */
export const advanceTo = (customer: CustomerModel, target: ForwardStage): void => {
  customer.stage = target;
  customer.lastForward = target;
};

/**
 * Applies `EnsureLifecycleStageAtLeast` to the model and returns how many events the decider
 * records: a churned customer is reactivated (1) and advanced too if still short (2); anyone
 * else is advanced (1) or already there (0).
 */
export const ensureAtLeast = (customer: CustomerModel, target: ForwardStage): number => {
  if (customer.stage === 'churned') {
    customer.stage = 'reactivated';
    if (!canAdvance(customer, target)) return 1;
    advanceTo(customer, target);
    return 2;
  }
  if (!canAdvance(customer, target)) return 0;
  advanceTo(customer, target);
  return 1;
};

/** True when the customer stands at `stage` or beyond in the forward lifecycle. */
export const reached = (customer: CustomerModel, stage: ForwardStage): boolean =>
  lifecycleRank(customer.lastForward) >= lifecycleRank(stage);
