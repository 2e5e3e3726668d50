import type { Decider } from '../kernel/decider.ts';
import type { DealCommand } from './commands.ts';
import { decideDeal } from './decide.ts';
import type { DealError } from './errors.ts';
import type { DealEvent } from './events.ts';
import { evolveDeal } from './evolve.ts';
import { type DealState, initialDealState } from './state.ts';

export { dealInvariantBreaches } from './invariants.ts';

/**
 * The deal (opportunity, then order) aggregate as a decider.
 *
 * @example
 * const state = fold(dealDecider, history);
 * const result = dealDecider.decide(
 *   { type: 'WinDeal', data: { dealId, at: '2025-06-30T16:00:00Z' as Instant } },
 *   state,
 * ); // Right([DealWon]) or Left(DealAlreadyWon | DealHasNoLineItems | ...)
 */
export const dealDecider: Decider<DealCommand, DealEvent, DealState, DealError> = {
  decide: decideDeal,
  evolve: evolveDeal,
  initialState: initialDealState,
};
