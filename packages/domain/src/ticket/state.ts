import type { CsatValue } from '../customer/engagement.ts';
import type { CustomerId, DealId, EntryId, TicketId, UserId } from '../kernel/ids.ts';
import type { NonEmptyString } from '../kernel/text.ts';
import type { Instant } from '../kernel/time.ts';
import type { SupportLevel, TicketCategory, TicketChannel, TicketPriority } from './values.ts';

/** Where an opened ticket stands: being worked on, resolved (may reopen), or closed for good. */
export type TicketStatus = 'open' | 'resolved' | 'closed';

/** The two SLA clocks of a ticket. */
export type SlaBreachKind = 'first_response' | 'resolution';

/** A recorded SLA breach: which clock, when it was due, and when the breach was recorded. */
export interface SlaBreach {
  readonly kind: SlaBreachKind;
  readonly dueAt: Instant;
  readonly at: Instant;
}

/** The state of a ticket once it has been opened. */
export interface OpenedTicket {
  readonly status: TicketStatus;
  readonly ticketId: TicketId;
  readonly customerId: CustomerId;
  readonly dealId: DealId | null;
  readonly subject: NonEmptyString;
  readonly channel: TicketChannel;
  readonly category: TicketCategory;
  readonly priority: TicketPriority;
  readonly assignee: UserId | null;
  readonly level: SupportLevel;
  readonly team: NonEmptyString | null;
  readonly openedAt: Instant;
  readonly firstResponseDueAt: Instant;
  readonly resolutionDueAt: Instant;
  /** The instant of the first public reply by an agent; `null` until there is one. */
  readonly firstRespondedAt: Instant | null;
  /** The instant of the latest resolution; `null` while the ticket is open. */
  readonly resolvedAt: Instant | null;
  readonly resolutionCount: number;
  readonly reopenCount: number;
  readonly closedAt: Instant | null;
  readonly slaBreaches: ReadonlyArray<SlaBreach>;
  readonly rating: CsatValue | null;
  readonly replyIds: ReadonlyArray<EntryId>;
}

/** A ticket before it is opened, or an opened one. Plain data, so it snapshots and compares. */
export type TicketState = { readonly status: 'unopened' } | OpenedTicket;

/** The state of every ticket stream before its first event. */
export const initialTicketState: TicketState = { status: 'unopened' };

/** Has this SLA clock's breach been recorded already? */
export const hasBreach = (state: OpenedTicket, kind: SlaBreachKind): boolean =>
  state.slaBreaches.some((breach) => breach.kind === kind);
