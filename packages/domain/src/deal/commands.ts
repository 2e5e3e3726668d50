import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeByType } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { CorrectWonDeal, LoseDeal, ReopenDeal, WinDeal } from './commands-closing.ts';
import { IssueInvoice, RecordDelivery, RecordPayment } from './commands-order.ts';
import {
  AdvanceDealStage,
  MoveDealToStage,
  MoveExpectedCloseDate,
  OpenDeal,
  ReassignDeal,
  ReviseLineItems,
  SetDealWinProbability,
} from './commands-pipeline.ts';

/** The codec of each deal command, by its `type`. */
export const dealCommandCodecs = {
  OpenDeal,
  AdvanceDealStage,
  MoveDealToStage,
  SetDealWinProbability,
  ReviseLineItems,
  MoveExpectedCloseDate,
  ReassignDeal,
  WinDeal,
  LoseDeal,
  ReopenDeal,
  CorrectWonDeal,
  RecordDelivery,
  IssueInvoice,
  RecordPayment,
} as const;

/** Every command the deal aggregate accepts. */
export const DealCommand = t.union([
  OpenDeal,
  AdvanceDealStage,
  MoveDealToStage,
  SetDealWinProbability,
  ReviseLineItems,
  MoveExpectedCloseDate,
  ReassignDeal,
  WinDeal,
  LoseDeal,
  ReopenDeal,
  CorrectWonDeal,
  RecordDelivery,
  IssueInvoice,
  RecordPayment,
]);
export type DealCommand = t.TypeOf<typeof DealCommand>;

/** The `type` of every deal command. */
export type DealCommandType = DealCommand['type'];

/**
 * Decodes untrusted input as a deal command; errors name the offending field.
 *
 * @example
 * decodeDealCommand({ type: 'AdvanceDealStage', data: { dealId: 'deal-1', at: '2025-03-01T09:00:00Z' } });
 */
export const decodeDealCommand = (input: unknown): E.Either<InvalidInput, DealCommand> =>
  decodeByType(dealCommandCodecs, input);
