import {
  type CustomerCommand,
  type CustomerError,
  type CustomerEvent,
  type CustomerState,
  customerCommandCodecs,
  customerDecider,
  customerEventCodecs,
  decodeCustomerEvent,
} from '@crm/domain';
import { defineRoute } from '../handling/command-route.ts';

const party = ['party.givenName', 'party.familyName', 'party.legalName'];

/**
 * The customer aggregate's route. Its personal data, encrypted under the customer's own key,
 * is what the domain's erasure drops: the name (the party's names; its kind stays readable),
 * email, phone, postal address, interaction summaries, follow-up notes and free preferences.
 * Owned by `ownerId` (for a registration, by the owner it names).
 */
export const customerRoute = defineRoute<
  CustomerCommand,
  CustomerEvent,
  CustomerState,
  CustomerError
>({
  aggregate: 'customer',
  decider: customerDecider,
  commandCodecs: customerCommandCodecs,
  eventCodecs: customerEventCodecs,
  decodeEvent: decodeCustomerEvent,
  aggregateIdOf: (command) => command.data.customerId,
  ownerOf: (state, command) =>
    state.status === 'registered'
      ? state.ownerId
      : command.type === 'RegisterCustomer'
        ? command.data.ownerId
        : undefined,
  personalData: {
    fields: {
      CustomerRegistered: [...party, 'email', 'phone', 'address'],
      CustomerNameCorrected: party,
      CustomerEmailChanged: ['email'],
      CustomerPhoneChanged: ['phone'],
      CustomerAddressChanged: ['address'],
      CustomerPreferencesUpdated: ['preferences.custom'],
      InteractionRecorded: ['summary'],
      FollowUpScheduled: ['note'],
    },
    subjectOf: (_event, _state, customerId) => customerId,
    snapshotSubjectOf: (_state, customerId) => customerId,
  },
  erasure: { commandType: 'ErasePersonalData', subjectOf: (command) => command.data.customerId },
  // 2: follow-ups and answered surveys moved to id sets; snapshots of version 1 are ignored.
  snapshots: { every: 100, stateVersion: 2 },
});
