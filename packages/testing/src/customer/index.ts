export {
  addCustomerTagArbitrary,
  advanceLifecycleStageArbitrary,
  assignCustomerOwnerArbitrary,
  cancelFollowUpArbitrary,
  changeCustomerAddressArbitrary,
  changeCustomerEmailArbitrary,
  changeCustomerPhoneArbitrary,
  churnCustomerArbitrary,
  completeFollowUpArbitrary,
  correctCustomerNameArbitrary,
  customerCommandArbitrary,
  earnLoyaltyPointsArbitrary,
  ensureLifecycleStageAtLeastArbitrary,
  erasePersonalDataArbitrary,
  mergeCustomerIntoArbitrary,
  reactivateCustomerArbitrary,
  recordDuplicateAbsorbedArbitrary,
  recordDuplicateReleasedArbitrary,
  recordInteractionArbitrary,
  recordSatisfactionScoreArbitrary,
  redeemLoyaltyPointsArbitrary,
  registerCustomerArbitrary,
  removeCustomerTagArbitrary,
  revertCustomerMergeArbitrary,
  scheduleFollowUpArbitrary,
  updateCustomerPreferencesArbitrary,
} from './command-arbitraries.ts';
export { customerEventArbitraries, customerEventArbitrary } from './event-arbitraries.ts';
export type { CustomerHistory } from './history-arbitrary.ts';
export { customerHistoryArbitrary } from './history-arbitrary.ts';
export { customerSpecification } from './spec.ts';
export {
  partyArbitrary,
  postalAddressArbitrary,
  streamCustomerId,
} from './values.ts';
