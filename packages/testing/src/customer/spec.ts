import {
  type CustomerCommand,
  type CustomerError,
  type CustomerEvent,
  customerDecider,
} from '@crm/domain';
import { type DeciderSpecification, deciderSpecification } from '../decider-specification.ts';

/**
 * Given/when/then over the customer decider, in the words of the business rule.
 *
 * @example
 * customerSpecification.given([registered]).when(churn).then([churned]);
 * customerSpecification.given([registered, merged]).when(churn).thenFails('CustomerMergedAway');
 */
export const customerSpecification: DeciderSpecification<
  CustomerCommand,
  CustomerEvent,
  CustomerError
> = deciderSpecification(customerDecider);
