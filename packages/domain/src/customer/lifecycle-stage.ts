import * as t from 'io-ts';

/** The forward stages, in order: a customer only ever moves to a later one of these. */
export const forwardStages = [
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'advocate',
] as const;

/** A stage of the forward lifecycle `lead → … → advocate`. */
export const ForwardStage = t.keyof({
  lead: null,
  marketing_qualified: null,
  sales_qualified: null,
  opportunity: null,
  customer: null,
  advocate: null,
});
export type ForwardStage = t.TypeOf<typeof ForwardStage>;

/** Any lifecycle stage: a forward stage, `churned`, or `reactivated` (won back after churn). */
export const LifecycleStage = t.keyof({
  ...ForwardStage.keys,
  churned: null,
  reactivated: null,
});
export type LifecycleStage = t.TypeOf<typeof LifecycleStage>;

/** Any stage a customer can churn from (every stage but `churned`). */
export const ChurnableStage = t.keyof({ ...ForwardStage.keys, reactivated: null });
export type ChurnableStage = t.TypeOf<typeof ChurnableStage>;

/** Position of a forward stage in the lifecycle, from 0 (`lead`) to 5 (`advocate`). */
export const lifecycleRank = (stage: ForwardStage): number => forwardStages.indexOf(stage);

/** True for the six stages of the forward lifecycle. */
export const isForwardStage = (stage: LifecycleStage): stage is ForwardStage =>
  ForwardStage.is(stage);

/** The later of two forward stages. */
export const laterStage = (a: ForwardStage, b: ForwardStage): ForwardStage =>
  lifecycleRank(a) >= lifecycleRank(b) ? a : b;
