import type { DeliveryStatus, PaymentStatus } from './order-status.ts';
import type {
  StoredAddress,
  StoredExchangeRate,
  StoredPreferences,
  StoredQuantity,
} from './tables.ts';

/** An amount in one currency, in its minor units. */
export interface CurrencyAmount {
  readonly currency: string;
  readonly amountMinor: bigint;
}

/** A won deal, seen as the customer's order. Amounts are in the deal currency unless named reporting. */
export interface Order {
  readonly dealId: string;
  /** `null` once the customer's personal data is erased. */
  readonly title: string | null;
  readonly customerId: string;
  readonly ownerId: string;
  readonly wonAt: string;
  readonly currency: string;
  readonly revenueMinor: number;
  readonly costMinor: number;
  readonly profitMinor: number;
  readonly exchangeRate: StoredExchangeRate | null;
  /** In the reporting currency at the recorded rate; `null` when there is no rate to it. */
  readonly reportingRevenueMinor: number | null;
  readonly reportingProfitMinor: number | null;
  readonly ordered: ReadonlyArray<StoredQuantity>;
  readonly delivered: ReadonlyArray<StoredQuantity>;
  readonly deliveryStatus: DeliveryStatus;
  readonly invoicedMinor: number;
  readonly paidMinor: number;
  /** Invoiced but not yet paid. */
  readonly outstandingMinor: number;
  readonly paymentStatus: PaymentStatus;
  /** Audited corrections made to the order since it was won. */
  readonly corrections: number;
}

/** An average over `count` answers (`null` when there are none). */
export interface Average {
  readonly count: number;
  readonly average: number | null;
}

/** One entry of the recent-activity timeline, newest first. */
export interface TimelineEntry {
  readonly at: string;
  readonly kind: string;
  /** Says what happened without personal data. */
  readonly title: string;
  /** Free text (interaction summary, ticket subject…); `null` once personal data is erased. */
  readonly summary: string | null;
  readonly reference: string | null;
  /** The customer the entry was recorded for: this one or a duplicate merged into it. */
  readonly customerId: string;
}

/** The latest contact with the customer: an interaction or a public ticket reply. */
export interface LastCommunication {
  readonly source: 'interaction' | 'ticket_reply';
  /** The interaction id or the ticket id. */
  readonly reference: string;
  readonly channel: string;
  readonly direction: 'inbound' | 'outbound';
  /** `null` once personal data is erased. */
  readonly summary: string | null;
  /** The member of staff, or `null` for a reply written by the customer. */
  readonly by: string | null;
  readonly at: string;
}

/**
 * Everything about one customer in one place (brief §6). Figures from deals, tickets,
 * follow-ups, campaigns, the timeline and the last communication include the duplicates merged
 * into this customer; profile, loyalty and survey figures are its own. Money summed across deals
 * is in the reporting currency the projection was built with.
 */
export interface Customer360 {
  readonly customerId: string;
  readonly kind: 'person' | 'company';
  /** `null` once personal data is erased. */
  readonly name: {
    readonly display: string;
    readonly givenName: string | null;
    readonly familyName: string | null;
    readonly legalName: string | null;
  } | null;
  readonly email: string | null;
  /** E.164. */
  readonly phone: string | null;
  readonly address: StoredAddress | null;
  readonly acquisition: { readonly source: string; readonly channel: string };
  readonly ownerId: string;
  readonly registeredAt: string;
  readonly tags: ReadonlyArray<string>;
  readonly lifecycle: {
    readonly stage: string;
    readonly since: string;
    readonly furthestStage: string;
  };
  /** The survivor, when this customer is a merged-away duplicate (a tombstone). */
  readonly mergedInto: string | null;
  /** Duplicates merged into this customer. */
  readonly mergedDuplicates: ReadonlyArray<string>;
  readonly erasedAt: string | null;
  readonly deals: {
    readonly open: number;
    readonly won: number;
    readonly lost: number;
    /** Open deals' value and weighted value, per deal currency (no rate is recorded before a win). */
    readonly pipeline: ReadonlyArray<{
      readonly currency: string;
      readonly valueMinor: bigint;
      readonly weightedMinor: bigint;
    }>;
  };
  /** Won revenue, cost and profit in the reporting currency, at each deal's recorded rate. */
  readonly won: {
    readonly revenueMinor: bigint;
    readonly costMinor: bigint;
    readonly profitMinor: bigint;
    /** Won deals without a rate to the reporting currency, left out above, per currency. */
    readonly unconverted: ReadonlyArray<{
      readonly currency: string;
      readonly deals: number;
      readonly revenueMinor: bigint;
      readonly profitMinor: bigint;
    }>;
  };
  /** Won deals, newest first, with delivery and payment status. */
  readonly orders: ReadonlyArray<Order>;
  /** Invoiced and not yet paid, per currency (only currencies with something owed). */
  readonly outstandingBalance: ReadonlyArray<CurrencyAmount>;
  readonly tickets: {
    readonly open: number;
    readonly total: number;
    /** Breaches recorded, first-response and resolution counted separately. */
    readonly slaBreaches: number;
  };
  readonly satisfaction: {
    /** CSAT (1–5): ticket ratings, survey answers, and both together. */
    readonly csat: {
      readonly ticketRatings: Average;
      readonly surveys: Average;
      readonly combined: Average;
    };
    readonly nps: Average & { readonly latest: number | null; readonly latestAt: string | null };
  };
  readonly campaigns: {
    readonly memberships: number;
    /** Campaigns whose message reached the customer (any response but `bounced`). */
    readonly touches: number;
    readonly conversions: number;
  };
  readonly loyalty: {
    readonly balance: number;
    readonly earned: number;
    readonly redeemed: number;
  };
  readonly preferences: StoredPreferences;
  /** The open follow-up due first. */
  readonly nextFollowUp: {
    readonly followUpId: string;
    readonly customerId: string;
    readonly dueAt: string;
    readonly assigneeId: string;
    readonly note: string | null;
  } | null;
  readonly openFollowUps: number;
  readonly interactionCount: number;
  readonly lastCommunication: LastCommunication | null;
  /** The latest entries, newest first. */
  readonly timeline: ReadonlyArray<TimelineEntry>;
}
