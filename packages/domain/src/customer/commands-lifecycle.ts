import * as t from 'io-ts';
import { CustomerId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { commandCodec } from './codec-shapes.ts';
import { ForwardStage } from './lifecycle-stage.ts';

/** Moves the customer to a later forward stage (skipping stages is allowed). */
export const AdvanceLifecycleStage = commandCodec(
  'AdvanceLifecycleStage',
  t.readonly(
    t.intersection([
      t.type({ customerId: CustomerId, stage: ForwardStage, at: Instant }),
      t.partial({ reason: NonEmptyString }),
    ]),
  ),
);
export type AdvanceLifecycleStage = t.TypeOf<typeof AdvanceLifecycleStage>;

/**
 * For policies: makes sure the customer stands at `stage` or beyond. A no-op (no events) when it
 * already does; a churned customer is reactivated first, then advanced if still needed.
 */
export const EnsureLifecycleStageAtLeast = commandCodec(
  'EnsureLifecycleStageAtLeast',
  t.readonly(
    t.type({ customerId: CustomerId, stage: ForwardStage, at: Instant, reason: NonEmptyString }),
  ),
);
export type EnsureLifecycleStageAtLeast = t.TypeOf<typeof EnsureLifecycleStageAtLeast>;

/** Records that the customer was lost, with the reason. */
export const ChurnCustomer = commandCodec(
  'ChurnCustomer',
  t.readonly(t.type({ customerId: CustomerId, reason: NonEmptyString, at: Instant })),
);
export type ChurnCustomer = t.TypeOf<typeof ChurnCustomer>;

/** Records that a churned customer was won back, with the reason. */
export const ReactivateCustomer = commandCodec(
  'ReactivateCustomer',
  t.readonly(t.type({ customerId: CustomerId, reason: NonEmptyString, at: Instant })),
);
export type ReactivateCustomer = t.TypeOf<typeof ReactivateCustomer>;

/** On the duplicate's stream: merges this customer (`customerId`) into `survivorId`. */
export const MergeCustomerInto = commandCodec(
  'MergeCustomerInto',
  t.readonly(t.type({ customerId: CustomerId, survivorId: CustomerId, at: Instant })),
);
export type MergeCustomerInto = t.TypeOf<typeof MergeCustomerInto>;

/** On the duplicate's stream: undoes its merge, so it is a customer in its own right again. */
export const RevertCustomerMerge = commandCodec(
  'RevertCustomerMerge',
  t.readonly(t.type({ customerId: CustomerId, reason: NonEmptyString, at: Instant })),
);
export type RevertCustomerMerge = t.TypeOf<typeof RevertCustomerMerge>;

/** On the survivor's stream (sent by a policy): records that a duplicate was merged into it. */
export const RecordDuplicateAbsorbed = commandCodec(
  'RecordDuplicateAbsorbed',
  t.readonly(t.type({ customerId: CustomerId, duplicateId: CustomerId, at: Instant })),
);
export type RecordDuplicateAbsorbed = t.TypeOf<typeof RecordDuplicateAbsorbed>;

/** On the survivor's stream (sent by a policy): records that a duplicate's merge was reverted. */
export const RecordDuplicateReleased = commandCodec(
  'RecordDuplicateReleased',
  t.readonly(t.type({ customerId: CustomerId, duplicateId: CustomerId, at: Instant })),
);
export type RecordDuplicateReleased = t.TypeOf<typeof RecordDuplicateReleased>;

/** Honours an erasure request: the customer's personal data is dropped for good. */
export const ErasePersonalData = commandCodec(
  'ErasePersonalData',
  t.readonly(t.type({ customerId: CustomerId, reason: NonEmptyString, at: Instant })),
);
export type ErasePersonalData = t.TypeOf<typeof ErasePersonalData>;
