import { type DomainEvent, ticketEventCodecs } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Insertable, Transaction } from 'kysely';
import {
  anyOf,
  eventTypesOf,
  inMemoryFold,
  isEventOf,
  isoOf,
  isoOrNull,
  replaceRows,
  unappliedEvents,
  utcOf,
} from '../projection-kit/index.ts';
import { serviceSlaMigrations } from './migrations.ts';
import { type ServiceSlaTables, type SlaTicketTable, slaTicketKinds } from './tables.ts';

/** The events the SLA board reads: every ticket event. */
export const serviceSlaEventTypes = eventTypesOf(ticketEventCodecs);

type SlaEvent = Extract<DomainEvent, { readonly type: (typeof serviceSlaEventTypes)[number] }>;

const isSlaEvent = isEventOf(serviceSlaEventTypes);

type TicketRow = Insertable<SlaTicketTable> & {
  status: SlaTicketTable['status'];
  escalations: number;
  reopenings: number;
};

/**
 * The tickets one batch touches, loaded once, changed in memory, written back once; in a
 * rebuild's fold, every ticket, kept from batch to batch.
 */
interface Working {
  readonly tickets: Map<string, TicketRow>;
  readonly dirtyTickets: Set<string>;
}

const emptyWorking = (): Working => ({ tickets: new Map(), dirtyTickets: new Set() });

/** Folds one event into its ticket's row, as the ticket's own `evolve` does; false if no change. */
const evolve = (tickets: Map<string, TicketRow>, event: SlaEvent): boolean => {
  if (event.type === 'TicketOpened') {
    const { data } = event;
    if (tickets.has(data.ticketId)) return false;
    tickets.set(data.ticketId, {
      ticket_id: data.ticketId,
      customer_id: data.customerId,
      priority: data.priority,
      category: data.category,
      channel: data.channel,
      status: 'open',
      assignee_id: null,
      level: 1,
      escalations: 0,
      reopenings: 0,
      opened_at: utcOf(data.at),
      first_response_due_at: utcOf(data.firstResponseDueAt),
      resolution_due_at: utcOf(data.resolutionDueAt),
      first_responded_at: null,
      resolved_at: null,
      closed_at: null,
      first_response_breached_at: null,
      resolution_breached_at: null,
      rating: null,
    });
    return true;
  }
  const ticket = tickets.get(event.data.ticketId);
  if (ticket === undefined) return false;
  const at = utcOf(event.data.at);
  switch (event.type) {
    case 'TicketAssigned':
      ticket.assignee_id = event.data.assignee;
      return true;
    case 'TicketReplied': {
      const { author, visibility } = event.data;
      if (author.kind !== 'agent' || visibility !== 'public' || ticket.first_responded_at != null) {
        return false;
      }
      ticket.first_responded_at = at;
      return true;
    }
    case 'TicketFirstResponseSlaBreached':
      ticket.first_response_breached_at ??= at;
      return true;
    case 'TicketResolutionSlaBreached':
      ticket.resolution_breached_at ??= at;
      return true;
    case 'TicketEscalated':
      ticket.level = event.data.toLevel;
      ticket.escalations += 1;
      return true;
    case 'TicketPriorityChanged':
      ticket.priority = event.data.priority;
      ticket.first_response_due_at = utcOf(event.data.firstResponseDueAt);
      ticket.resolution_due_at = utcOf(event.data.resolutionDueAt);
      return true;
    case 'TicketResolved':
      if (ticket.status !== 'open') return false;
      ticket.status = 'resolved';
      ticket.resolved_at = at;
      return true;
    case 'TicketReopened':
      if (ticket.status !== 'resolved') return false;
      ticket.status = 'open';
      ticket.resolved_at = null;
      ticket.reopenings += 1;
      return true;
    case 'TicketClosed':
      if (ticket.status !== 'resolved') return false;
      ticket.status = 'closed';
      ticket.closed_at = at;
      return true;
    case 'TicketRated':
      if (ticket.rating != null) return false;
      ticket.rating = event.data.score;
      return true;
    default: {
      const _exhaustive: never = event;
      return false;
    }
  }
};

const _nullableIso = (value: Date | null): string | null => isoOrNull(value);

const load = async (
  db: Transaction<ServiceSlaTables>,
  events: ReadonlyArray<SlaEvent>,
): Promise<Working> => {
  const working = emptyWorking();
  const ids = [...new Set(events.map((event) => event.data.ticketId))];
  if (ids.length === 0) return working;
  const stored = await db
    .selectFrom('sla_ticket')
    .selectAll()
    .where('ticket_id', '=', anyOf(ids))
    .execute();
  for (const row of stored) {
    working.tickets.set(row.ticket_id, {
      ...row,
      opened_at: isoOf(row.opened_at),
      first_response_due_at: isoOf(row.first_response_due_at),
      resolution_due_at: isoOf(row.resolution_due_at),
      first_responded_at: isoOrNull(row.first_responded_at),
      resolved_at: isoOrNull(row.resolved_at),
      closed_at: isoOrNull(row.closed_at),
      first_response_breached_at: isoOrNull(row.first_response_breached_at),
      resolution_breached_at: isoOrNull(row.resolution_breached_at),
    });
  }
  return working;
};

const applyEvents = (working: Working, events: ReadonlyArray<ProjectedEvent>): void => {
  for (const { event } of events) {
    if (isSlaEvent(event) && evolve(working.tickets, event)) {
      working.dirtyTickets.add(event.data.ticketId);
    }
  }
};

/** Writes the changed tickets and forgets that they changed. */
const write = async (db: Transaction<ServiceSlaTables>, working: Working): Promise<void> => {
  const rows = [...working.dirtyTickets].flatMap((id) => {
    const ticket = working.tickets.get(id);
    return ticket === undefined ? [] : [ticket];
  });
  await replaceRows(db, 'sla_ticket', ['ticket_id'], rows, slaTicketKinds);
  working.dirtyTickets.clear();
};

const apply = async (
  db: Transaction<ServiceSlaTables>,
  events: ReadonlyArray<ProjectedEvent>,
): Promise<void> => {
  const { fresh, record } = await unappliedEvents(db, events);
  const working = await load(
    db,
    fresh.flatMap(({ event }) => (isSlaEvent(event) ? [event] : [])),
  );
  applyEvents(working, fresh);
  await write(db, working);
  await record();
};

// A rebuild from zero: every ticket stays in memory from batch to batch.
const startFold = inMemoryFold<ServiceSlaTables, Working>({
  start: emptyWorking,
  apply: applyEvents,
  write,
  rowsHeld: (working) => working.tickets.size,
});

/**
 * The service SLA board (schema `service_sla`): every ticket's priority, assignee, status and
 * SLA clocks (due instants, first response, resolution, recorded breaches), from which queries
 * count open tickets and breaches and measure response and resolution times.
 *
 * Times come from the events (`data.at`), never from a clock, so the settings are taken only
 * for a uniform factory signature.
 *
 * @example
 * const projection = serviceSlaProjection({ reportingCurrency: 'EUR', timeZone: 'UTC' });
 */
export const serviceSlaProjection = (
  _settings: ReportingSettings,
): Projection<ServiceSlaTables> => ({
  name: 'service_sla',
  version: 1,
  migrations: serviceSlaMigrations,
  eventTypes: serviceSlaEventTypes,
  apply,
  startFold,
});
