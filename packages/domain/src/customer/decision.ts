import * as E from 'fp-ts/lib/Either.js';
import type { CustomerError } from './errors.ts';
import type { CustomerEvent } from './events.ts';

/** What `decide` answers: the events to record, or why the command is refused. */
export type CustomerDecision = E.Either<CustomerError, ReadonlyArray<CustomerEvent>>;

/** Accepts the command with these events. */
export const accept = (...events: ReadonlyArray<CustomerEvent>): CustomerDecision =>
  E.right(events);

/** Accepts the command with nothing to record: it is already in effect. */
export const alreadyInEffect: CustomerDecision = E.right([]);

/** Refuses the command. */
export const refuse = (error: CustomerError): CustomerDecision => E.left(error);
