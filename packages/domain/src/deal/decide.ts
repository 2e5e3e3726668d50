import type * as E from 'fp-ts/lib/Either.js';
import type { DealCommand } from './commands.ts';
import { decideLoseDeal, decideReopenDeal, decideWinDeal } from './decide-closing.ts';
import { decideCorrectWonDeal } from './decide-correction.ts';
import { decideIssueInvoice, decideRecordDelivery, decideRecordPayment } from './decide-order.ts';
import {
  decideAdvanceDealStage,
  decideMoveDealToStage,
  decideMoveExpectedCloseDate,
  decideOpenDeal,
  decideReassignDeal,
  decideReviseLineItems,
  decideSetDealWinProbability,
} from './decide-pipeline.ts';
import type { DealError } from './errors.ts';
import type { DealEvent } from './events.ts';
import type { DealState } from './state.ts';

/**
 * Decides what a deal command means for the deal as it stands: the events to record, none (when
 * the command asks for what is already so), or the typed error saying why it is refused.
 */
export const decideDeal = (
  command: DealCommand,
  state: DealState,
): E.Either<DealError, ReadonlyArray<DealEvent>> => {
  switch (command.type) {
    case 'OpenDeal':
      return decideOpenDeal(command, state);
    case 'AdvanceDealStage':
      return decideAdvanceDealStage(command, state);
    case 'MoveDealToStage':
      return decideMoveDealToStage(command, state);
    case 'SetDealWinProbability':
      return decideSetDealWinProbability(command, state);
    case 'ReviseLineItems':
      return decideReviseLineItems(command, state);
    case 'MoveExpectedCloseDate':
      return decideMoveExpectedCloseDate(command, state);
    case 'ReassignDeal':
      return decideReassignDeal(command, state);
    case 'WinDeal':
      return decideWinDeal(command, state);
    case 'LoseDeal':
      return decideLoseDeal(command, state);
    case 'ReopenDeal':
      return decideReopenDeal(command, state);
    case 'CorrectWonDeal':
      return decideCorrectWonDeal(command, state);
    case 'RecordDelivery':
      return decideRecordDelivery(command, state);
    case 'IssueInvoice':
      return decideIssueInvoice(command, state);
    case 'RecordPayment':
      return decideRecordPayment(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
};
