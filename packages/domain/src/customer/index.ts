export { Acquisition, AcquisitionChannel, AcquisitionSource } from './acquisition.ts';
export { AddressLines, CountryCode, PostalAddress } from './address.ts';
export type { CustomerCommandType } from './commands.ts';
export { CustomerCommand, customerCommandCodecs, decodeCustomerCommand } from './commands.ts';
export {
  CancelFollowUp,
  CompleteFollowUp,
  EarnLoyaltyPoints,
  RecordInteraction,
  RecordSatisfactionScore,
  RedeemLoyaltyPoints,
  ScheduleFollowUp,
} from './commands-engagement.ts';
export {
  AdvanceLifecycleStage,
  ChurnCustomer,
  EnsureLifecycleStageAtLeast,
  ErasePersonalData,
  MergeCustomerInto,
  ReactivateCustomer,
  RecordDuplicateAbsorbed,
  RecordDuplicateReleased,
  RevertCustomerMerge,
} from './commands-lifecycle.ts';
export {
  AddCustomerTag,
  AssignCustomerOwner,
  ChangeCustomerAddress,
  ChangeCustomerEmail,
  ChangeCustomerPhone,
  CorrectCustomerName,
  RegisterCustomer,
  RemoveCustomerTag,
  UpdateCustomerPreferences,
} from './commands-profile.ts';
export { decideCustomer, recordsPersonalData } from './decide.ts';
export { customerDecider, customerInvariantBreaches } from './decider.ts';
export type { CustomerDecision } from './decision.ts';
export {
  CsatValue,
  InteractionChannel,
  InteractionDirection,
  LoyaltyPoints,
  maxLoyaltyPointsPerEntry,
  NpsValue,
  SatisfactionScore,
} from './engagement.ts';
export type { CustomerError, CustomerErrorTag } from './errors.ts';
export type {
  CustomerAlreadyRegistered,
  CustomerErased,
  CustomerIdMismatch,
  CustomerMergedAway,
  CustomerNotRegistered,
} from './errors-access.ts';
export type {
  CustomerNotMerged,
  InsufficientLoyaltyPoints,
  SurveyAlreadyAnswered,
  SurvivorIsAbsorbedDuplicate,
  SurvivorIsSameCustomer,
} from './errors-accounts.ts';
export type {
  CustomerIsChurned,
  CustomerNotChurned,
  FollowUpAlreadyClosed,
  FollowUpAlreadyScheduled,
  FollowUpDueInPast,
  FollowUpNotScheduled,
  LifecycleStageNotForward,
  PreferredChannelOptedOut,
  TagLimitReached,
  TooManyCustomPreferences,
} from './errors-rules.ts';
export type { CustomerEventType } from './events.ts';
export { CustomerEvent, customerEventCodecs, decodeCustomerEvent } from './events.ts';
export {
  FollowUpCancelled,
  FollowUpCompleted,
  FollowUpScheduled,
  InteractionRecorded,
  LoyaltyPointsEarned,
  LoyaltyPointsRedeemed,
  SatisfactionScoreRecorded,
} from './events-engagement.ts';
export {
  CustomerChurned,
  CustomerDuplicateAbsorbed,
  CustomerDuplicateReleased,
  CustomerLifecycleStageAdvanced,
  CustomerMerged,
  CustomerMergeReverted,
  CustomerPersonalDataErased,
  CustomerReactivated,
} from './events-lifecycle.ts';
export {
  CustomerAddressChanged,
  CustomerEmailChanged,
  CustomerNameCorrected,
  CustomerOwnerAssigned,
  CustomerPhoneChanged,
  CustomerPreferencesUpdated,
  CustomerRegistered,
  CustomerTagged,
  CustomerUntagged,
} from './events-profile.ts';
export { evolveCustomer } from './evolve.ts';
export type { IdSet } from './id-set.ts';
export {
  ChurnableStage,
  ForwardStage,
  forwardStages,
  isForwardStage,
  LifecycleStage,
  lifecycleRank,
} from './lifecycle-stage.ts';
export { Company, displayNameOf, Party, PartyKind, Person } from './party.ts';
export {
  CustomPreferences,
  LanguageTag,
  maxCustomPreferences,
  noPreferences,
  PreferenceKey,
  Preferences,
  PreferenceValue,
} from './preferences.ts';
export type {
  AnsweredSurveys,
  CustomerLifecycle,
  CustomerState,
  FollowUp,
  FollowUps,
  LastCommunication,
  LoyaltyAccount,
  RegisteredCustomer,
  ScoreSummary,
  UnregisteredCustomer,
} from './state.ts';
export { initialCustomerState, maxCustomerTags } from './state.ts';
export {
  CustomerRegisteredV1Data,
  customerRegisteredV1ToV2,
  customerUpcasters,
  personFromFullName,
} from './upcasters.ts';
