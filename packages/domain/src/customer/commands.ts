import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeByType } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import {
  CancelFollowUp,
  CompleteFollowUp,
  EarnLoyaltyPoints,
  RecordInteraction,
  RecordSatisfactionScore,
  RedeemLoyaltyPoints,
  ScheduleFollowUp,
} from './commands-engagement.ts';
import {
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
import {
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

/** Every customer command's codec, by command type. */
export const customerCommandCodecs = {
  RegisterCustomer,
  CorrectCustomerName,
  ChangeCustomerEmail,
  ChangeCustomerPhone,
  ChangeCustomerAddress,
  AssignCustomerOwner,
  AddCustomerTag,
  RemoveCustomerTag,
  UpdateCustomerPreferences,
  AdvanceLifecycleStage,
  EnsureLifecycleStageAtLeast,
  ChurnCustomer,
  ReactivateCustomer,
  RecordInteraction,
  ScheduleFollowUp,
  CompleteFollowUp,
  CancelFollowUp,
  RecordSatisfactionScore,
  EarnLoyaltyPoints,
  RedeemLoyaltyPoints,
  MergeCustomerInto,
  RevertCustomerMerge,
  RecordDuplicateAbsorbed,
  RecordDuplicateReleased,
  ErasePersonalData,
} as const;

/** Any command the customer aggregate takes. */
export const CustomerCommand = t.union([
  RegisterCustomer,
  CorrectCustomerName,
  ChangeCustomerEmail,
  ChangeCustomerPhone,
  ChangeCustomerAddress,
  AssignCustomerOwner,
  AddCustomerTag,
  RemoveCustomerTag,
  UpdateCustomerPreferences,
  AdvanceLifecycleStage,
  EnsureLifecycleStageAtLeast,
  ChurnCustomer,
  ReactivateCustomer,
  RecordInteraction,
  ScheduleFollowUp,
  CompleteFollowUp,
  CancelFollowUp,
  RecordSatisfactionScore,
  EarnLoyaltyPoints,
  RedeemLoyaltyPoints,
  MergeCustomerInto,
  RevertCustomerMerge,
  RecordDuplicateAbsorbed,
  RecordDuplicateReleased,
  ErasePersonalData,
]);
export type CustomerCommand = t.TypeOf<typeof CustomerCommand>;

/** The type of every customer command (`RegisterCustomer`, `ChurnCustomer`…). */
export type CustomerCommandType = CustomerCommand['type'];

/**
 * Decodes untrusted input (a request body, a queue message) into a customer command, or
 * `InvalidInput` naming the offending field (`data.party.familyName`).
 */
export const decodeCustomerCommand = (input: unknown): E.Either<InvalidInput, CustomerCommand> =>
  decodeByType(customerCommandCodecs, input);
