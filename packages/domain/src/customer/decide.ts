import type { InvalidInput } from '../kernel/domain-error.ts';
import type { CustomerCommand } from './commands.ts';
import { decideAddressChange, decideEmailChange, decidePhoneChange } from './decide-contact.ts';
import {
  decideFollowUpCancellation,
  decideFollowUpCompletion,
  decideFollowUpScheduling,
  decideInteraction,
  decideLoyaltyEarning,
  decideLoyaltyRedemption,
  decideSatisfactionScore,
} from './decide-engagement.ts';
import {
  decideAdvance,
  decideChurn,
  decideEnsureAtLeast,
  decideReactivation,
} from './decide-lifecycle.ts';
import {
  decideDuplicateAbsorbed,
  decideDuplicateReleased,
  decideErasure,
  decideMerge,
  decideMergeRevert,
} from './decide-merge.ts';
import { decidePreferencesUpdate } from './decide-preferences.ts';
import {
  decideNameCorrection,
  decideOwnerAssignment,
  decideRegistration,
  decideTagAddition,
  decideTagRemoval,
} from './decide-profile.ts';
import { type CustomerDecision, refuse } from './decision.ts';
import {
  customerAlreadyRegistered,
  customerErased,
  customerIdMismatch,
  customerMergedAway,
  customerNotRegistered,
} from './errors-access.ts';
import type { CustomerState, RegisteredCustomer } from './state.ts';

const unknownCommand = (command: never): InvalidInput => {
  const type = String((command as { readonly type?: unknown }).type);
  const message = `expected a customer command type, got ${type}`;
  return { _tag: 'InvalidInput', field: 'type', issues: [{ field: 'type', message }], message };
};

/**
 * Whether the command would record personal data. Once erased, a customer refuses these; a
 * command that removes data (`email: null`) or carries none (a follow-up without a note) is not one.
 */
export const recordsPersonalData = (command: CustomerCommand): boolean => {
  switch (command.type) {
    case 'CorrectCustomerName':
    case 'RecordInteraction':
      return true;
    case 'ChangeCustomerEmail':
      return command.data.email !== null;
    case 'ChangeCustomerPhone':
      return command.data.phone !== null;
    case 'ChangeCustomerAddress':
      return command.data.address !== null;
    case 'ScheduleFollowUp':
      return command.data.note !== undefined;
    case 'UpdateCustomerPreferences':
      return Object.values(command.data.custom ?? {}).some((value) => value !== null);
    default:
      return false;
  }
};

const decideRegistered = (
  command: CustomerCommand,
  state: RegisteredCustomer,
): CustomerDecision => {
  switch (command.type) {
    case 'RegisterCustomer':
      return refuse(customerAlreadyRegistered(state.customerId));
    case 'CorrectCustomerName':
      return decideNameCorrection(command, state);
    case 'ChangeCustomerEmail':
      return decideEmailChange(command, state);
    case 'ChangeCustomerPhone':
      return decidePhoneChange(command, state);
    case 'ChangeCustomerAddress':
      return decideAddressChange(command, state);
    case 'AssignCustomerOwner':
      return decideOwnerAssignment(command, state);
    case 'AddCustomerTag':
      return decideTagAddition(command, state);
    case 'RemoveCustomerTag':
      return decideTagRemoval(command, state);
    case 'UpdateCustomerPreferences':
      return decidePreferencesUpdate(command, state.preferences);
    case 'AdvanceLifecycleStage':
      return decideAdvance(command, state);
    case 'EnsureLifecycleStageAtLeast':
      return decideEnsureAtLeast(command, state);
    case 'ChurnCustomer':
      return decideChurn(command, state);
    case 'ReactivateCustomer':
      return decideReactivation(command, state);
    case 'RecordInteraction':
      return decideInteraction(command);
    case 'ScheduleFollowUp':
      return decideFollowUpScheduling(command, state);
    case 'CompleteFollowUp':
      return decideFollowUpCompletion(command, state);
    case 'CancelFollowUp':
      return decideFollowUpCancellation(command, state);
    case 'RecordSatisfactionScore':
      return decideSatisfactionScore(command, state);
    case 'EarnLoyaltyPoints':
      return decideLoyaltyEarning(command);
    case 'RedeemLoyaltyPoints':
      return decideLoyaltyRedemption(command, state);
    case 'MergeCustomerInto':
      return decideMerge(command, state);
    case 'RevertCustomerMerge':
      return decideMergeRevert(command, state);
    case 'RecordDuplicateAbsorbed':
      return decideDuplicateAbsorbed(command, state);
    case 'RecordDuplicateReleased':
      return decideDuplicateReleased(command, state);
    case 'ErasePersonalData':
      return decideErasure(command, state);
    default:
      // Unreachable for typed commands; an unknown one built at run time is refused, not thrown.
      return refuse(unknownCommand(command));
  }
};

/**
 * Decides a customer command. The checks that apply to every command come first, in this order:
 * the customer must be registered (`CustomerNotRegistered`; only `RegisterCustomer` works on an
 * empty stream); the command must name this customer (`CustomerIdMismatch`); a merged-away
 * customer takes nothing but `RevertCustomerMerge` (`CustomerMergedAway`, naming the survivor);
 * an erased customer takes no personal data (`CustomerErased`). Then each command's own rules.
 */
export const decideCustomer = (
  command: CustomerCommand,
  state: CustomerState,
): CustomerDecision => {
  if (state.status === 'unregistered') {
    return command.type === 'RegisterCustomer'
      ? decideRegistration(command)
      : refuse(customerNotRegistered(command.data.customerId));
  }
  if (command.data.customerId !== state.customerId) {
    return refuse(customerIdMismatch(state.customerId, command.data.customerId));
  }
  if (state.mergedInto !== null && command.type !== 'RevertCustomerMerge') {
    return refuse(customerMergedAway(state.customerId, state.mergedInto));
  }
  if (state.erasedAt !== null && recordsPersonalData(command)) {
    return refuse(customerErased(state.customerId, command.type));
  }
  return decideRegistered(command, state);
};
