import {
  CsatValue,
  CustomerId,
  DealId,
  EntryId,
  type TicketAssigned,
  type TicketClosed,
  type TicketEscalated,
  type TicketEvent,
  type TicketFirstResponseSlaBreached,
  type TicketOpened,
  type TicketPriorityChanged,
  type TicketRated,
  type TicketReopened,
  type TicketReplied,
  type TicketResolutionSlaBreached,
  type TicketResolved,
} from '@crm/domain';
import * as fc from 'fast-check';
import { idFrom, instantArbitrary, textArbitrary, userIdArbitrary } from '../kernel-arbitraries.ts';
import { ticketIdArbitrary } from './command-arbitraries.ts';
import {
  supportLevelArbitrary,
  ticketCategoryArbitrary,
  ticketChannelArbitrary,
  ticketPriorityArbitrary,
} from './value-arbitraries.ts';

const event = <TType extends TicketEvent['type'], TData>(
  type: TType,
  data: fc.Arbitrary<TData>,
): fc.Arbitrary<{ type: TType; version: 1; data: TData }> =>
  // Spread: fc.record builds null-prototype objects, which decoded JSON never equals strictly.
  data.map((d) => ({ type, version: 1 as const, data: { ...d } }));

/** A `TicketOpened` with any fields (its due instants need not match the SLA table). */
export const ticketOpenedArbitrary: fc.Arbitrary<TicketOpened> = event(
  'TicketOpened',
  fc.record(
    {
      ticketId: ticketIdArbitrary,
      customerId: idFrom(CustomerId, 'customer-', 3),
      subject: textArbitrary,
      description: textArbitrary,
      channel: ticketChannelArbitrary,
      category: ticketCategoryArbitrary,
      priority: ticketPriorityArbitrary,
      dealId: idFrom(DealId, 'deal-', 2),
      firstResponseDueAt: instantArbitrary,
      resolutionDueAt: instantArbitrary,
      at: instantArbitrary,
    },
    {
      requiredKeys: [
        'ticketId',
        'customerId',
        'subject',
        'description',
        'channel',
        'category',
        'priority',
        'firstResponseDueAt',
        'resolutionDueAt',
        'at',
      ],
    },
  ),
);

/** Any `TicketAssigned`, for any state or none. */
export const ticketAssignedArbitrary: fc.Arbitrary<TicketAssigned> = event(
  'TicketAssigned',
  fc.record({ ticketId: ticketIdArbitrary, assignee: userIdArbitrary, at: instantArbitrary }),
);

/** Any `TicketReplied`, for any state or none. */
export const ticketRepliedArbitrary: fc.Arbitrary<TicketReplied> = event(
  'TicketReplied',
  fc.record({
    ticketId: ticketIdArbitrary,
    replyId: idFrom(EntryId, 'reply-', 8),
    author: fc.oneof(
      userIdArbitrary.map((userId) => ({ kind: 'agent' as const, userId })),
      fc.constant({ kind: 'customer' as const }),
    ),
    visibility: fc.constantFrom('public', 'internal'),
    body: textArbitrary,
    at: instantArbitrary,
  }),
);

const breachData = fc.record({
  ticketId: ticketIdArbitrary,
  priority: ticketPriorityArbitrary,
  dueAt: instantArbitrary,
  at: instantArbitrary,
});

/** Any `TicketFirstResponseSlaBreached`, for any state or none. */
export const ticketFirstResponseSlaBreachedArbitrary: fc.Arbitrary<TicketFirstResponseSlaBreached> =
  event('TicketFirstResponseSlaBreached', breachData);

/** Any `TicketEscalated`, for any state or none. */
export const ticketEscalatedArbitrary: fc.Arbitrary<TicketEscalated> = event(
  'TicketEscalated',
  fc.record({
    ticketId: ticketIdArbitrary,
    reason: textArbitrary,
    toLevel: supportLevelArbitrary,
    toTeam: textArbitrary,
    at: instantArbitrary,
  }),
);

/** Any `TicketPriorityChanged`, for any state or none. */
export const ticketPriorityChangedArbitrary: fc.Arbitrary<TicketPriorityChanged> = event(
  'TicketPriorityChanged',
  fc.record({
    ticketId: ticketIdArbitrary,
    previousPriority: ticketPriorityArbitrary,
    priority: ticketPriorityArbitrary,
    firstResponseDueAt: instantArbitrary,
    resolutionDueAt: instantArbitrary,
    at: instantArbitrary,
  }),
);

/** Any `TicketResolved`, for any state or none. */
export const ticketResolvedArbitrary: fc.Arbitrary<TicketResolved> = event(
  'TicketResolved',
  fc.record({ ticketId: ticketIdArbitrary, resolution: textArbitrary, at: instantArbitrary }),
);

/** Any `TicketResolutionSlaBreached`, for any state or none. */
export const ticketResolutionSlaBreachedArbitrary: fc.Arbitrary<TicketResolutionSlaBreached> =
  event('TicketResolutionSlaBreached', breachData);

/** Any `TicketReopened`, for any state or none. */
export const ticketReopenedArbitrary: fc.Arbitrary<TicketReopened> = event(
  'TicketReopened',
  fc.record({ ticketId: ticketIdArbitrary, reason: textArbitrary, at: instantArbitrary }),
);

/** Any `TicketClosed`, for any state or none. */
export const ticketClosedArbitrary: fc.Arbitrary<TicketClosed> = event(
  'TicketClosed',
  fc.record({ ticketId: ticketIdArbitrary, at: instantArbitrary }),
);

/** Any `TicketRated`, for any state or none. */
export const ticketRatedArbitrary: fc.Arbitrary<TicketRated> = event(
  'TicketRated',
  fc.record({
    ticketId: ticketIdArbitrary,
    score: fc.integer({ min: 1, max: 5 }).filter((n): n is CsatValue => CsatValue.is(n)),
    at: instantArbitrary,
  }),
);

/** Any ticket event, applicable to a given state or not. */
export const ticketEventArbitrary: fc.Arbitrary<TicketEvent> = fc.oneof(
  ticketOpenedArbitrary,
  ticketAssignedArbitrary,
  ticketRepliedArbitrary,
  ticketFirstResponseSlaBreachedArbitrary,
  ticketEscalatedArbitrary,
  ticketPriorityChangedArbitrary,
  ticketResolvedArbitrary,
  ticketResolutionSlaBreachedArbitrary,
  ticketReopenedArbitrary,
  ticketClosedArbitrary,
  ticketRatedArbitrary,
);
