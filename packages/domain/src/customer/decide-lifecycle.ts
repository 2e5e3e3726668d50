import type { NonEmptyString } from '../kernel/text.ts';
import type { Instant } from '../kernel/time.ts';
import type {
  AdvanceLifecycleStage,
  ChurnCustomer,
  EnsureLifecycleStageAtLeast,
  ReactivateCustomer,
} from './commands-lifecycle.ts';
import { accept, alreadyInEffect, type CustomerDecision, refuse } from './decision.ts';
import { customerIsChurned, customerNotChurned, lifecycleStageNotForward } from './errors-rules.ts';
import type { CustomerEvent } from './events.ts';
import { type ForwardStage, isForwardStage, lifecycleRank } from './lifecycle-stage.ts';
import type { CustomerLifecycle, RegisteredCustomer } from './state.ts';

/*
 * The reactivation rule. A reactivated customer re-enters the forward lifecycle where it left
 * it: it may advance to the forward stage it held before churning (`lastForwardStage`) or any
 * later one. So a won-back customer can become `customer` or `advocate` again, but is never
 * counted as a `lead` again, and the funnel's stage-to-stage figures stay honest. Once it has
 * advanced, the ordinary forward-only rule applies.
 */

/** Whether the customer, not churned, may move to `target` now. */
const canAdvanceTo = (lifecycle: CustomerLifecycle, target: ForwardStage): boolean =>
  isForwardStage(lifecycle.stage)
    ? lifecycleRank(target) > lifecycleRank(lifecycle.stage)
    : lifecycle.stage === 'reactivated' &&
      lifecycleRank(target) >= lifecycleRank(lifecycle.lastForwardStage);

const advanced = (
  state: RegisteredCustomer,
  to: ForwardStage,
  reason: NonEmptyString | null,
  at: Instant,
): CustomerEvent => ({
  type: 'CustomerLifecycleStageAdvanced',
  version: 1,
  data: { customerId: state.customerId, from: state.lifecycle.stage, to, reason, at },
});

/** Moves the customer to a later stage; anything else is refused (a churned customer must be reactivated first). */
export const decideAdvance = (
  { data }: AdvanceLifecycleStage,
  state: RegisteredCustomer,
): CustomerDecision => {
  const { lifecycle } = state;
  if (lifecycle.stage === 'churned') {
    return refuse(
      customerIsChurned(state.customerId, `reactivate it before moving it to ${data.stage}`),
    );
  }
  if (!canAdvanceTo(lifecycle, data.stage)) {
    return refuse(
      lifecycleStageNotForward(
        state.customerId,
        lifecycle.stage,
        data.stage,
        lifecycle.stage === 'reactivated' ? lifecycle.lastForwardStage : undefined,
      ),
    );
  }
  return accept(advanced(state, data.stage, data.reason ?? null, data.at));
};

/**
 * Makes sure the customer stands at `stage` or beyond, for policies: no events when it already
 * does. A churned customer is reactivated first (with the command's reason) and then advanced
 * if the reactivation rule still leaves it short of `stage`; a reactivated customer counts as
 * standing at the stage it held before churning, so it is advanced only to that stage or a
 * later one.
 */
export const decideEnsureAtLeast = (
  { data }: EnsureLifecycleStageAtLeast,
  state: RegisteredCustomer,
): CustomerDecision => {
  const { lifecycle } = state;
  if (lifecycle.stage === 'churned') {
    const reactivated: CustomerEvent = {
      type: 'CustomerReactivated',
      version: 1,
      data: { customerId: state.customerId, reason: data.reason, at: data.at },
    };
    const after: RegisteredCustomer = {
      ...state,
      lifecycle: { ...lifecycle, stage: 'reactivated', since: data.at },
    };
    return canAdvanceTo(after.lifecycle, data.stage)
      ? accept(reactivated, advanced(after, data.stage, data.reason, data.at))
      : accept(reactivated);
  }
  return canAdvanceTo(lifecycle, data.stage)
    ? accept(advanced(state, data.stage, data.reason, data.at))
    : alreadyInEffect;
};

/** Records that the customer was lost; a churned customer cannot churn again. */
export const decideChurn = (
  { data }: ChurnCustomer,
  state: RegisteredCustomer,
): CustomerDecision => {
  const { stage } = state.lifecycle;
  return stage === 'churned'
    ? refuse(customerIsChurned(state.customerId, 'it cannot churn again'))
    : accept({
        type: 'CustomerChurned',
        version: 1,
        data: { customerId: state.customerId, from: stage, reason: data.reason, at: data.at },
      });
};

/** Records that a churned customer was won back; only a churned customer can be. */
export const decideReactivation = (
  { data }: ReactivateCustomer,
  state: RegisteredCustomer,
): CustomerDecision =>
  state.lifecycle.stage === 'churned'
    ? accept({
        type: 'CustomerReactivated',
        version: 1,
        data: { customerId: state.customerId, reason: data.reason, at: data.at },
      })
    : refuse(customerNotChurned(state.customerId, state.lifecycle.stage));
