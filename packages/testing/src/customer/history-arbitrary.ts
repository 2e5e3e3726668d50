import {
  type CustomerCommand,
  type CustomerError,
  type CustomerEvent,
  type CustomerState,
  customerDecider,
} from '@crm/domain';
import * as fc from 'fast-check';
import { type DecidedHistory, historyArbitrary } from '../history.ts';
import { customerCommandArbitrary, registerCustomerArbitrary } from './command-arbitraries.ts';

/** A history of the customer aggregate, built by running commands through its decider. */
export type CustomerHistory = DecidedHistory<
  CustomerCommand,
  CustomerEvent,
  CustomerState,
  CustomerError
>;

const commands = fc.array(customerCommandArbitrary, { maxLength: 40, size: 'medium' });

/**
 * Valid histories of one customer (`customer-1`): usually a registration followed by up to 40
 * commands of every kind, of which the decider keeps the accepted ones; now and then no
 * registration at all, so the unregistered customer is covered too.
 *
 * @example
 * fc.assert(
 *   fc.property(customerHistoryArbitrary, ({ state }) =>
 *     state.status === 'unregistered' || state.loyalty.balance >= 0),
 * );
 */
export const customerHistoryArbitrary: fc.Arbitrary<CustomerHistory> = historyArbitrary(
  customerDecider,
  fc.oneof(
    {
      arbitrary: fc
        .tuple(registerCustomerArbitrary, commands)
        .map(([registration, rest]) => [registration, ...rest]),
      weight: 9,
    },
    { arbitrary: commands, weight: 1 },
  ),
);
