import type {
  CampaignId,
  CurrencyCode,
  CustomerId,
  DealId,
  EntryId,
  ExchangeRate,
  ForwardStage,
  LifecycleStage,
  LineItem,
  TicketId,
  TicketPriority,
  UserId,
} from '@crm/domain';
import type { Interest } from './catalogue.ts';
import type { Identity } from './identities.ts';
import type { Locale } from './locales/locale.ts';

/*
 * What the generator remembers of each aggregate: just enough to know which commands the
 * deciders will accept next and how many events they record. Plain mutable records, one per
 * live customer, open deal or order, open ticket and running campaign.
 */

/** How far a prospect's owner will take it before it goes quiet (a campaign may still revive it). */
export type ProspectReach = 'lead' | 'marketing_qualified' | 'sales_qualified' | 'deal';

/** A customer as the generator knows it. */
export interface CustomerModel {
  readonly id: CustomerId;
  readonly index: number;
  readonly locale: Locale;
  readonly identity: Identity;
  readonly role: 'regular' | 'well-known' | 'erased' | 'survivor' | 'duplicate';
  readonly registeredAt: number;
  /** How busy the customer is compared with an ordinary one (the well-known one is busier). */
  readonly activity: number;
  readonly interest: Interest;
  /** Users at a company (what per-seat products are ordered for); 1 for a person. */
  readonly seats: number;
  readonly reach: ProspectReach;
  status: 'active' | 'merged' | 'erased';
  ownerId: UserId;
  stage: LifecycleStage;
  lastForward: ForwardStage;
  email: string;
  /** The phone number may change only for customers whose number nobody looks up. */
  phoneFixed: boolean;
  addressLine: string;
  tags: string[];
  loyalty: number;
  openFollowUps: EntryId[];
  openDeals: DealModel[];
  openTickets: TicketModel[];
  wonDeals: DealId[];
  wonRevenueEur: number;
  lastPurchaseAt: number | null;
  lastNpsAt: number | null;
  caring: boolean;
  /** SLA breaches and poor ratings: unhappy customers churn more and score lower. */
  grievances: number;
  unsubscribed: boolean;
}

/** A deal in the pipeline, or a won deal whose order is still being delivered, invoiced and paid. */
export interface DealModel {
  readonly id: DealId;
  readonly customer: CustomerModel;
  readonly currency: CurrencyCode;
  readonly title: string;
  readonly openedAt: number;
  readonly sourceCampaignId: CampaignId | undefined;
  ownerId: UserId;
  status: 'open' | 'won' | 'lost';
  stageIndex: number;
  winProbability: number;
  expectedCloseDate: string;
  lines: LineItem[];
  willWin: boolean;
  targetStage: number;
  slipped: boolean;
  revenueMinor: number;
  exchangeRate: ExchangeRate | null;
  /** Quantity still to deliver, per product. */
  undelivered: Map<string, number>;
  invoices: Array<{ readonly id: EntryId; readonly amount: number; paid: number }>;
  invoicedMinor: number;
}

/** An open or recently resolved ticket. */
export interface TicketModel {
  readonly id: TicketId;
  readonly customer: CustomerModel;
  readonly openedAt: number;
  priority: TicketPriority;
  status: 'open' | 'resolved' | 'closed';
  level: 1 | 2 | 3;
  assignee: UserId | null;
  firstResponseDueAt: number;
  resolutionDueAt: number;
  firstRespondedAt: number | null;
  breaches: { firstResponse: boolean; resolution: boolean };
  rated: boolean;
}

/** A planned or running campaign. */
export interface CampaignModel {
  readonly id: CampaignId;
  readonly channel: 'email' | 'sms' | 'social' | 'event';
  readonly currency: CurrencyCode;
  readonly budgetMinor: number;
  readonly startsAt: number;
  readonly endsAt: number;
  status: 'planned' | 'launched' | 'completed' | 'cancelled';
}
