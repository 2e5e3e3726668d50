import { dealDecider } from '@crm/domain';
import { deciderSpecification } from '../decider-specification.ts';

/**
 * Given/when/then over the deal decider.
 *
 * @example
 * dealSpecification.given([dealOpened]).when(winDeal).then([dealWon]);
 * dealSpecification.given([dealOpened, dealWon]).when(reviseLineItems).thenFails('DealAlreadyWon');
 */
export const dealSpecification = deciderSpecification(dealDecider);
