import type { EventEnvelope } from '../kernel/envelope.ts';
import { type DomainEvent, type PolicyCommand, toCustomer } from './policy.ts';

/**
 * When a duplicate is merged into a survivor (an event on the duplicate's stream), the survivor
 * records that it absorbed the duplicate, so its own history tells the whole story.
 */
export const customerMergeNotifiesSurvivor = (
  envelope: EventEnvelope<DomainEvent>,
): ReadonlyArray<PolicyCommand> => {
  if (envelope.type !== 'CustomerMerged') return [];
  const { customerId, survivorId, at } = envelope.data;
  return [
    toCustomer('customer-merge-notifies-survivor', envelope, survivorId, {
      type: 'RecordDuplicateAbsorbed',
      data: { customerId: survivorId, duplicateId: customerId, at },
    }),
  ];
};

/**
 * When a merge is reverted (on the duplicate's stream), the survivor records that the duplicate
 * was released and stands on its own again.
 */
export const customerMergeRevertNotifiesSurvivor = (
  envelope: EventEnvelope<DomainEvent>,
): ReadonlyArray<PolicyCommand> => {
  if (envelope.type !== 'CustomerMergeReverted') return [];
  const { customerId, survivorId, at } = envelope.data;
  return [
    toCustomer('customer-merge-revert-notifies-survivor', envelope, survivorId, {
      type: 'RecordDuplicateReleased',
      data: { customerId: survivorId, duplicateId: customerId, at },
    }),
  ];
};
