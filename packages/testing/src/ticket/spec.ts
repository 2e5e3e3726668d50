import { ticketDecider } from '@crm/domain';
import { deciderSpecification } from '../decider-specification.ts';

/**
 * Given/when/then for the ticket decider.
 *
 * @example
 * ticketSpecification.given([opened]).when(resolve).then([resolved]);
 * ticketSpecification.given([opened]).when(rate).thenFails('TicketNotResolved');
 */
export const ticketSpecification = deciderSpecification(ticketDecider);
