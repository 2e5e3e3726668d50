import type { DomainError } from '../kernel/domain-error.ts';
import type { DealId } from '../kernel/ids.ts';
import type { Instant } from '../kernel/time.ts';
import type { OpenDealStage } from './stage.ts';

/** A command other than OpenDeal reached a deal that was never opened. */
export interface DealNotOpened extends DomainError<'DealNotOpened'> {
  readonly dealId: DealId;
}
export const dealNotOpened = (dealId: DealId): DealNotOpened => ({
  _tag: 'DealNotOpened',
  dealId,
  message: `Deal ${dealId} has not been opened.`,
});

/** OpenDeal reached a deal that already exists. */
export interface DealAlreadyOpened extends DomainError<'DealAlreadyOpened'> {
  readonly dealId: DealId;
}
export const dealAlreadyOpened = (dealId: DealId): DealAlreadyOpened => ({
  _tag: 'DealAlreadyOpened',
  dealId,
  message: `Deal ${dealId} is already open; a deal is opened once.`,
});

/** A command for one deal reached another deal's stream. */
export interface DealIdMismatch extends DomainError<'DealIdMismatch'> {
  readonly expected: DealId;
  readonly actual: DealId;
}
export const dealIdMismatch = (expected: DealId, actual: DealId): DealIdMismatch => ({
  _tag: 'DealIdMismatch',
  expected,
  actual,
  message: `A command for deal ${actual} was sent to deal ${expected}.`,
});

/** A change command reached a won deal, which only corrections and order execution may touch. */
export interface DealAlreadyWon extends DomainError<'DealAlreadyWon'> {
  readonly dealId: DealId;
  readonly command: string;
}
export const dealAlreadyWon = (dealId: DealId, command: string): DealAlreadyWon => ({
  _tag: 'DealAlreadyWon',
  dealId,
  command,
  message: `Deal ${dealId} is already won, so ${command} is refused; a won deal changes only through CorrectWonDeal, deliveries, invoices and payments.`,
});

/** A change command reached a lost deal. */
export interface DealAlreadyLost extends DomainError<'DealAlreadyLost'> {
  readonly dealId: DealId;
  readonly command: string;
}
export const dealAlreadyLost = (dealId: DealId, command: string): DealAlreadyLost => ({
  _tag: 'DealAlreadyLost',
  dealId,
  command,
  message: `Deal ${dealId} is lost, so ${command} is refused; reopen it first.`,
});

/** A correction or order-execution command reached a deal that is not won. */
export interface DealNotWon extends DomainError<'DealNotWon'> {
  readonly dealId: DealId;
  readonly status: 'open' | 'lost';
  readonly command: string;
}
export const dealNotWon = (
  dealId: DealId,
  status: 'open' | 'lost',
  command: string,
): DealNotWon => ({
  _tag: 'DealNotWon',
  dealId,
  status,
  command,
  message: `Deal ${dealId} is ${status}, not won, so ${command} is refused; only a won deal is an order.`,
});

/** ReopenDeal reached a deal that is open, not lost. */
export interface DealNotLost extends DomainError<'DealNotLost'> {
  readonly dealId: DealId;
}
export const dealNotLost = (dealId: DealId): DealNotLost => ({
  _tag: 'DealNotLost',
  dealId,
  message: `Deal ${dealId} is open, not lost; only a lost deal can be reopened.`,
});

/** AdvanceDealStage reached a deal already in the last open stage. */
export interface DealInLastOpenStage extends DomainError<'DealInLastOpenStage'> {
  readonly dealId: DealId;
  readonly stage: OpenDealStage;
}
export const dealInLastOpenStage = (dealId: DealId, stage: OpenDealStage): DealInLastOpenStage => ({
  _tag: 'DealInLastOpenStage',
  dealId,
  stage,
  message: `Deal ${dealId} is in ${stage}, the last open stage; win or lose it instead.`,
});

/** A deal would be won or lost at an instant before it was opened. */
export interface DealClosedBeforeOpened extends DomainError<'DealClosedBeforeOpened'> {
  readonly dealId: DealId;
  readonly openedAt: Instant;
  readonly at: Instant;
}
export const dealClosedBeforeOpened = (
  dealId: DealId,
  openedAt: Instant,
  at: Instant,
): DealClosedBeforeOpened => ({
  _tag: 'DealClosedBeforeOpened',
  dealId,
  openedAt,
  at,
  message: `Deal ${dealId} cannot close at ${at}, before it was opened at ${openedAt}.`,
});

/** CorrectWonDeal named neither line items nor an exchange rate. */
export interface NothingToCorrect extends DomainError<'NothingToCorrect'> {
  readonly dealId: DealId;
}
export const nothingToCorrect = (dealId: DealId): NothingToCorrect => ({
  _tag: 'NothingToCorrect',
  dealId,
  message: `The correction of deal ${dealId} names neither line items nor an exchange rate.`,
});
