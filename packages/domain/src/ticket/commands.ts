import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { CsatValue } from '../customer/engagement.ts';
import { decodeByType } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { CustomerId, DealId, EntryId, TicketId, UserId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import {
  ReplyAuthor,
  ReplyVisibility,
  SupportLevel,
  TicketCategory,
  TicketChannel,
  TicketPriority,
} from './values.ts';

/** Opens a service case for a customer; `dealId` names the order an after-sales case is about. */
export const OpenTicket = t.readonly(
  t.type({
    type: t.literal('OpenTicket'),
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
          at: Instant,
        }),
        t.partial({ dealId: DealId }),
      ]),
    ),
  }),
);
export type OpenTicket = t.TypeOf<typeof OpenTicket>;

const ticketCommand = <TType extends string, TProps extends t.Props>(type: TType, props: TProps) =>
  t.readonly(
    t.type({
      type: t.literal(type),
      data: t.readonly(t.type({ ticketId: TicketId, ...props, at: Instant })),
    }),
  );

/** Hands the ticket to an agent. */
export const AssignTicket = ticketCommand('AssignTicket', { assignee: UserId });
export type AssignTicket = t.TypeOf<typeof AssignTicket>;

/** Records a reply: an agent's or the customer's, public or (agents only) an internal note. */
export const ReplyToTicket = ticketCommand('ReplyToTicket', {
  replyId: EntryId,
  author: ReplyAuthor,
  visibility: ReplyVisibility,
  body: NonEmptyString,
});
export type ReplyToTicket = t.TypeOf<typeof ReplyToTicket>;

/** Escalates the ticket to a higher support level and the team there. */
export const EscalateTicket = ticketCommand('EscalateTicket', {
  reason: NonEmptyString,
  toLevel: SupportLevel,
  toTeam: NonEmptyString,
});
export type EscalateTicket = t.TypeOf<typeof EscalateTicket>;

/** Changes the priority; the SLA due instants are recomputed from the opening instant. */
export const ChangeTicketPriority = ticketCommand('ChangeTicketPriority', {
  priority: TicketPriority,
});
export type ChangeTicketPriority = t.TypeOf<typeof ChangeTicketPriority>;

/** Resolves the ticket, saying how. */
export const ResolveTicket = ticketCommand('ResolveTicket', { resolution: NonEmptyString });
export type ResolveTicket = t.TypeOf<typeof ResolveTicket>;

/** Reopens a resolved (not closed) ticket, saying why. */
export const ReopenTicket = ticketCommand('ReopenTicket', { reason: NonEmptyString });
export type ReopenTicket = t.TypeOf<typeof ReopenTicket>;

/** Closes a resolved ticket for good. */
export const CloseTicket = ticketCommand('CloseTicket', {});
export type CloseTicket = t.TypeOf<typeof CloseTicket>;

/** Records the customer's satisfaction with a resolved or closed ticket (CSAT 1–5), once. */
export const RateTicket = ticketCommand('RateTicket', { score: CsatValue });
export type RateTicket = t.TypeOf<typeof RateTicket>;

/** Asks, as of `at`, which SLA breaches are due and not yet recorded (a scheduler sends it). */
export const CheckTicketSla = ticketCommand('CheckTicketSla', {});
export type CheckTicketSla = t.TypeOf<typeof CheckTicketSla>;

/** The codec of each ticket command, by its `type`. */
export const ticketCommandCodecs = {
  OpenTicket,
  AssignTicket,
  ReplyToTicket,
  EscalateTicket,
  ChangeTicketPriority,
  ResolveTicket,
  ReopenTicket,
  CloseTicket,
  RateTicket,
  CheckTicketSla,
} as const;

/** Every command the ticket aggregate takes. */
export const TicketCommand = t.union([
  OpenTicket,
  AssignTicket,
  ReplyToTicket,
  EscalateTicket,
  ChangeTicketPriority,
  ResolveTicket,
  ReopenTicket,
  CloseTicket,
  RateTicket,
  CheckTicketSla,
]);
export type TicketCommand = t.TypeOf<typeof TicketCommand>;

/** Decodes an untrusted ticket command; a failure names the offending field. */
export const decodeTicketCommand = (input: unknown): E.Either<InvalidInput, TicketCommand> =>
  decodeByType(ticketCommandCodecs, input);
