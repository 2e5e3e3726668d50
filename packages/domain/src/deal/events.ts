import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeByType } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { type StoredEvent, type Upcaster, upcastEvent } from '../kernel/upcaster.ts';
import { DealLost, DealReopened, DealWon, WonDealCorrected } from './events-closing.ts';
import { DeliveryRecorded, InvoiceIssued, PaymentRecorded } from './events-order.ts';
import {
  DealExpectedCloseDateMoved,
  DealLineItemsRevised,
  DealOpened,
  DealReassigned,
  DealStageChanged,
  DealWinProbabilitySet,
} from './events-pipeline.ts';

/** The codec of each deal event, by its `type`. */
export const dealEventCodecs = {
  DealOpened,
  DealStageChanged,
  DealWinProbabilitySet,
  DealLineItemsRevised,
  DealExpectedCloseDateMoved,
  DealReassigned,
  DealWon,
  DealLost,
  DealReopened,
  WonDealCorrected,
  DeliveryRecorded,
  InvoiceIssued,
  PaymentRecorded,
} as const;

/** Every event of the deal aggregate, at its current schema version. */
export const DealEvent = t.union([
  DealOpened,
  DealStageChanged,
  DealWinProbabilitySet,
  DealLineItemsRevised,
  DealExpectedCloseDateMoved,
  DealReassigned,
  DealWon,
  DealLost,
  DealReopened,
  WonDealCorrected,
  DeliveryRecorded,
  InvoiceIssued,
  PaymentRecorded,
]);
export type DealEvent = t.TypeOf<typeof DealEvent>;

/** The `type` of every deal event. */
export type DealEventType = DealEvent['type'];

/** Upcasters of older deal event versions; every deal event is still at version 1. */
export const dealUpcasters: ReadonlyArray<Upcaster> = [];

/** Reads a stored deal event of any known version as the current schema, or says which field is wrong. */
export const decodeDealEvent = (stored: StoredEvent): E.Either<InvalidInput, DealEvent> =>
  E.flatMap(upcastEvent(dealUpcasters, stored), (current) =>
    decodeByType(dealEventCodecs, current),
  );
