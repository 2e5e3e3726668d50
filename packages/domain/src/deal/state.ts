import type { ExchangeRate } from '../kernel/exchange-rate.ts';
import type { CampaignId, CustomerId, DealId, EntryId, ProductId, UserId } from '../kernel/ids.ts';
import type { CurrencyCode, Money } from '../kernel/money.ts';
import type { NonEmptyString } from '../kernel/text.ts';
import type { CalendarDate, Instant } from '../kernel/time.ts';
import type { LineItem } from './line-item.ts';
import type { OpenDealStage, WinProbabilityPercent } from './stage.ts';

/** Before `DealOpened`: the stream is empty. */
export interface UnopenedDeal {
  readonly status: 'unopened';
}

/** What every opened deal knows, whatever its status. */
export interface DealFacts {
  readonly dealId: DealId;
  readonly customerId: CustomerId;
  readonly ownerId: UserId;
  readonly title: NonEmptyString;
  readonly expectedCloseDate: CalendarDate;
  readonly sourceCampaignId: CampaignId | null;
  readonly currency: CurrencyCode;
  readonly lineItems: ReadonlyArray<LineItem>;
  /** The open stage the deal is in, or was in when it was won or lost. */
  readonly stage: OpenDealStage;
  readonly openedAt: Instant;
}

/** A deal in the pipeline. */
export interface PipelineDeal extends DealFacts {
  readonly status: 'open';
  readonly winProbabilityPercent: WinProbabilityPercent;
}

/** A lost deal; only ReopenDeal and ReassignDeal still apply. */
export interface LostDeal extends DealFacts {
  readonly status: 'lost';
  readonly lostAt: Instant;
  readonly reason: NonEmptyString;
  readonly competitor: NonEmptyString | null;
}

/** An invoice issued against an order, with what has been paid of it. */
export interface OrderInvoice {
  readonly invoiceId: EntryId;
  readonly amount: Money;
  readonly dueDate: CalendarDate;
  readonly issuedAt: Instant;
  readonly paid: Money;
}

/** How far a won deal's order has been delivered, invoiced and paid. */
export interface OrderExecution {
  /** Quantity delivered so far per product (products with no delivery are absent). */
  readonly delivered: ReadonlyArray<{ readonly productId: ProductId; readonly quantity: number }>;
  readonly deliveryIds: ReadonlyArray<EntryId>;
  readonly invoices: ReadonlyArray<OrderInvoice>;
  readonly paymentIds: ReadonlyArray<EntryId>;
  /** Σ invoice amounts. */
  readonly invoiced: Money;
  /** Σ payments. */
  readonly paid: Money;
  /** invoiced − paid: what the customer still owes on issued invoices. */
  readonly outstanding: Money;
}

/** A won deal: the customer's order, frozen except for audited corrections and its execution. */
export interface WonDeal extends DealFacts {
  readonly status: 'won';
  readonly wonAt: Instant;
  readonly revenue: Money;
  readonly cost: Money;
  readonly profit: Money;
  readonly exchangeRate: ExchangeRate | null;
  readonly corrections: number;
  readonly order: OrderExecution;
}

/** A deal that has been opened, in any status. */
export type OpenedDeal = PipelineDeal | LostDeal | WonDeal;

/** The state of one deal stream. */
export type DealState = UnopenedDeal | OpenedDeal;

/** The state before any event. */
export const initialDealState: DealState = { status: 'unopened' };
