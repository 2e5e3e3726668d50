import * as t from 'io-ts';
import { ExchangeRate } from '../kernel/exchange-rate.ts';
import { CampaignId, CustomerId, DealId, UserId } from '../kernel/ids.ts';
import { CurrencyCode, Money } from '../kernel/money.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { LineItem } from './line-item.ts';
import { OpenDealStage, WinProbabilityPercent } from './stage.ts';

/**
 * A deal was won from `stage` and became the customer's order. Revenue, cost and profit are exact
 * in the deal currency (profit = revenue − cost, may be negative); `exchangeRate` is the rate to
 * the reporting currency given with the command, or `null`.
 */
export const DealWon = t.readonly(
  t.type({
    type: t.literal('DealWon'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        customerId: CustomerId,
        ownerId: UserId,
        sourceCampaignId: t.union([CampaignId, t.null]),
        stage: OpenDealStage,
        currency: CurrencyCode,
        lineItems: t.readonlyArray(LineItem),
        revenue: Money,
        cost: Money,
        profit: Money,
        exchangeRate: t.union([ExchangeRate, t.null]),
        at: Instant,
      }),
    ),
  }),
);
export type DealWon = t.TypeOf<typeof DealWon>;

/** A deal was lost from `stage`, with the reason and the winning competitor when known. */
export const DealLost = t.readonly(
  t.type({
    type: t.literal('DealLost'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        stage: OpenDealStage,
        reason: NonEmptyString,
        competitor: t.union([NonEmptyString, t.null]),
        at: Instant,
      }),
    ),
  }),
);
export type DealLost = t.TypeOf<typeof DealLost>;

/** A lost deal was reopened in `stage`, with that stage's default win probability. */
export const DealReopened = t.readonly(
  t.type({
    type: t.literal('DealReopened'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        stage: OpenDealStage,
        winProbabilityPercent: WinProbabilityPercent,
        at: Instant,
      }),
    ),
  }),
);
export type DealReopened = t.TypeOf<typeof DealReopened>;

/** The figures of a won deal that a correction may change. */
export const WonDealFigures = t.readonly(
  t.type({
    lineItems: t.readonlyArray(LineItem),
    revenue: Money,
    cost: Money,
    profit: Money,
    exchangeRate: t.union([ExchangeRate, t.null]),
  }),
);
export type WonDealFigures = t.TypeOf<typeof WonDealFigures>;

/** A won deal was corrected, for `reason`: the audit trail keeps the figures before and after. */
export const WonDealCorrected = t.readonly(
  t.type({
    type: t.literal('WonDealCorrected'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        customerId: CustomerId,
        reason: NonEmptyString,
        previous: WonDealFigures,
        corrected: WonDealFigures,
        at: Instant,
      }),
    ),
  }),
);
export type WonDealCorrected = t.TypeOf<typeof WonDealCorrected>;
