import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { decodeByType, decodeWith } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { upcastEvent } from '../kernel/upcaster.ts';
import {
  FollowUpCancelled,
  FollowUpCompleted,
  FollowUpScheduled,
  InteractionRecorded,
  LoyaltyPointsEarned,
  LoyaltyPointsRedeemed,
  SatisfactionScoreRecorded,
} from './events-engagement.ts';
import {
  CustomerChurned,
  CustomerDuplicateAbsorbed,
  CustomerDuplicateReleased,
  CustomerLifecycleStageAdvanced,
  CustomerMerged,
  CustomerMergeReverted,
  CustomerPersonalDataErased,
  CustomerReactivated,
} from './events-lifecycle.ts';
import {
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
import { customerUpcasters } from './upcasters.ts';

/** Every customer event's codec (at its current schema version), by event type. */
export const customerEventCodecs = {
  CustomerRegistered,
  CustomerNameCorrected,
  CustomerEmailChanged,
  CustomerPhoneChanged,
  CustomerAddressChanged,
  CustomerOwnerAssigned,
  CustomerTagged,
  CustomerUntagged,
  CustomerPreferencesUpdated,
  CustomerLifecycleStageAdvanced,
  CustomerChurned,
  CustomerReactivated,
  InteractionRecorded,
  FollowUpScheduled,
  FollowUpCompleted,
  FollowUpCancelled,
  SatisfactionScoreRecorded,
  LoyaltyPointsEarned,
  LoyaltyPointsRedeemed,
  CustomerMerged,
  CustomerMergeReverted,
  CustomerDuplicateAbsorbed,
  CustomerDuplicateReleased,
  CustomerPersonalDataErased,
} as const;

/** Any event of the customer aggregate, at its current schema version. */
export const CustomerEvent = t.union([
  CustomerRegistered,
  CustomerNameCorrected,
  CustomerEmailChanged,
  CustomerPhoneChanged,
  CustomerAddressChanged,
  CustomerOwnerAssigned,
  CustomerTagged,
  CustomerUntagged,
  CustomerPreferencesUpdated,
  CustomerLifecycleStageAdvanced,
  CustomerChurned,
  CustomerReactivated,
  InteractionRecorded,
  FollowUpScheduled,
  FollowUpCompleted,
  FollowUpCancelled,
  SatisfactionScoreRecorded,
  LoyaltyPointsEarned,
  LoyaltyPointsRedeemed,
  CustomerMerged,
  CustomerMergeReverted,
  CustomerDuplicateAbsorbed,
  CustomerDuplicateReleased,
  CustomerPersonalDataErased,
]);
export type CustomerEvent = t.TypeOf<typeof CustomerEvent>;

/** The type of every customer event (`CustomerRegistered`, `CustomerChurned`…). */
export type CustomerEventType = CustomerEvent['type'];

const StoredShape = t.type({ type: t.string, version: t.number, data: t.unknown });

/**
 * Reads a stored customer event of any schema version as the current one: checks the stored
 * shape, upcasts older versions, then decodes with the current codec. Malformed input gives
 * `InvalidInput` naming the field.
 *
 * @example
 * decodeCustomerEvent({ type: 'CustomerRegistered', version: 1, data: JSON.parse(row.data) });
 */
export const decodeCustomerEvent = (stored: unknown): E.Either<InvalidInput, CustomerEvent> =>
  pipe(
    decodeWith(StoredShape, stored),
    E.flatMap((shape) => upcastEvent(customerUpcasters, shape)),
    E.flatMap((current) => decodeByType(customerEventCodecs, current)),
  );
