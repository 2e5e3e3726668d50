import type { DomainError } from '../kernel/domain-error.ts';
import type { CustomerId } from '../kernel/ids.ts';

/** The command names a customer that was never registered. */
export interface CustomerNotRegistered extends DomainError<'CustomerNotRegistered'> {
  readonly customerId: CustomerId;
}
export const customerNotRegistered = (customerId: CustomerId): CustomerNotRegistered => ({
  _tag: 'CustomerNotRegistered',
  customerId,
  message: `Customer ${customerId} is not registered.`,
});

/** Registration of a customer that already exists. */
export interface CustomerAlreadyRegistered extends DomainError<'CustomerAlreadyRegistered'> {
  readonly customerId: CustomerId;
}
export const customerAlreadyRegistered = (customerId: CustomerId): CustomerAlreadyRegistered => ({
  _tag: 'CustomerAlreadyRegistered',
  customerId,
  message: `Customer ${customerId} is already registered.`,
});

/** The command was handed the stream of another customer (a routing bug in the caller). */
export interface CustomerIdMismatch extends DomainError<'CustomerIdMismatch'> {
  readonly expected: CustomerId;
  readonly actual: CustomerId;
}
export const customerIdMismatch = (
  expected: CustomerId,
  actual: CustomerId,
): CustomerIdMismatch => ({
  _tag: 'CustomerIdMismatch',
  expected,
  actual,
  message: `A command for customer ${actual} was handed the state of customer ${expected}.`,
});

/** The customer is a tombstone: it was merged into `survivorId`, which takes its commands now. */
export interface CustomerMergedAway extends DomainError<'CustomerMergedAway'> {
  readonly customerId: CustomerId;
  readonly survivorId: CustomerId;
}
export const customerMergedAway = (
  customerId: CustomerId,
  survivorId: CustomerId,
): CustomerMergedAway => ({
  _tag: 'CustomerMergedAway',
  customerId,
  survivorId,
  message: `Customer ${customerId} was merged into ${survivorId}; send commands to ${survivorId}, or revert the merge first.`,
});

/** The command would record personal data of a customer whose personal data was erased. */
export interface CustomerErased extends DomainError<'CustomerErased'> {
  readonly customerId: CustomerId;
  readonly commandType: string;
}
export const customerErased = (customerId: CustomerId, commandType: string): CustomerErased => ({
  _tag: 'CustomerErased',
  customerId,
  commandType,
  message: `Customer ${customerId} had its personal data erased; ${commandType} would record personal data again.`,
});
