import type { CustomerEvent } from '@crm/domain';
import * as fc from 'fast-check';
import { tagArbitrary } from '../kernel-arbitraries.ts';
import {
  acquisitionArbitrary,
  atArbitrary,
  channelArbitrary,
  customerIdArbitrary,
  emailAddressArbitrary,
  entryIdArbitrary,
  forwardStageArbitrary,
  languageArbitrary,
  partyArbitrary,
  phoneE164Arbitrary,
  plainDictionary,
  plainRecord,
  pointsArbitrary,
  postalAddressArbitrary,
  preferenceKeyArbitrary,
  preferenceValueArbitrary,
  reasonArbitrary,
  satisfactionScoreArbitrary,
  staffArbitrary,
  streamCustomerId,
} from './values.ts';

type EventOf<TType extends CustomerEvent['type']> = Extract<CustomerEvent, { type: TType }>;
type FieldsOf<TType extends CustomerEvent['type']> = Omit<
  EventOf<TType>['data'],
  'customerId' | 'at'
>;

/** An event of `type` at its current version, for the stream's customer. */
const eventOf = <TType extends CustomerEvent['type']>(
  type: TType,
  version: EventOf<TType>['version'],
  data: fc.Arbitrary<FieldsOf<TType>>,
): fc.Arbitrary<EventOf<TType>> =>
  fc.tuple(data, atArbitrary).map(
    ([fields, at]) =>
      ({
        type,
        version,
        data: { customerId: streamCustomerId, ...fields, at },
      }) as unknown as EventOf<TType>,
  );

const nullable = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof(arbitrary, fc.constant(null));

const stageArbitrary = fc.oneof(
  forwardStageArbitrary,
  fc.constantFrom('churned' as const, 'reactivated' as const),
);

/** An arbitrary of each customer event, by event type: well-formed, at its current version. */
export const customerEventArbitraries: {
  readonly [TType in CustomerEvent['type']]: fc.Arbitrary<EventOf<TType>>;
} = {
  CustomerRegistered: eventOf(
    'CustomerRegistered',
    2,
    plainRecord({
      party: partyArbitrary,
      email: nullable(emailAddressArbitrary),
      phone: nullable(phoneE164Arbitrary),
      address: nullable(postalAddressArbitrary),
      acquisition: acquisitionArbitrary,
      ownerId: staffArbitrary,
    }),
  ),
  CustomerNameCorrected: eventOf(
    'CustomerNameCorrected',
    1,
    plainRecord({ party: partyArbitrary }),
  ),
  CustomerEmailChanged: eventOf(
    'CustomerEmailChanged',
    1,
    plainRecord({ email: nullable(emailAddressArbitrary) }),
  ),
  CustomerPhoneChanged: eventOf(
    'CustomerPhoneChanged',
    1,
    plainRecord({ phone: nullable(phoneE164Arbitrary) }),
  ),
  CustomerAddressChanged: eventOf(
    'CustomerAddressChanged',
    1,
    plainRecord({ address: nullable(postalAddressArbitrary) }),
  ),
  CustomerOwnerAssigned: eventOf(
    'CustomerOwnerAssigned',
    1,
    plainRecord({ ownerId: staffArbitrary, previousOwnerId: staffArbitrary }),
  ),
  CustomerTagged: eventOf('CustomerTagged', 1, plainRecord({ tag: tagArbitrary })),
  CustomerUntagged: eventOf('CustomerUntagged', 1, plainRecord({ tag: tagArbitrary })),
  CustomerPreferencesUpdated: eventOf(
    'CustomerPreferencesUpdated',
    1,
    plainRecord({
      preferences: plainRecord({
        preferredChannel: nullable(channelArbitrary),
        language: nullable(languageArbitrary),
        optOuts: fc.uniqueArray(channelArbitrary, { maxLength: 3 }),
        custom: plainDictionary(preferenceKeyArbitrary, preferenceValueArbitrary, 3),
      }),
    }),
  ),
  CustomerLifecycleStageAdvanced: eventOf(
    'CustomerLifecycleStageAdvanced',
    1,
    plainRecord({
      from: stageArbitrary,
      to: forwardStageArbitrary,
      reason: nullable(reasonArbitrary),
    }),
  ),
  CustomerChurned: eventOf(
    'CustomerChurned',
    1,
    plainRecord({
      from: fc.oneof(forwardStageArbitrary, fc.constant('reactivated' as const)),
      reason: reasonArbitrary,
    }),
  ),
  CustomerReactivated: eventOf('CustomerReactivated', 1, plainRecord({ reason: reasonArbitrary })),
  InteractionRecorded: eventOf(
    'InteractionRecorded',
    1,
    plainRecord({
      interactionId: entryIdArbitrary('interaction-'),
      channel: channelArbitrary,
      direction: fc.constantFrom('inbound' as const, 'outbound' as const),
      summary: reasonArbitrary,
      by: staffArbitrary,
    }),
  ),
  FollowUpScheduled: eventOf(
    'FollowUpScheduled',
    1,
    plainRecord({
      followUpId: entryIdArbitrary('follow-up-'),
      dueAt: atArbitrary,
      assigneeId: staffArbitrary,
      note: nullable(reasonArbitrary),
    }),
  ),
  FollowUpCompleted: eventOf(
    'FollowUpCompleted',
    1,
    plainRecord({ followUpId: entryIdArbitrary('follow-up-') }),
  ),
  FollowUpCancelled: eventOf(
    'FollowUpCancelled',
    1,
    plainRecord({ followUpId: entryIdArbitrary('follow-up-'), reason: reasonArbitrary }),
  ),
  SatisfactionScoreRecorded: eventOf(
    'SatisfactionScoreRecorded',
    1,
    plainRecord({ surveyId: entryIdArbitrary('survey-'), score: satisfactionScoreArbitrary }),
  ),
  LoyaltyPointsEarned: eventOf(
    'LoyaltyPointsEarned',
    1,
    plainRecord({
      points: pointsArbitrary(),
      reason: reasonArbitrary,
      reference: nullable(reasonArbitrary),
    }) as fc.Arbitrary<FieldsOf<'LoyaltyPointsEarned'>>,
  ),
  LoyaltyPointsRedeemed: eventOf(
    'LoyaltyPointsRedeemed',
    1,
    plainRecord({
      points: pointsArbitrary(),
      reason: reasonArbitrary,
      reference: nullable(reasonArbitrary),
    }) as fc.Arbitrary<FieldsOf<'LoyaltyPointsRedeemed'>>,
  ),
  CustomerMerged: eventOf('CustomerMerged', 1, plainRecord({ survivorId: customerIdArbitrary })),
  CustomerMergeReverted: eventOf(
    'CustomerMergeReverted',
    1,
    plainRecord({ survivorId: customerIdArbitrary, reason: reasonArbitrary }),
  ),
  CustomerDuplicateAbsorbed: eventOf(
    'CustomerDuplicateAbsorbed',
    1,
    plainRecord({ duplicateId: customerIdArbitrary }),
  ),
  CustomerDuplicateReleased: eventOf(
    'CustomerDuplicateReleased',
    1,
    plainRecord({ duplicateId: customerIdArbitrary }),
  ),
  CustomerPersonalDataErased: eventOf(
    'CustomerPersonalDataErased',
    1,
    plainRecord({ reason: reasonArbitrary }),
  ),
};

/** Any customer event, well-formed but not necessarily applicable to a given state. */
export const customerEventArbitrary: fc.Arbitrary<CustomerEvent> = fc.oneof(
  ...Object.values(customerEventArbitraries),
);
