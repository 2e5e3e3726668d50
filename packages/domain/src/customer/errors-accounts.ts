import type { DomainError } from '../kernel/domain-error.ts';
import type { CustomerId, EntryId } from '../kernel/ids.ts';

/** This survey's answer was recorded already; one answer is never counted twice. */
export interface SurveyAlreadyAnswered extends DomainError<'SurveyAlreadyAnswered'> {
  readonly surveyId: EntryId;
}
export const surveyAlreadyAnswered = (surveyId: EntryId): SurveyAlreadyAnswered => ({
  _tag: 'SurveyAlreadyAnswered',
  surveyId,
  message: `Survey ${surveyId} was already answered by this customer.`,
});

/** Redeeming would take the loyalty balance below zero. */
export interface InsufficientLoyaltyPoints extends DomainError<'InsufficientLoyaltyPoints'> {
  readonly customerId: CustomerId;
  readonly balance: number;
  readonly requested: number;
}
export const insufficientLoyaltyPoints = (
  customerId: CustomerId,
  balance: number,
  requested: number,
): InsufficientLoyaltyPoints => ({
  _tag: 'InsufficientLoyaltyPoints',
  customerId,
  balance,
  requested,
  message: `Customer ${customerId} has ${balance} loyalty points; ${requested} cannot be redeemed.`,
});

/** A customer cannot be merged into (or absorb) itself. */
export interface SurvivorIsSameCustomer extends DomainError<'SurvivorIsSameCustomer'> {
  readonly customerId: CustomerId;
}
export const survivorIsSameCustomer = (customerId: CustomerId): SurvivorIsSameCustomer => ({
  _tag: 'SurvivorIsSameCustomer',
  customerId,
  message: `Customer ${customerId} cannot be merged into itself.`,
});

/** The survivor was itself merged into this customer: merging back would make a cycle. */
export interface SurvivorIsAbsorbedDuplicate extends DomainError<'SurvivorIsAbsorbedDuplicate'> {
  readonly customerId: CustomerId;
  readonly survivorId: CustomerId;
}
export const survivorIsAbsorbedDuplicate = (
  customerId: CustomerId,
  survivorId: CustomerId,
): SurvivorIsAbsorbedDuplicate => ({
  _tag: 'SurvivorIsAbsorbedDuplicate',
  customerId,
  survivorId,
  message: `Customer ${survivorId} was merged into ${customerId}; merging ${customerId} into it would make a cycle (revert that merge first).`,
});

/** Only a merged-away customer has a merge to revert. */
export interface CustomerNotMerged extends DomainError<'CustomerNotMerged'> {
  readonly customerId: CustomerId;
}
export const customerNotMerged = (customerId: CustomerId): CustomerNotMerged => ({
  _tag: 'CustomerNotMerged',
  customerId,
  message: `Customer ${customerId} is not merged into another customer; there is no merge to revert.`,
});
