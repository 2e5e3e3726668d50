import type {
  AddCustomerTag,
  AdvanceLifecycleStage,
  AssignCustomerOwner,
  CancelFollowUp,
  ChangeCustomerAddress,
  ChangeCustomerEmail,
  ChangeCustomerPhone,
  ChurnCustomer,
  CompleteFollowUp,
  CorrectCustomerName,
  CustomerCommand,
  EarnLoyaltyPoints,
  EnsureLifecycleStageAtLeast,
  ErasePersonalData,
  Instant,
  MergeCustomerInto,
  ReactivateCustomer,
  RecordDuplicateAbsorbed,
  RecordDuplicateReleased,
  RecordInteraction,
  RecordSatisfactionScore,
  RedeemLoyaltyPoints,
  RegisterCustomer,
  RemoveCustomerTag,
  RevertCustomerMerge,
  ScheduleFollowUp,
  UpdateCustomerPreferences,
} from '@crm/domain';
import * as fc from 'fast-check';
import { tagArbitrary } from '../kernel-arbitraries.ts';
import {
  acquisitionArbitrary,
  atArbitrary,
  channelArbitrary,
  customerIdArbitrary,
  entryIdArbitrary,
  forwardStageArbitrary,
  languageArbitrary,
  partyArbitrary,
  plainDictionary,
  plainRecord,
  pointsArbitrary,
  postalAddressArbitrary,
  preferenceKeyArbitrary,
  preferenceValueArbitrary,
  rawEmailArbitrary,
  rawPhoneArbitrary,
  reasonArbitrary,
  satisfactionScoreArbitrary,
  staffArbitrary,
  streamCustomerId,
} from './values.ts';

type DataOf<TCommand extends CustomerCommand> = Omit<TCommand['data'], 'customerId' | 'at'>;

/** A command of `type` for the stream's customer, at a generated instant. */
const commandOf = <TCommand extends CustomerCommand>(
  type: TCommand['type'],
  data: fc.Arbitrary<DataOf<TCommand>>,
): fc.Arbitrary<TCommand> =>
  fc
    .tuple(data, atArbitrary)
    .map(
      ([fields, at]) =>
        ({ type, data: { customerId: streamCustomerId, ...fields, at } }) as TCommand,
    );

const nullable = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });

/** `RegisterCustomer` commands, with raw email and phone input (now and then invalid). */
export const registerCustomerArbitrary = fc
  .tuple(
    plainRecord(
      {
        party: partyArbitrary,
        email: rawEmailArbitrary,
        address: postalAddressArbitrary,
        acquisition: acquisitionArbitrary,
        ownerId: staffArbitrary,
      },
      { requiredKeys: ['party', 'acquisition', 'ownerId'] },
    ),
    fc.option(rawPhoneArbitrary, { nil: undefined }),
  )
  .chain(([fields, phone]) =>
    commandOf<RegisterCustomer>('RegisterCustomer', fc.constant({ ...fields, ...phone })),
  );

/** `CorrectCustomerName` commands for the stream's customer. */
export const correctCustomerNameArbitrary = commandOf<CorrectCustomerName>(
  'CorrectCustomerName',
  plainRecord({ party: partyArbitrary }),
);

/** `ChangeCustomerEmail` commands for the stream's customer. */
export const changeCustomerEmailArbitrary = commandOf<ChangeCustomerEmail>(
  'ChangeCustomerEmail',
  plainRecord({ email: nullable(rawEmailArbitrary) }),
);

/** `ChangeCustomerPhone` commands for the stream's customer. */
export const changeCustomerPhoneArbitrary = commandOf<ChangeCustomerPhone>(
  'ChangeCustomerPhone',
  nullable(rawPhoneArbitrary).map((phone) => phone ?? { phone: null }),
);

/** `ChangeCustomerAddress` commands for the stream's customer. */
export const changeCustomerAddressArbitrary = commandOf<ChangeCustomerAddress>(
  'ChangeCustomerAddress',
  plainRecord({ address: nullable(postalAddressArbitrary) }),
);

/** `AssignCustomerOwner` commands for the stream's customer. */
export const assignCustomerOwnerArbitrary = commandOf<AssignCustomerOwner>(
  'AssignCustomerOwner',
  plainRecord({ ownerId: staffArbitrary }),
);

/** `AddCustomerTag` commands for the stream's customer. */
export const addCustomerTagArbitrary = commandOf<AddCustomerTag>(
  'AddCustomerTag',
  plainRecord({ tag: tagArbitrary }),
);

/** `RemoveCustomerTag` commands for the stream's customer. */
export const removeCustomerTagArbitrary = commandOf<RemoveCustomerTag>(
  'RemoveCustomerTag',
  plainRecord({ tag: tagArbitrary }),
);

/** `UpdateCustomerPreferences` commands for the stream's customer. */
export const updateCustomerPreferencesArbitrary = commandOf<UpdateCustomerPreferences>(
  'UpdateCustomerPreferences',
  plainRecord(
    {
      preferredChannel: nullable(channelArbitrary),
      language: nullable(languageArbitrary),
      optOuts: fc.array(channelArbitrary, { maxLength: 3 }),
      custom: plainDictionary(preferenceKeyArbitrary, nullable(preferenceValueArbitrary), 3),
    },
    { requiredKeys: [] },
  ),
);

/** `AdvanceLifecycleStage` commands for the stream's customer. */
export const advanceLifecycleStageArbitrary = commandOf<AdvanceLifecycleStage>(
  'AdvanceLifecycleStage',
  plainRecord(
    { stage: forwardStageArbitrary, reason: reasonArbitrary },
    { requiredKeys: ['stage'] },
  ),
);

/** `EnsureLifecycleStageAtLeast` commands for the stream's customer. */
export const ensureLifecycleStageAtLeastArbitrary = commandOf<EnsureLifecycleStageAtLeast>(
  'EnsureLifecycleStageAtLeast',
  plainRecord({ stage: forwardStageArbitrary, reason: reasonArbitrary }),
);

/** `ChurnCustomer` commands for the stream's customer. */
export const churnCustomerArbitrary = commandOf<ChurnCustomer>(
  'ChurnCustomer',
  plainRecord({ reason: reasonArbitrary }),
);

/** `ReactivateCustomer` commands for the stream's customer. */
export const reactivateCustomerArbitrary = commandOf<ReactivateCustomer>(
  'ReactivateCustomer',
  plainRecord({ reason: reasonArbitrary }),
);

/** `RecordInteraction` commands for the stream's customer. */
export const recordInteractionArbitrary = commandOf<RecordInteraction>(
  'RecordInteraction',
  plainRecord({
    interactionId: entryIdArbitrary('interaction-'),
    channel: channelArbitrary,
    direction: fc.constantFrom('inbound' as const, 'outbound' as const),
    summary: reasonArbitrary,
    by: staffArbitrary,
  }),
);

/** `ScheduleFollowUp` commands for the stream's customer, mostly due after they are scheduled. */
export const scheduleFollowUpArbitrary = fc
  .tuple(
    commandOf<ScheduleFollowUp>(
      'ScheduleFollowUp',
      plainRecord(
        {
          followUpId: entryIdArbitrary('follow-up-'),
          dueAt: atArbitrary,
          assigneeId: staffArbitrary,
          note: reasonArbitrary,
        },
        { requiredKeys: ['followUpId', 'dueAt', 'assigneeId'] },
      ),
    ),
    fc.integer({ min: -1, max: 30 }),
  )
  .map(([command, days]): ScheduleFollowUp => {
    const dueAt = new Date(
      Date.parse(command.data.at) + days * 86_400_000,
    ).toISOString() as Instant;
    return { ...command, data: { ...command.data, dueAt } };
  });

/** `CompleteFollowUp` commands for the stream's customer. */
export const completeFollowUpArbitrary = commandOf<CompleteFollowUp>(
  'CompleteFollowUp',
  plainRecord({ followUpId: entryIdArbitrary('follow-up-') }),
);

/** `CancelFollowUp` commands for the stream's customer. */
export const cancelFollowUpArbitrary = commandOf<CancelFollowUp>(
  'CancelFollowUp',
  plainRecord({ followUpId: entryIdArbitrary('follow-up-'), reason: reasonArbitrary }),
);

/** `RecordSatisfactionScore` commands for the stream's customer. */
export const recordSatisfactionScoreArbitrary = commandOf<RecordSatisfactionScore>(
  'RecordSatisfactionScore',
  plainRecord({ surveyId: entryIdArbitrary('survey-'), score: satisfactionScoreArbitrary }),
);

const loyaltyFields = (maxPoints: number) =>
  plainRecord(
    { points: pointsArbitrary(maxPoints), reason: reasonArbitrary, reference: reasonArbitrary },
    { requiredKeys: ['points', 'reason'] },
  ) as fc.Arbitrary<DataOf<EarnLoyaltyPoints>>;

/** `EarnLoyaltyPoints` commands for the stream's customer. */
export const earnLoyaltyPointsArbitrary = commandOf<EarnLoyaltyPoints>(
  'EarnLoyaltyPoints',
  loyaltyFields(500),
);

/** `RedeemLoyaltyPoints` commands for the stream's customer. */
export const redeemLoyaltyPointsArbitrary = commandOf<RedeemLoyaltyPoints>(
  'RedeemLoyaltyPoints',
  // Smaller than earnings, so that redemptions often land and sometimes do not.
  loyaltyFields(150),
);

/** `MergeCustomerInto` commands for the stream's customer. */
export const mergeCustomerIntoArbitrary = commandOf<MergeCustomerInto>(
  'MergeCustomerInto',
  plainRecord({ survivorId: customerIdArbitrary }),
);

/** `RevertCustomerMerge` commands for the stream's customer. */
export const revertCustomerMergeArbitrary = commandOf<RevertCustomerMerge>(
  'RevertCustomerMerge',
  plainRecord({ reason: reasonArbitrary }),
);

/** `RecordDuplicateAbsorbed` commands for the stream's customer. */
export const recordDuplicateAbsorbedArbitrary = commandOf<RecordDuplicateAbsorbed>(
  'RecordDuplicateAbsorbed',
  plainRecord({ duplicateId: customerIdArbitrary }),
);

/** `RecordDuplicateReleased` commands for the stream's customer. */
export const recordDuplicateReleasedArbitrary = commandOf<RecordDuplicateReleased>(
  'RecordDuplicateReleased',
  plainRecord({ duplicateId: customerIdArbitrary }),
);

/** `ErasePersonalData` commands for the stream's customer. */
export const erasePersonalDataArbitrary = commandOf<ErasePersonalData>(
  'ErasePersonalData',
  plainRecord({ reason: reasonArbitrary }),
);

/**
 * Any customer command for the stream's customer, valid for a given state or not. Weighted so
 * that generated histories are rich: merges and erasure, which end or narrow what a customer
 * accepts, are rarer than everyday commands.
 */
export const customerCommandArbitrary: fc.Arbitrary<CustomerCommand> = fc.oneof(
  { arbitrary: registerCustomerArbitrary, weight: 1 },
  { arbitrary: correctCustomerNameArbitrary, weight: 2 },
  { arbitrary: changeCustomerEmailArbitrary, weight: 2 },
  { arbitrary: changeCustomerPhoneArbitrary, weight: 2 },
  { arbitrary: changeCustomerAddressArbitrary, weight: 2 },
  { arbitrary: assignCustomerOwnerArbitrary, weight: 2 },
  { arbitrary: addCustomerTagArbitrary, weight: 3 },
  { arbitrary: removeCustomerTagArbitrary, weight: 2 },
  { arbitrary: updateCustomerPreferencesArbitrary, weight: 3 },
  { arbitrary: advanceLifecycleStageArbitrary, weight: 5 },
  { arbitrary: ensureLifecycleStageAtLeastArbitrary, weight: 4 },
  { arbitrary: churnCustomerArbitrary, weight: 3 },
  { arbitrary: reactivateCustomerArbitrary, weight: 3 },
  { arbitrary: recordInteractionArbitrary, weight: 3 },
  { arbitrary: scheduleFollowUpArbitrary, weight: 3 },
  { arbitrary: completeFollowUpArbitrary, weight: 2 },
  { arbitrary: cancelFollowUpArbitrary, weight: 2 },
  { arbitrary: recordSatisfactionScoreArbitrary, weight: 3 },
  { arbitrary: earnLoyaltyPointsArbitrary, weight: 4 },
  { arbitrary: redeemLoyaltyPointsArbitrary, weight: 4 },
  { arbitrary: mergeCustomerIntoArbitrary, weight: 1 },
  { arbitrary: revertCustomerMergeArbitrary, weight: 2 },
  { arbitrary: recordDuplicateAbsorbedArbitrary, weight: 2 },
  { arbitrary: recordDuplicateReleasedArbitrary, weight: 2 },
  { arbitrary: erasePersonalDataArbitrary, weight: 1 },
);
