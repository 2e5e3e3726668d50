import * as t from 'io-ts';
import { CustomerId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { eventCodec } from './codec-shapes.ts';
import { ChurnableStage, ForwardStage, LifecycleStage } from './lifecycle-stage.ts';

/** The customer moved forward from `from` to the forward stage `to`. */
export const CustomerLifecycleStageAdvanced = eventCodec(
  'CustomerLifecycleStageAdvanced',
  1,
  t.readonly(
    t.type({
      customerId: CustomerId,
      from: LifecycleStage,
      to: ForwardStage,
      reason: t.union([NonEmptyString, t.null]),
      at: Instant,
    }),
  ),
);
export type CustomerLifecycleStageAdvanced = t.TypeOf<typeof CustomerLifecycleStageAdvanced>;

/** The customer was lost while at stage `from`. */
export const CustomerChurned = eventCodec(
  'CustomerChurned',
  1,
  t.readonly(
    t.type({ customerId: CustomerId, from: ChurnableStage, reason: NonEmptyString, at: Instant }),
  ),
);
export type CustomerChurned = t.TypeOf<typeof CustomerChurned>;

/** A churned customer was won back. */
export const CustomerReactivated = eventCodec(
  'CustomerReactivated',
  1,
  t.readonly(t.type({ customerId: CustomerId, reason: NonEmptyString, at: Instant })),
);
export type CustomerReactivated = t.TypeOf<typeof CustomerReactivated>;

/** This customer (a duplicate) was merged into `survivorId` and is now a tombstone pointing at it. */
export const CustomerMerged = eventCodec(
  'CustomerMerged',
  1,
  t.readonly(t.type({ customerId: CustomerId, survivorId: CustomerId, at: Instant })),
);
export type CustomerMerged = t.TypeOf<typeof CustomerMerged>;

/** This customer's merge into `survivorId` was undone; it stands on its own again. */
export const CustomerMergeReverted = eventCodec(
  'CustomerMergeReverted',
  1,
  t.readonly(
    t.type({
      customerId: CustomerId,
      survivorId: CustomerId,
      reason: NonEmptyString,
      at: Instant,
    }),
  ),
);
export type CustomerMergeReverted = t.TypeOf<typeof CustomerMergeReverted>;

/** On the survivor's stream: the duplicate `duplicateId` was merged into this customer. */
export const CustomerDuplicateAbsorbed = eventCodec(
  'CustomerDuplicateAbsorbed',
  1,
  t.readonly(t.type({ customerId: CustomerId, duplicateId: CustomerId, at: Instant })),
);
export type CustomerDuplicateAbsorbed = t.TypeOf<typeof CustomerDuplicateAbsorbed>;

/** On the survivor's stream: the merge of `duplicateId` into this customer was reverted. */
export const CustomerDuplicateReleased = eventCodec(
  'CustomerDuplicateReleased',
  1,
  t.readonly(t.type({ customerId: CustomerId, duplicateId: CustomerId, at: Instant })),
);
export type CustomerDuplicateReleased = t.TypeOf<typeof CustomerDuplicateReleased>;

/**
 * The customer's personal data was erased: read models and state drop the name, contact
 * channels, address, interaction summaries, follow-up notes and free preferences.
 */
export const CustomerPersonalDataErased = eventCodec(
  'CustomerPersonalDataErased',
  1,
  t.readonly(t.type({ customerId: CustomerId, reason: NonEmptyString, at: Instant })),
);
export type CustomerPersonalDataErased = t.TypeOf<typeof CustomerPersonalDataErased>;
