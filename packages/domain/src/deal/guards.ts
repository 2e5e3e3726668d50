import * as E from 'fp-ts/lib/Either.js';
import type { DealCommand } from './commands.ts';
import type { DealError } from './errors.ts';
import {
  dealAlreadyLost,
  dealAlreadyOpened,
  dealAlreadyWon,
  dealIdMismatch,
  dealNotOpened,
  dealNotWon,
} from './errors-lifecycle.ts';
import type { DealState, OpenedDeal, PipelineDeal, WonDeal } from './state.ts';

/** The opened deal the command is addressed to, or why there is none. */
export const requireDeal = (
  state: DealState,
  command: DealCommand,
): E.Either<DealError, OpenedDeal> => {
  if (state.status === 'unopened') return E.left(dealNotOpened(command.data.dealId));
  if (state.dealId !== command.data.dealId) {
    return E.left(dealIdMismatch(state.dealId, command.data.dealId));
  }
  return E.right(state);
};

/** The deal when it is unopened (OpenDeal's precondition), or why it is not. */
export const requireUnopened = (
  state: DealState,
  command: DealCommand,
): E.Either<DealError, void> => {
  if (state.status === 'unopened') return E.right(undefined);
  if (state.dealId !== command.data.dealId) {
    return E.left(dealIdMismatch(state.dealId, command.data.dealId));
  }
  return E.left(dealAlreadyOpened(state.dealId));
};

/** The deal when it is open (in the pipeline), or why it is not. */
export const requireOpen = (
  state: DealState,
  command: DealCommand,
): E.Either<DealError, PipelineDeal> =>
  E.flatMap(requireDeal(state, command), (deal) => {
    switch (deal.status) {
      case 'open':
        return E.right(deal);
      case 'won':
        return E.left(dealAlreadyWon(deal.dealId, command.type));
      case 'lost':
        return E.left(dealAlreadyLost(deal.dealId, command.type));
    }
  });

/** The deal when it is won (an order), or why it is not. */
export const requireWon = (state: DealState, command: DealCommand): E.Either<DealError, WonDeal> =>
  E.flatMap(requireDeal(state, command), (deal) =>
    deal.status === 'won'
      ? E.right(deal)
      : E.left(dealNotWon(deal.dealId, deal.status, command.type)),
  );
