import * as t from 'io-ts';
import { UserId } from '../kernel/ids.ts';

/** How the customer reached us with the case. */
export const TicketChannel = t.keyof({
  email: null,
  phone: null,
  chat: null,
  web: null,
  social: null,
  visit: null,
});
export type TicketChannel = t.TypeOf<typeof TicketChannel>;

/** What kind of case it is; `after_sales` cases usually name the order (the won deal). */
export const TicketCategory = t.keyof({
  question: null,
  complaint: null,
  incident: null,
  after_sales: null,
});
export type TicketCategory = t.TypeOf<typeof TicketCategory>;

/** How urgent the case is; the priority sets the SLA targets (see `slaTargets`). */
export const TicketPriority = t.keyof({ low: null, normal: null, high: null, urgent: null });
export type TicketPriority = t.TypeOf<typeof TicketPriority>;

/** Who wrote a reply: an agent (a member of staff) or the customer the ticket is for. */
export const ReplyAuthor = t.union([
  t.readonly(t.type({ kind: t.literal('agent'), userId: UserId })),
  t.readonly(t.type({ kind: t.literal('customer') })),
]);
export type ReplyAuthor = t.TypeOf<typeof ReplyAuthor>;

/** A `public` reply is seen by the customer; an `internal` note only by staff. */
export const ReplyVisibility = t.keyof({ public: null, internal: null });
export type ReplyVisibility = t.TypeOf<typeof ReplyVisibility>;

/** The support line handling a ticket: 1 (first line, where every ticket starts) to 3 (experts). */
export const SupportLevel = t.union([t.literal(1), t.literal(2), t.literal(3)]);
export type SupportLevel = t.TypeOf<typeof SupportLevel>;
