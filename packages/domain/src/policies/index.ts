export { policyCommandId } from './command-id.ts';
export {
  campaignConversionPromotesCustomer,
  dealOpenedPromotesCustomer,
  dealWonPromotesCustomer,
} from './lifecycle-policies.ts';
export {
  customerMergeNotifiesSurvivor,
  customerMergeRevertNotifiesSurvivor,
} from './merge-policies.ts';
export type {
  Policy,
  PolicyCommand,
  PolicyCommandTo,
  PolicyName,
} from './policy.ts';
export { policies, reactTo } from './registry.ts';
