import * as t from 'io-ts';
import { ExchangeRate } from '../kernel/exchange-rate.ts';
import { DealId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { LineItem } from './line-item.ts';
import { OpenDealStage } from './stage.ts';

/**
 * Wins an open deal: it becomes the customer's order, frozen at its line items. The optional
 * `exchangeRate` (deal currency → reporting currency) is recorded for reporting; the domain has
 * no rate source of its own.
 */
export const WinDeal = t.readonly(
  t.type({
    type: t.literal('WinDeal'),
    data: t.readonly(
      t.intersection([
        t.type({ dealId: DealId, at: Instant }),
        t.partial({ exchangeRate: ExchangeRate }),
      ]),
    ),
  }),
);
export type WinDeal = t.TypeOf<typeof WinDeal>;

/** Loses an open deal, with the reason and, when known, the competitor who won it. */
export const LoseDeal = t.readonly(
  t.type({
    type: t.literal('LoseDeal'),
    data: t.readonly(
      t.intersection([
        t.type({ dealId: DealId, reason: NonEmptyString, at: Instant }),
        t.partial({ competitor: NonEmptyString }),
      ]),
    ),
  }),
);
export type LoseDeal = t.TypeOf<typeof LoseDeal>;

/** Reopens a lost deal in `stage`, or in the stage it was lost from when `stage` is omitted. */
export const ReopenDeal = t.readonly(
  t.type({
    type: t.literal('ReopenDeal'),
    data: t.readonly(
      t.intersection([
        t.type({ dealId: DealId, at: Instant }),
        t.partial({ stage: OpenDealStage }),
      ]),
    ),
  }),
);
export type ReopenDeal = t.TypeOf<typeof ReopenDeal>;

/**
 * The one way to change a won deal: corrects its line items and/or its recorded exchange rate,
 * with a required reason, leaving an audit trail of the figures before and after.
 */
export const CorrectWonDeal = t.readonly(
  t.type({
    type: t.literal('CorrectWonDeal'),
    data: t.readonly(
      t.intersection([
        t.type({ dealId: DealId, reason: NonEmptyString, at: Instant }),
        t.partial({ lineItems: t.readonlyArray(LineItem), exchangeRate: ExchangeRate }),
      ]),
    ),
  }),
);
export type CorrectWonDeal = t.TypeOf<typeof CorrectWonDeal>;
