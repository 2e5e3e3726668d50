import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { CsatValue } from '../customer/engagement.ts';
import { decodeByType } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { CustomerId, DealId, EntryId, TicketId, UserId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { type StoredEvent, type Upcaster, upcastEvent } from '../kernel/upcaster.ts';
import {
  ReplyAuthor,
  ReplyVisibility,
  SupportLevel,
  TicketCategory,
  TicketChannel,
  TicketPriority,
} from './values.ts';

/**
 * A ticket was opened. It records the SLA due instants that applied, so a later change of the
 * targets table never rewrites what was promised to this customer.
 */
export const TicketOpened = t.readonly(
  t.type({
    type: t.literal('TicketOpened'),
    version: t.literal(1),
    data: t.readonly(
      t.intersection([
        t.type({
          ticketId: TicketId,
          customerId: CustomerId,
          subject: NonEmptyString,
          description: NonEmptyString,
          channel: TicketChannel,
          category: TicketCategory,
          priority: TicketPriority,
          firstResponseDueAt: Instant,
          resolutionDueAt: Instant,
          at: Instant,
        }),
        t.partial({ dealId: DealId }),
      ]),
    ),
  }),
);
export type TicketOpened = t.TypeOf<typeof TicketOpened>;

const ticketEvent = <TType extends string, TProps extends t.Props>(type: TType, props: TProps) =>
  t.readonly(
    t.type({
      type: t.literal(type),
      version: t.literal(1),
      data: t.readonly(t.type({ ticketId: TicketId, ...props, at: Instant })),
    }),
  );

/** The ticket was handed to an agent. */
export const TicketAssigned = ticketEvent('TicketAssigned', { assignee: UserId });
export type TicketAssigned = t.TypeOf<typeof TicketAssigned>;

/** A reply or internal note was added to the ticket. */
export const TicketReplied = ticketEvent('TicketReplied', {
  replyId: EntryId,
  author: ReplyAuthor,
  visibility: ReplyVisibility,
  body: NonEmptyString,
});
export type TicketReplied = t.TypeOf<typeof TicketReplied>;

/** No public agent reply came by `dueAt`; recorded at `at`, once per ticket. */
export const TicketFirstResponseSlaBreached = ticketEvent('TicketFirstResponseSlaBreached', {
  priority: TicketPriority,
  dueAt: Instant,
});
export type TicketFirstResponseSlaBreached = t.TypeOf<typeof TicketFirstResponseSlaBreached>;

/** The ticket went up to a higher support level. */
export const TicketEscalated = ticketEvent('TicketEscalated', {
  reason: NonEmptyString,
  toLevel: SupportLevel,
  toTeam: NonEmptyString,
});
export type TicketEscalated = t.TypeOf<typeof TicketEscalated>;

/** The priority changed, and with it the SLA due instants (still counted from the opening). */
export const TicketPriorityChanged = ticketEvent('TicketPriorityChanged', {
  previousPriority: TicketPriority,
  priority: TicketPriority,
  firstResponseDueAt: Instant,
  resolutionDueAt: Instant,
});
export type TicketPriorityChanged = t.TypeOf<typeof TicketPriorityChanged>;

/** The ticket was resolved. */
export const TicketResolved = ticketEvent('TicketResolved', { resolution: NonEmptyString });
export type TicketResolved = t.TypeOf<typeof TicketResolved>;

/** The ticket was not resolved by `dueAt`; recorded at `at`, once per ticket. */
export const TicketResolutionSlaBreached = ticketEvent('TicketResolutionSlaBreached', {
  priority: TicketPriority,
  dueAt: Instant,
});
export type TicketResolutionSlaBreached = t.TypeOf<typeof TicketResolutionSlaBreached>;

/** A resolved ticket was reopened. */
export const TicketReopened = ticketEvent('TicketReopened', { reason: NonEmptyString });
export type TicketReopened = t.TypeOf<typeof TicketReopened>;

/** A resolved ticket was closed for good. */
export const TicketClosed = ticketEvent('TicketClosed', {});
export type TicketClosed = t.TypeOf<typeof TicketClosed>;

/** The customer rated the handling of the ticket (CSAT 1–5). */
export const TicketRated = ticketEvent('TicketRated', { score: CsatValue });
export type TicketRated = t.TypeOf<typeof TicketRated>;

/** The codec of each ticket event, by its `type`. */
export const ticketEventCodecs = {
  TicketOpened,
  TicketAssigned,
  TicketReplied,
  TicketFirstResponseSlaBreached,
  TicketEscalated,
  TicketPriorityChanged,
  TicketResolved,
  TicketResolutionSlaBreached,
  TicketReopened,
  TicketClosed,
  TicketRated,
} as const;

/** Every event of the ticket aggregate. */
export const TicketEvent = t.union([
  TicketOpened,
  TicketAssigned,
  TicketReplied,
  TicketFirstResponseSlaBreached,
  TicketEscalated,
  TicketPriorityChanged,
  TicketResolved,
  TicketResolutionSlaBreached,
  TicketReopened,
  TicketClosed,
  TicketRated,
]);
export type TicketEvent = t.TypeOf<typeof TicketEvent>;

/** Ticket events have had one schema version so far, so nothing needs upcasting yet. */
export const ticketUpcasters: ReadonlyArray<Upcaster> = [];

/** Reads a stored ticket event of any known version as the current schema. */
export const decodeTicketEvent = (stored: StoredEvent): E.Either<InvalidInput, TicketEvent> =>
  E.flatMap(upcastEvent(ticketUpcasters, stored), (current) =>
    decodeByType(ticketEventCodecs, current),
  );
